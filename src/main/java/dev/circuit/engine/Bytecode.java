package dev.circuit.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Compiles a scheduled gate network into one class with one static method,
 * {@code long run(long fromWord, long toWord, long[] out)}: block by block ({@link Schedule#words()}
 * 64-row words each), an int-counted loop over the block's words sets the inputs and computes every
 * gate with values in local variables, storing the property's word in {@code out}; after the loop
 * the block's words are scanned and the first row where the property is 0 is returned, or -1.
 *
 * <p>Why this shape: the loop body is straight-line code without exits over a counted loop, which
 * C2 unrolls and schedules as independent chains; one word per iteration of a {@code long}-counted
 * loop with the failure test inside ran 2.5x slower (docs/BENCHMARKS.md, "Where the time goes").
 *
 * <p>The class file is written by hand, at version 49: that version needs no stack map frames, and
 * the method's branches are few, so a small writer suffices and no bytecode library is needed.
 * Methods larger than the JIT compiles ({@link #MAX_CODE} bytes) are refused, and the engine then
 * interprets.
 */
final class Bytecode {
    /** HotSpot does not JIT-compile methods above 8000 bytes of bytecode by default. */
    static final int MAX_CODE = 7900;

    private static final int LONG_M1 = 14;
    private static final int LANE0 = 16;
    private static final int NTZ = 13;

    private Bytecode() {}

    /** The compiled method as a handle of type (long, long) -> long, or null when the code is too large. */
    static MethodHandle compile(Schedule s) {
        byte[] code = code(s);
        if (code == null) return null;
        byte[] cls = classFile(code, SLOT0 + 2 * (s.slots() + s.inputs()));
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(cls, true);
            return lookup.findStatic(lookup.lookupClass(), "run", MethodType.methodType(long.class, long.class, long.class, long[].class, long[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated check class did not load", e);
        }
    }

    /** What the compiler needs of the scheduled network: slots are local values, 0 false, 1 true. */
    interface Schedule {
        /** Words (64 rows each) per block, a power of two at most 64; the method's {@code out} holds as many. */
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

    private static byte[] code(Schedule s) {
        int lw = Integer.numberOfTrailingZeros(s.words());
        // When every block is full the loops count to a constant, which C2 unrolls without a
        // remainder loop; otherwise (fewer rows than one block) to n.
        boolean full = s.rows() / 64 % s.words() == 0;
        Code c = new Code();
        c.load(FROM).store(W0);                      // w0 = fromWord
        int outer = c.size();
        c.load(W0).load(TO).op(0x94);                // lcmp w0, to
        int exitJump = c.branch(0x9C);               // ifge END
        // n = min(words, to - w0)
        c.load(TO).load(W0).op(0x65).store(TMP);     // tmp = to - w0
        c.load(TMP).bipush(s.words()).op(0x85).op(0x94); // lcmp tmp, words
        int atLeast = c.branch(0x9C);                // ifge FULL
        c.load(TMP).op(0x88).op(0x36).op(N);         // n = (int) tmp
        int joined = c.branch(0xA7);
        c.patch(atLeast, c.size());
        c.bipush(s.words()).op(0x36).op(N);          // n = words
        c.patch(joined, c.size());
        // Row bits above the block's own are constant over the block: 0 or -1, computed once.
        for (int i = 0; i < s.inputs(); i++) {
            int bit = s.inputRowBit(i);
            if (bit >= 6 + lw) c.load(W0).bipush(bit - 6).op(0x7D).op(0x0A).op(0x7F).op(0x75).store(high(s, i));
        }
        // for (i = 0; i < n; i++) { inputs; gates; out[i] = property }
        c.op(0x03).op(0x36).op(I);
        int inner = c.size();
        c.op(0x15).op(I);
        bound(c, s, full);
        int innerExit = c.branch(0xA2);              // if_icmpge
        c.op(0x09).store(local(0));                  // slot 0 = 0
        c.ldc2(LONG_M1).store(local(1));             // slot 1 = -1
        for (int i = 0; i < s.inputs(); i++) {
            int bit = s.inputRowBit(i);
            if (bit < 6) c.ldc2(LANE0 + 2 * bit);                                   // lane pattern
            else if (bit < 6 + lw) c.op(0x19).op(PATTERN).op(0x15).op(I).op(0x11).u2((bit - 6) * s.words()).op(0x60).op(0x2F); // pattern[k * words + i]
            else c.load(high(s, i));
            c.store(local(s.inputSlot(i)));
        }
        for (int k = 0; k < s.gates(); k++) {
            c.load(local(s.a(k)));
            switch (s.op(k)) {
                case AND: c.load(local(s.b(k))).op(0x7F); break;
                case OR: c.load(local(s.b(k))).op(0x81); break;
                case XOR: c.load(local(s.b(k))).op(0x83); break;
                case NAND: c.load(local(s.b(k))).op(0x7F).ldc2(LONG_M1).op(0x83); break;
                case NOR: c.load(local(s.b(k))).op(0x81).ldc2(LONG_M1).op(0x83); break;
                case XNOR: c.load(local(s.b(k))).op(0x83).ldc2(LONG_M1).op(0x83); break;
                case ANDN: c.load(local(s.b(k))).ldc2(LONG_M1).op(0x83).op(0x7F); break;
                case ORN: c.load(local(s.b(k))).ldc2(LONG_M1).op(0x83).op(0x81); break;
                default: c.ldc2(LONG_M1).op(0x83); break;
            }
            c.store(local(s.out(k)));
            if (c.size() > MAX_CODE) return null;
        }
        c.op(0x19).op(OUT).op(0x15).op(I).load(local(s.property())).op(0x50); // out[i] = property
        c.op(0x84).op(I).op(1);                      // i++
        c.patch(c.branch(0xA7), inner);
        c.patch(innerExit, c.size());
        // The property's words are checked after the loop, so the loop body has no exit.
        c.op(0x03).op(0x36).op(I);
        int scan = c.size();
        c.op(0x15).op(I);
        bound(c, s, full);
        int scanExit = c.branch(0xA2);
        c.op(0x19).op(OUT).op(0x15).op(I).op(0x2F).ldc2(LONG_M1).op(0x94); // lcmp out[i], -1
        int ok = c.branch(0x99);                     // ifeq NEXT
        c.load(W0).op(0x15).op(I).op(0x85).op(0x61).bipush(6).op(0x79);    // (w0 + i) << 6
        c.op(0x19).op(OUT).op(0x15).op(I).op(0x2F).ldc2(LONG_M1).op(0x83); // ~out[i]
        c.op(0xB8).u2(NTZ).op(0x85).op(0x61).op(0xAD); // + numberOfTrailingZeros(~out[i]); lreturn
        c.patch(ok, c.size());
        c.op(0x84).op(I).op(1);
        c.patch(c.branch(0xA7), scan);
        c.patch(scanExit, c.size());
        c.load(W0).bipush(s.words()).op(0x85).op(0x61).store(W0); // w0 += words
        c.patch(c.branch(0xA7), outer);
        c.patch(exitJump, c.size());
        c.ldc2(LONG_M1).op(0xAD);                    // return -1
        return c.size() > MAX_CODE ? null : c.bytes();
    }

    private static void bound(Code c, Schedule s, boolean full) {
        if (full) c.bipush(s.words());
        else c.op(0x15).op(N);
    }

    private static int local(int slot) {
        return SLOT0 + 2 * slot;
    }

    private static int high(Schedule s, int input) {
        return SLOT0 + 2 * s.slots() + 2 * input;
    }

    private static byte[] classFile(byte[] code, int maxLocals) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(bytes)) {
            o.writeInt(0xCAFEBABE);
            o.writeShort(0);
            o.writeShort(49);
            o.writeShort(16 + 2 * 6);                 // constant pool count
            utf8(o, "dev/circuit/engine/GeneratedCheck");  // 1
            o.writeByte(7); o.writeShort(1);          // 2 class
            utf8(o, "java/lang/Object");              // 3
            o.writeByte(7); o.writeShort(3);          // 4 class
            utf8(o, "run");                           // 5
            utf8(o, "(JJ[J[J)J");                     // 6
            utf8(o, "Code");                          // 7
            utf8(o, "java/lang/Long");                // 8
            o.writeByte(7); o.writeShort(8);          // 9 class
            utf8(o, "numberOfTrailingZeros");         // 10
            utf8(o, "(J)I");                          // 11
            o.writeByte(12); o.writeShort(10); o.writeShort(11); // 12 name and type
            o.writeByte(10); o.writeShort(9); o.writeShort(12);  // 13 method ref
            o.writeByte(5); o.writeLong(-1L);         // 14-15
            for (long lane : BitParallel.lanes()) {   // 16.. 27
                o.writeByte(5);
                o.writeLong(lane);
            }
            o.writeShort(0x0031);                     // public final super
            o.writeShort(2);
            o.writeShort(4);
            o.writeShort(0);                          // interfaces
            o.writeShort(0);                          // fields
            o.writeShort(1);                          // methods
            o.writeShort(0x0009);                     // public static
            o.writeShort(5);
            o.writeShort(6);
            o.writeShort(1);                          // attributes: Code
            o.writeShort(7);
            o.writeInt(2 + 2 + 4 + code.length + 2 + 2);
            o.writeShort(8);                          // max stack
            o.writeShort(maxLocals);
            o.writeInt(code.length);
            o.write(code);
            o.writeShort(0);                          // exception table
            o.writeShort(0);                          // code attributes
            o.writeShort(0);                          // class attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void utf8(DataOutputStream o, String s) throws IOException {
        o.writeByte(1);
        o.writeUTF(s);
    }

    /** A growing code array with the few instructions the compiler uses. */
    private static final class Code {
        private byte[] b = new byte[1024];
        private int n;

        int size() {
            return n;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(b, n);
        }

        Code op(int x) {
            if (n == b.length) b = java.util.Arrays.copyOf(b, n * 2);
            b[n++] = (byte) x;
            return this;
        }

        Code u2(int x) {
            return op(x >>> 8).op(x);
        }

        Code load(int local) {
            return local < 256 ? op(0x16).op(local) : op(0xC4).op(0x16).u2(local);
        }

        Code store(int local) {
            return local < 256 ? op(0x37).op(local) : op(0xC4).op(0x37).u2(local);
        }

        Code ldc2(int index) {
            return op(0x14).u2(index);
        }

        Code bipush(int v) {
            return op(0x10).op(v);
        }

        /** Emits a branch with a placeholder offset; returns its position for {@link #patch}. */
        int branch(int opcode) {
            int at = n;
            op(opcode).u2(0);
            return at;
        }

        void patch(int at, int target) {
            int off = target - at;
            b[at + 1] = (byte) (off >>> 8);
            b[at + 2] = (byte) off;
        }
    }
}
