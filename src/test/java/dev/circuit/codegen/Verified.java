package dev.circuit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Printer;

/** For the generators' tests: a generated class checked by ASM's verifier, and what its methods do. */
public final class Verified {
    private Verified() {}

    /**
     * Fails unless {@code bytes} is a well-formed class whose every method passes ASM's data-flow
     * verifier (types of locals and stack at every instruction, {@code loader} resolving the
     * classes it names). The JVM verifies the stack map frames when the class is loaded.
     */
    public static void assertVerifies(byte[] bytes, ClassLoader loader, String what) {
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), loader, false, new PrintWriter(problems));
        assertEquals("", problems.toString(), what);
    }

    /** Per method name, the opcodes it executes (by name) and the methods it calls. */
    public static Map<String, TreeSet<String>> instructions(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        Map<String, TreeSet<String>> all = new TreeMap<>();
        for (MethodNode m : node.methods) {
            TreeSet<String> used = new TreeSet<>();
            for (AbstractInsnNode i : m.instructions) {
                if (i.getOpcode() >= 0) used.add(Printer.OPCODES[i.getOpcode()]);
                if (i instanceof MethodInsnNode call) used.add(call.name);
            }
            all.put(m.name, used);
        }
        return all;
    }
}
