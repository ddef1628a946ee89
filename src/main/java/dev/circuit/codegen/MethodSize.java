package dev.circuit.codegen;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * How large a generated method may grow, and how large it is so far. HotSpot does not JIT-compile
 * methods above 8000 bytes of bytecode (by default), and an interpreted generated method is slower
 * than the interpreters it replaces, so the generators stop at {@link #MAX} and their callers
 * interpret instead.
 */
public final class MethodSize {
    /** The largest method the generators write, a margin below HotSpot's 8000 bytes. */
    public static final int MAX = 7900;

    private MethodSize() {}

    /**
     * Bytes of code written to {@code m} so far: the offset of a label placed here. ASM has no other
     * way to tell; the label writes nothing (it only starts a basic block for ASM's frame analysis).
     */
    private static int of(MethodVisitor m) {
        Label here = new Label();
        m.visitLabel(here);
        return here.getOffset();
    }

    /** Whether {@code m} still fits: at most {@link #MAX} bytes so far. */
    public static boolean fits(MethodVisitor m) {
        return of(m) <= MAX;
    }

    /**
     * Whether {@code m} still fits after its {@code k}-th group of instructions (a gate, an op),
     * measured at every {@link #EVERY}th only: true in between. The generators measure exactly once
     * more at the end; this only stops them early. Why not every time: each label costs ASM a basic
     * block in its frame computation, and one per gate took the time to generate adder16's check
     * from about 0.6 to 1.15 ms (docs/BENCHMARKS.md).
     */
    public static boolean fitsEvery(MethodVisitor m, int k) {
        return k % EVERY != EVERY - 1 || fits(m);
    }

    /** Instruction groups between two measurements in {@link #fitsEvery}. */
    static final int EVERY = 32;
}
