package dev.circuit.engine;

import dev.circuit.codegen.ClassWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Compiles a scheduled gate network into a class with one static method,
 * {@code long run(long fromWord, long toWord, long[] out, long[] pattern)}: block by block
 * ({@link Schedule#words()} 64-row words each), an int-counted loop over the block's words sets the
 * inputs (the in-block row bits read from {@code pattern}) and computes every gate with values in
 * local variables, storing the property's word in {@code out}; after the loop the block's words are
 * scanned and the first row where the property is 0 is returned, or -1.
 *
 * <p>Why this shape: a counted loop whose straight-line body has no exit took half the cycles of one
 * word per iteration of a {@code long}-counted loop with the failure test inside (measured on
 * adder16, docs/BENCHMARKS.md, "Results with block loops").
 *
 * <p>The class file is written by {@link ClassWriter} at version 49, which needs no stack map
 * frames, so no bytecode library is needed. Methods larger than the JIT compiles
 * ({@link #MAX_CODE} bytes) are refused, and the engine then interprets.
 */
final class Bytecode {
    /** HotSpot does not JIT-compile methods above 8000 bytes of bytecode by default. */
    static final int MAX_CODE = 7900;

    private Bytecode() {}

    /** The compiled method as a handle of type (long, long, long[], long[]) -> long, or null when the code is too large. */
    static MethodHandle compile(Schedule s) {
        ClassWriter w = new ClassWriter("dev/circuit/engine/GeneratedCheck");
        ClassWriter.Code c = w.method(0x0009, "run", "(JJ[J[J)J", SLOT0 + 2 * (s.slots() + s.inputs()));
        if (!code(s, w, c)) return null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(w.bytes(), true);
            return lookup.findStatic(lookup.lookupClass(), "run", MethodType.methodType(long.class, long.class, long.class, long[].class, long[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated check class did not load", e);
        }
    }

    /** What the compiler needs of the scheduled network: slots are local values, 0 false, 1 true. */
    interface Schedule {
        /**
         * Words (64 rows each) per block, a power of two at most 64; the method's {@code out} holds as
         * many. The method's {@code fromWord} must start a block (a multiple of this), and so must
         * {@code toWord} unless it is the last word of all.
         */
        int words();

        /** Rows in all (a power of two, at least 64). */
        long rows();

        int slots();

        int inputs();

        int inputSlot(int i);

        int inputRowBit(int i);

        int gates();

        Op op(int k);

        int a(int k);

        int b(int k);

        int out(int k);

        int property();
    }

    // Locals: 0-1 fromWord, 2-3 toWord, 4 out[], 5 pattern[], 6-7 w0 (first word of the block),
    // 8 n (words in the block), 9 i (word in the block), 10-11 scratch; then two per slot, then two
    // per input whose row bit is constant over a block.
    private static final int FROM = 0, TO = 2, OUT = 4, PATTERN = 5, W0 = 6, N = 8, I = 9, TMP = 10, SLOT0 = 12;

    private static boolean code(Schedule s, ClassWriter w, ClassWriter.Code c) {
        int minusOne = w.longConst(-1L);
        int ntz = w.methodRef("java/lang/Long", "numberOfTrailingZeros", "(J)I");
        long[] laneValues = BitParallel.lanes();
        int[] lane = new int[laneValues.length];
        for (int i = 0; i < lane.length; i++) lane[i] = w.longConst(laneValues[i]);
        int lw = Integer.numberOfTrailingZeros(s.words());
        // When every block is full the loops count to a constant, which C2 unrolls without a
        // remainder loop; otherwise (fewer rows than one block) to n.
        boolean full = s.rows() / 64 % s.words() == 0;
        c.lload(FROM).lstore(W0);                      // w0 = fromWord
        int outer = c.size();
        c.lload(W0).lload(TO).op(0x94);                // lcmp w0, to
        int exitJump = c.branch(0x9C);               // ifge END
        // n = min(words, to - w0)
        c.lload(TO).lload(W0).op(0x65).lstore(TMP);     // tmp = to - w0
        c.lload(TMP).bipush(s.words()).op(0x85).op(0x94); // lcmp tmp, words
        int atLeast = c.branch(0x9C);                // ifge FULL
        c.lload(TMP).op(0x88).op(0x36).op(N);         // n = (int) tmp
        int joined = c.branch(0xA7);
        c.patch(atLeast, c.size());
        c.bipush(s.words()).op(0x36).op(N);          // n = words
        c.patch(joined, c.size());
        // Row bits above the block's own are constant over the block: 0 or -1, computed once.
        for (int i = 0; i < s.inputs(); i++) {
            int bit = s.inputRowBit(i);
            if (bit >= 6 + lw) c.lload(W0).bipush(bit - 6).op(0x7D).op(0x0A).op(0x7F).op(0x75).lstore(high(s, i));
        }
        // for (i = 0; i < n; i++) { inputs; gates; out[i] = property }
        c.op(0x03).op(0x36).op(I);
        int inner = c.size();
        c.op(0x15).op(I);
        bound(c, s, full);
        int innerExit = c.branch(0xA2);              // if_icmpge
        c.op(0x09).lstore(local(0));                  // slot 0 = 0
        c.ldc2w(minusOne).lstore(local(1));             // slot 1 = -1
        for (int i = 0; i < s.inputs(); i++) {
            int bit = s.inputRowBit(i);
            if (bit < 6) c.ldc2w(lane[bit]);                                   // lane pattern
            else if (bit < 6 + lw) c.op(0x19).op(PATTERN).op(0x15).op(I).op(0x11).u2((bit - 6) * s.words()).op(0x60).op(0x2F); // pattern[k * words + i]
            else c.lload(high(s, i));
            c.lstore(local(s.inputSlot(i)));
        }
        for (int k = 0; k < s.gates(); k++) {
            c.lload(local(s.a(k)));
            switch (s.op(k)) {
                case AND: c.lload(local(s.b(k))).op(0x7F); break;
                case OR: c.lload(local(s.b(k))).op(0x81); break;
                case XOR: c.lload(local(s.b(k))).op(0x83); break;
                case NAND: c.lload(local(s.b(k))).op(0x7F).ldc2w(minusOne).op(0x83); break;
                case NOR: c.lload(local(s.b(k))).op(0x81).ldc2w(minusOne).op(0x83); break;
                case XNOR: c.lload(local(s.b(k))).op(0x83).ldc2w(minusOne).op(0x83); break;
                case ANDN: c.lload(local(s.b(k))).ldc2w(minusOne).op(0x83).op(0x7F); break;
                case ORN: c.lload(local(s.b(k))).ldc2w(minusOne).op(0x83).op(0x81); break;
                default: c.ldc2w(minusOne).op(0x83); break;
            }
            c.lstore(local(s.out(k)));
            if (c.size() > MAX_CODE) return false;
        }
        c.op(0x19).op(OUT).op(0x15).op(I).lload(local(s.property())).op(0x50); // out[i] = property
        c.op(0x84).op(I).op(1);                      // i++
        c.patch(c.branch(0xA7), inner);
        c.patch(innerExit, c.size());
        // The property's words are checked after the loop, so the loop body has no exit.
        c.op(0x03).op(0x36).op(I);
        int scan = c.size();
        c.op(0x15).op(I);
        bound(c, s, full);
        int scanExit = c.branch(0xA2);
        c.op(0x19).op(OUT).op(0x15).op(I).op(0x2F).ldc2w(minusOne).op(0x94); // lcmp out[i], -1
        int ok = c.branch(0x99);                     // ifeq NEXT
        c.lload(W0).op(0x15).op(I).op(0x85).op(0x61).bipush(6).op(0x79);    // (w0 + i) << 6
        c.op(0x19).op(OUT).op(0x15).op(I).op(0x2F).ldc2w(minusOne).op(0x83); // ~out[i]
        c.op(0xB8).u2(ntz).op(0x85).op(0x61).op(0xAD); // + numberOfTrailingZeros(~out[i]); lreturn
        c.patch(ok, c.size());
        c.op(0x84).op(I).op(1);
        c.patch(c.branch(0xA7), scan);
        c.patch(scanExit, c.size());
        c.lload(W0).bipush(s.words()).op(0x85).op(0x61).lstore(W0); // w0 += words
        c.patch(c.branch(0xA7), outer);
        c.patch(exitJump, c.size());
        c.ldc2w(minusOne).op(0xAD);                    // return -1
        return c.size() <= MAX_CODE;
    }

    private static void bound(ClassWriter.Code c, Schedule s, boolean full) {
        if (full) c.bipush(s.words());
        else c.op(0x15).op(N);
    }

    private static int local(int slot) {
        return SLOT0 + 2 * slot;
    }

    private static int high(Schedule s, int input) {
        return SLOT0 + 2 * s.slots() + 2 * input;
    }
}
