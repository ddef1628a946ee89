package dev.circuit.engine;

import static org.objectweb.asm.Opcodes.*;

import dev.circuit.codegen.MethodSize;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles a scheduled gate network into a class with one static method,
 * {@code long run(long fromWord, long toWord, long[] out, long[] pattern)}: block by block
 * ({@link Schedule#words()} 64-row words each), the gates constant over the block run once on the
 * slow inputs, then an int-counted loop over the block's words sets the fast inputs (the in-block
 * positions read from {@code pattern}) and computes the row gates with values in local variables,
 * storing the property's word in {@code out}; after the loop the block's words are scanned and the
 * enumeration index of the first word's first row where the property is 0 is returned, or -1 (the
 * caller turns it into rows; {@code out} then holds the whole block).
 *
 * <p>Why this shape: a counted loop whose straight-line body has no exit took half the cycles of one
 * word per iteration of a {@code long}-counted loop with the failure test inside (measured on
 * adder16, docs/BENCHMARKS.md, "Results with block loops").
 *
 * <p>ASM writes the class and computes its stack map frames and stack size. Methods larger than the
 * JIT compiles ({@link MethodSize#MAX} bytes) are refused, and the engine then interprets.
 */
final class Bytecode {
    private static final String NAME = "dev/circuit/engine/GeneratedCheck";

    private Bytecode() {}

    /** The compiled method as a handle of type (long, long, long[], long[]) -> long, or null when the code is too large. */
    static MethodHandle compile(Schedule s) {
        byte[] bytes = bytes(s);
        if (bytes == null) return null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return lookup.findStatic(lookup.lookupClass(), "run", MethodType.methodType(long.class, long.class, long.class, long[].class, long[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated check class did not load", e);
        }
    }

    /** The class file, or null when the method would be too large; tests verify it. */
    static byte[] bytes(Schedule s) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        w.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object", null);
        MethodVisitor c = w.visitMethod(ACC_PUBLIC | ACC_STATIC, "run", "(JJ[J[J)J", null, null);
        c.visitCode();
        if (!code(s, c)) return null;
        c.visitMaxs(0, 0);
        c.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    /**
     * What the compiler needs of the scheduled network. Values are in two sets of slots, each a local:
     * word slots, which change from word to word (the fast inputs, the row gates' values, and block
     * values copied in: broadcasts), and block slots, constant over a block (0 false, 1 true, the slow
     * inputs, the block gates' values). Positions are bits of the enumeration index: below 6 inside
     * a word, then across the words of a block, then constant over a block.
     */
    interface Schedule {
        /**
         * Words (64 rows each) per block, a power of two at most 64; the method's {@code out} holds as
         * many. The method's {@code fromWord} must start a block (a multiple of this), and so must
         * {@code toWord} unless it is the last word of all.
         */
        int words();

        /** Rows in all (a power of two, at least 64). */
        long rows();

        /** Word slots. */
        int slots();

        /** Fast inputs: word slot and position (below 6 + log2(words)). */
        int inputs();

        int inputSlot(int i);

        int inputPosition(int i);

        /** Slow inputs: block slot and position (6 + log2(words) or above). */
        int slowInputs();

        int slowSlot(int i);

        int slowPosition(int i);

        /** Block slots, 0 and 1 included. */
        int blockSlots();

        /** Gates constant over a block, in block slots, in order. */
        int blockGates();

        Op blockOp(int k);

        int blockA(int k);

        int blockB(int k);

        int blockOut(int k);

        /** Block slot to word slot copies, once per block after the block gates. */
        int broadcasts();

        int broadcastFrom(int k);

        int broadcastTo(int k);

        /** Gates that run on every word, in word slots, in order. */
        int rowGates();

        Op op(int k);

        int a(int k);

        int b(int k);

        int out(int k);

        /** The word slot of the property. */
        int property();
    }

    // Locals: 0-1 fromWord, 2-3 toWord, 4 out[], 5 pattern[], 6-7 w0 (first word of the block),
    // 8 n (words in the block), 9 i (word in the block), 10-11 scratch; then two per word slot, then
    // two per block slot.
    private static final int FROM = 0, TO = 2, OUT = 4, PATTERN = 5, W0 = 6, N = 8, I = 9, TMP = 10, SLOT0 = 12;

    private static boolean code(Schedule s, MethodVisitor c) {
        long[] lane = BitParallel.lanes();
        // When every block is full the loops count to a constant, which C2 unrolls without a
        // remainder loop; otherwise (fewer rows than one block) to n.
        boolean full = s.rows() / 64 % s.words() == 0;
        c.visitInsn(LCONST_0);                         // block slot 0 = 0, 1 = -1
        c.visitVarInsn(LSTORE, block(s, 0));
        c.visitLdcInsn(-1L);
        c.visitVarInsn(LSTORE, block(s, 1));
        c.visitVarInsn(LLOAD, FROM);                   // w0 = fromWord
        c.visitVarInsn(LSTORE, W0);
        Label outer = new Label(), end = new Label();
        c.visitLabel(outer);
        c.visitVarInsn(LLOAD, W0);                     // if (w0 >= to) goto END
        c.visitVarInsn(LLOAD, TO);
        c.visitInsn(LCMP);
        c.visitJumpInsn(IFGE, end);
        // n = min(words, to - w0)
        c.visitVarInsn(LLOAD, TO);                     // tmp = to - w0
        c.visitVarInsn(LLOAD, W0);
        c.visitInsn(LSUB);
        c.visitVarInsn(LSTORE, TMP);
        c.visitVarInsn(LLOAD, TMP);                    // if (tmp >= words) goto FULL
        c.visitIntInsn(BIPUSH, s.words());
        c.visitInsn(I2L);
        c.visitInsn(LCMP);
        Label atLeast = new Label(), joined = new Label();
        c.visitJumpInsn(IFGE, atLeast);
        c.visitVarInsn(LLOAD, TMP);                    // n = (int) tmp
        c.visitInsn(L2I);
        c.visitVarInsn(ISTORE, N);
        c.visitJumpInsn(GOTO, joined);
        c.visitLabel(atLeast);                         // FULL: n = words
        c.visitIntInsn(BIPUSH, s.words());
        c.visitVarInsn(ISTORE, N);
        c.visitLabel(joined);
        // Slow inputs are constant over the block: 0 or -1, -((w0 >>> (position - 6)) & 1).
        for (int i = 0; i < s.slowInputs(); i++) {
            c.visitVarInsn(LLOAD, W0);
            c.visitIntInsn(BIPUSH, s.slowPosition(i) - 6);
            c.visitInsn(LUSHR);
            c.visitInsn(LCONST_1);
            c.visitInsn(LAND);
            c.visitInsn(LNEG);
            c.visitVarInsn(LSTORE, block(s, s.slowSlot(i)));
        }
        // Gates constant over the block run once here, outside the loop over its words.
        for (int k = 0; k < s.blockGates(); k++) {
            c.visitVarInsn(LLOAD, block(s, s.blockA(k)));
            gate(c, s.blockOp(k), block(s, s.blockB(k)));
            c.visitVarInsn(LSTORE, block(s, s.blockOut(k)));
            if (!MethodSize.fitsEvery(c, k)) return false;
        }
        for (int k = 0; k < s.broadcasts(); k++) {
            c.visitVarInsn(LLOAD, block(s, s.broadcastFrom(k)));
            c.visitVarInsn(LSTORE, local(s.broadcastTo(k)));
        }
        // for (i = 0; i < n; i++) { fast inputs; row gates; out[i] = property }
        Label inner = new Label(), innerExit = new Label();
        c.visitInsn(ICONST_0);
        c.visitVarInsn(ISTORE, I);
        c.visitLabel(inner);
        c.visitVarInsn(ILOAD, I);
        bound(c, s, full);
        c.visitJumpInsn(IF_ICMPGE, innerExit);
        for (int i = 0; i < s.inputs(); i++) {
            int p = s.inputPosition(i);
            if (p < 6) {
                c.visitLdcInsn(lane[p]);               // lane pattern
            } else {
                c.visitVarInsn(ALOAD, PATTERN);        // pattern[k * words + i]
                c.visitVarInsn(ILOAD, I);
                c.visitIntInsn(SIPUSH, (p - 6) * s.words());
                c.visitInsn(IADD);
                c.visitInsn(LALOAD);
            }
            c.visitVarInsn(LSTORE, local(s.inputSlot(i)));
        }
        for (int k = 0; k < s.rowGates(); k++) {
            c.visitVarInsn(LLOAD, local(s.a(k)));
            gate(c, s.op(k), local(s.b(k)));
            c.visitVarInsn(LSTORE, local(s.out(k)));
            if (!MethodSize.fitsEvery(c, k)) return false;
        }
        c.visitVarInsn(ALOAD, OUT);                    // out[i] = property
        c.visitVarInsn(ILOAD, I);
        c.visitVarInsn(LLOAD, local(s.property()));
        c.visitInsn(LASTORE);
        c.visitIincInsn(I, 1);                         // i++
        c.visitJumpInsn(GOTO, inner);
        c.visitLabel(innerExit);
        // The property's words are checked after the loop, so the loop body has no exit.
        Label scan = new Label(), scanExit = new Label(), ok = new Label();
        c.visitInsn(ICONST_0);
        c.visitVarInsn(ISTORE, I);
        c.visitLabel(scan);
        c.visitVarInsn(ILOAD, I);
        bound(c, s, full);
        c.visitJumpInsn(IF_ICMPGE, scanExit);
        outWord(c);                                    // if (out[i] == -1) goto NEXT
        c.visitLdcInsn(-1L);
        c.visitInsn(LCMP);
        c.visitJumpInsn(IFEQ, ok);
        c.visitVarInsn(LLOAD, W0);                     // return ((w0 + i) << 6) + numberOfTrailingZeros(~out[i])
        c.visitVarInsn(ILOAD, I);
        c.visitInsn(I2L);
        c.visitInsn(LADD);
        c.visitIntInsn(BIPUSH, 6);
        c.visitInsn(LSHL);
        outWord(c);
        c.visitLdcInsn(-1L);
        c.visitInsn(LXOR);
        c.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "numberOfTrailingZeros", "(J)I", false);
        c.visitInsn(I2L);
        c.visitInsn(LADD);
        c.visitInsn(LRETURN);
        c.visitLabel(ok);                              // NEXT: i++
        c.visitIincInsn(I, 1);
        c.visitJumpInsn(GOTO, scan);
        c.visitLabel(scanExit);
        c.visitVarInsn(LLOAD, W0);                     // w0 += words
        c.visitIntInsn(BIPUSH, s.words());
        c.visitInsn(I2L);
        c.visitInsn(LADD);
        c.visitVarInsn(LSTORE, W0);
        c.visitJumpInsn(GOTO, outer);
        c.visitLabel(end);                             // END: return -1
        c.visitLdcInsn(-1L);
        c.visitInsn(LRETURN);
        return MethodSize.fits(c);
    }

    /** Combines the value on the stack (the gate's a) with b in {@code bSlot}: ~x is x ^ -1. */
    private static void gate(MethodVisitor c, Op op, int bSlot) {
        switch (op) {
            case AND: binary(c, bSlot, LAND); break;
            case OR: binary(c, bSlot, LOR); break;
            case XOR: binary(c, bSlot, LXOR); break;
            case NAND: binary(c, bSlot, LAND); not(c); break;
            case NOR: binary(c, bSlot, LOR); not(c); break;
            case XNOR: binary(c, bSlot, LXOR); not(c); break;
            case ANDN: c.visitVarInsn(LLOAD, bSlot); not(c); c.visitInsn(LAND); break;
            case ORN: c.visitVarInsn(LLOAD, bSlot); not(c); c.visitInsn(LOR); break;
            default: not(c); break;
        }
    }

    private static void binary(MethodVisitor c, int bSlot, int opcode) {
        c.visitVarInsn(LLOAD, bSlot);
        c.visitInsn(opcode);
    }

    private static void not(MethodVisitor c) {
        c.visitLdcInsn(-1L);
        c.visitInsn(LXOR);
    }

    /** Pushes out[i]. */
    private static void outWord(MethodVisitor c) {
        c.visitVarInsn(ALOAD, OUT);
        c.visitVarInsn(ILOAD, I);
        c.visitInsn(LALOAD);
    }

    private static void bound(MethodVisitor c, Schedule s, boolean full) {
        if (full) c.visitIntInsn(BIPUSH, s.words());
        else c.visitVarInsn(ILOAD, N);
    }

    private static int local(int slot) {
        return SLOT0 + 2 * slot;
    }

    private static int block(Schedule s, int slot) {
        return SLOT0 + 2 * s.slots() + 2 * slot;
    }
}
