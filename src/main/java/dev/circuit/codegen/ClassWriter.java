package dev.circuit.codegen;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One class file: a public final class with a no-argument constructor, optional interfaces and the
 * methods added with {@link #method}. Version 49 (Java 5) needs no stack map frames, so code with
 * forward and backward branches can be written without computing them; the JVM verifies it by type
 * inference.
 */
public final class ClassWriter {
    private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
    private final DataOutputStream poolOut = new DataOutputStream(pool);
    private final Map<String, Integer> entries = new HashMap<>();
    private int poolCount = 1;
    private final int thisClass;
    private final int superClass;
    private final int[] interfaces;
    private final List<Code> methods = new ArrayList<>();

    /** {@code name} and the interfaces in internal form ("dev/circuit/train/Kernel"). */
    public ClassWriter(String name, String... interfaces) {
        thisClass = classRef(name);
        superClass = classRef("java/lang/Object");
        this.interfaces = new int[interfaces.length];
        for (int i = 0; i < interfaces.length; i++) this.interfaces[i] = classRef(interfaces[i]);
        Code init = method(0x0001, "<init>", "()V", 1);
        init.aload(0).op(0xB7).u2(methodRef("java/lang/Object", "<init>", "()V")).op(0xB1);
    }

    /** A new method (access flags as in the class-file format); {@code maxLocals} counts its slots. */
    public Code method(int access, String name, String descriptor, int maxLocals) {
        Code c = new Code(access, utf8(name), utf8(descriptor), maxLocals);
        methods.add(c);
        return c;
    }

    public int methodRef(String owner, String name, String descriptor) {
        Integer known = entries.get("M" + owner + "." + name + descriptor);
        if (known != null) return known;
        int cls = classRef(owner);
        int nat = nameAndType(name, descriptor);
        return add("M" + owner + "." + name + descriptor, 10, cls, nat);
    }

    private int nameAndType(String name, String descriptor) {
        Integer known = entries.get("N" + name + descriptor);
        if (known != null) return known;
        int n = utf8(name);
        int d = utf8(descriptor);
        return add("N" + name + descriptor, 12, n, d);
    }

    public int classRef(String internalName) {
        Integer known = entries.get("C" + internalName);
        if (known != null) return known;
        int n = utf8(internalName);
        return add("C" + internalName, 7, n, -1);
    }

    /** A long constant (two pool slots), for {@link Code#ldc2w}. */
    public int longConst(long v) {
        Integer known = entries.get("J" + v);
        if (known != null) return known;
        try {
            poolOut.writeByte(5);
            poolOut.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put("J" + v, poolCount);
        int at = poolCount;
        poolCount += 2;
        return at;
    }

    public int utf8(String s) {
        Integer known = entries.get("U" + s);
        if (known != null) return known;
        try {
            poolOut.writeByte(1);
            poolOut.writeUTF(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put("U" + s, poolCount);
        return poolCount++;
    }

    /**
     * Appends an entry of {@code tag} with one or two u2 operands ({@code b} < 0: one). Entries it
     * refers to were added before it. (Plain code, no lambdas: this runs inside a timed training
     * run, and a lambda's first use costs milliseconds.)
     */
    private int add(String key, int tag, int a, int b) {
        try {
            poolOut.writeByte(tag);
            poolOut.writeShort(a);
            if (b >= 0) poolOut.writeShort(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put(key, poolCount);
        return poolCount++;
    }

    public byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(bytes)) {
            int codeName = utf8("Code");
            o.writeInt(0xCAFEBABE);
            o.writeShort(0);
            o.writeShort(49);
            o.writeShort(poolCount);
            o.write(pool.toByteArray());
            o.writeShort(0x0031);                      // public final super
            o.writeShort(thisClass);
            o.writeShort(superClass);
            o.writeShort(interfaces.length);
            for (int i : interfaces) o.writeShort(i);
            o.writeShort(0);                           // fields
            o.writeShort(methods.size());
            for (Code c : methods) {
                byte[] code = c.bytes();
                o.writeShort(c.access);
                o.writeShort(c.name);
                o.writeShort(c.descriptor);
                o.writeShort(1);                       // attributes: Code
                o.writeShort(codeName);
                o.writeInt(2 + 2 + 4 + code.length + 2 + 2);
                o.writeShort(c.maxStack);
                o.writeShort(c.maxLocals);
                o.writeInt(code.length);
                o.write(code);
                o.writeShort(0);                       // exception table
                o.writeShort(0);                       // code attributes
            }
            o.writeShort(0);                           // class attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A method's bytecode, growing; the few instructions the generators use have helpers. */
    public static final class Code {
        private final int access;
        private final int name;
        private final int descriptor;
        private final int maxLocals;
        private int maxStack = 16;
        private byte[] b = new byte[256];
        private int n;

        private Code(int access, int name, int descriptor, int maxLocals) {
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
            this.maxLocals = maxLocals;
        }

        public Code maxStack(int s) {
            maxStack = s;
            return this;
        }

        public int size() {
            return n;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(b, n);
        }

        public Code op(int x) {
            if (n == b.length) b = java.util.Arrays.copyOf(b, n * 2);
            b[n++] = (byte) x;
            return this;
        }

        public Code u2(int x) {
            return op(x >>> 8).op(x);
        }

        private Code local(int opcode, int slot) {
            return slot < 256 ? op(opcode).op(slot) : op(0xC4).op(opcode).u2(slot);
        }

        public Code aload(int slot) {
            return local(0x19, slot);
        }

        public Code dload(int slot) {
            return local(0x18, slot);
        }

        public Code dstore(int slot) {
            return local(0x39, slot);
        }

        public Code lload(int slot) {
            return local(0x16, slot);
        }

        public Code lstore(int slot) {
            return local(0x37, slot);
        }

        /** Pushes the long constant at pool index {@code index} ({@link ClassWriter#longConst}). */
        public Code ldc2w(int index) {
            return op(0x14).u2(index);
        }

        public Code bipush(int v) {
            return op(0x10).op(v);
        }

        public Code iload(int slot) {
            return local(0x15, slot);
        }

        /** Pushes an int constant up to 32767 (sipush or shorter). */
        public Code iconst(int v) {
            if (v < -1 || v > 32767) throw new IllegalArgumentException("constant out of range: " + v);
            if (v <= 5) return op(0x03 + v);
            if (v <= 127) return op(0x10).op(v);
            return op(0x11).u2(v);
        }

        /** Emits a branch with a placeholder offset; returns its position for {@link #patch}. */
        public int branch(int opcode) {
            int at = n;
            op(opcode).u2(0);
            return at;
        }

        /** Points the branch at {@code at} to {@code target}; both must lie within 32 KB of each other. */
        public void patch(int at, int target) {
            int off = target - at;
            if (off != (short) off) throw new IllegalStateException("branch too far: " + off);
            b[at + 1] = (byte) (off >>> 8);
            b[at + 2] = (byte) off;
        }
    }
}
