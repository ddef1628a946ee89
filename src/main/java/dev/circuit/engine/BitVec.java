package dev.circuit.engine;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Integers as vectors of gate signals: two's complement, least significant bit first, the last bit
 * the sign. Every operation widens its result so that it never overflows; the gates it builds are
 * the bit-sliced arithmetic a check's property needs ({@code a + b + cin}) and the weighted sum of
 * a wide threshold neuron.
 */
final class BitVec {
    /**
     * Results wider than this are not synthesised (the scalar engine takes such checks). Sums,
     * comparisons and shifts build gates in proportion to their width, like the circuit that drives
     * them (a bus is at most 2^20 bits), so the bound only keeps widths from running away.
     */
    static final int MAX_WIDTH = 1 << 22;
    /**
     * Products wider than this are not synthesised: their gates grow with the square of the width
     * (a 1024-bit product is about five million gates).
     */
    static final int MAX_MUL_WIDTH = 1024;

    final int[] bits;

    private BitVec(int[] bits) {
        this.bits = bits;
    }

    int width() {
        return bits.length;
    }

    int sign() {
        return bits[bits.length - 1];
    }

    /** An unsigned value made of these signals (a zero sign bit is added). */
    static BitVec unsigned(int[] signals) {
        int[] b = Arrays.copyOf(signals, signals.length + 1);
        b[signals.length] = Gates.FALSE;
        return new BitVec(b);
    }

    static BitVec constant(long v) {
        return constant(BigInteger.valueOf(v));
    }

    /** Two's complement in as few bits as hold it, the sign included. */
    static BitVec constant(BigInteger v) {
        int w = v.bitLength() + 1;
        checkWidth(w);
        int[] b = new int[w];
        for (int i = 0; i < w; i++) b[i] = v.testBit(i) ? Gates.TRUE : Gates.FALSE;
        return new BitVec(b);
    }

    BitVec extend(int w) {
        if (w <= bits.length) return this;
        int[] b = Arrays.copyOf(bits, w);
        Arrays.fill(b, bits.length, w, sign());
        return new BitVec(b);
    }

    static void checkWidth(long w) {
        if (w > MAX_WIDTH) throw new TooWide();
    }

    static BitVec add(Gates g, BitVec x, BitVec y, int carryIn) {
        int w = Math.max(x.width(), y.width()) + 1;
        checkWidth(w);
        BitVec a = x.extend(w);
        BitVec b = y.extend(w);
        int[] s = new int[w];
        int c = carryIn;
        for (int i = 0; i < w; i++) {
            int p = g.xor(a.bits[i], b.bits[i]);
            s[i] = g.xor(p, c);
            c = g.or(g.and(a.bits[i], b.bits[i]), g.and(c, p));
        }
        return new BitVec(s).trim(g);
    }

    static BitVec not(Gates g, BitVec x) {
        int[] b = new int[x.width()];
        for (int i = 0; i < b.length; i++) b[i] = g.not(x.bits[i]);
        return new BitVec(b);
    }

    static BitVec sub(Gates g, BitVec x, BitVec y) {
        int w = Math.max(x.width(), y.width());
        return add(g, x.extend(w), not(g, y.extend(w)), Gates.TRUE);
    }

    static BitVec neg(Gates g, BitVec x) {
        return sub(g, constant(0), x);
    }

    static BitVec mul(Gates g, BitVec x, BitVec y) {
        int w = x.width() + y.width();
        if (w > MAX_MUL_WIDTH) throw new TooWide();
        BitVec a = x.extend(w);
        BitVec b = y.extend(w);
        BitVec acc = constant(0).extend(w);
        for (int i = 0; i < w; i++) {
            if (b.bits[i] == Gates.FALSE) continue;
            int[] partial = new int[w];
            for (int k = 0; k < w; k++) partial[k] = k < i ? Gates.FALSE : g.and(a.bits[k - i], b.bits[i]);
            acc = truncate(add(g, acc, new BitVec(partial), Gates.FALSE), w);
        }
        return acc.trim(g);
    }

    static BitVec bitwise(Gates g, Op op, BitVec x, BitVec y) {
        int w = Math.max(x.width(), y.width());
        BitVec a = x.extend(w);
        BitVec b = y.extend(w);
        int[] r = new int[w];
        for (int i = 0; i < w; i++) {
            r[i] = op == Op.AND ? g.and(a.bits[i], b.bits[i]) : op == Op.OR ? g.or(a.bits[i], b.bits[i]) : g.xor(a.bits[i], b.bits[i]);
        }
        return new BitVec(r);
    }

    /** ~x within {@code width} bits of an unsigned value: the result is unsigned too. */
    static BitVec complement(Gates g, BitVec x, int width) {
        int[] r = new int[width];
        int[] xs = x.extend(width + 1).bits;
        for (int i = 0; i < width; i++) r[i] = g.not(xs[i]);
        return unsigned(r);
    }

    static int isZero(Gates g, BitVec x) {
        int any = Gates.FALSE;
        for (int b : x.bits) any = g.or(any, b);
        return g.not(any);
    }

    static int eq(Gates g, BitVec x, BitVec y) {
        return isZero(g, bitwise(g, Op.XOR, x, y));
    }

    static int lt(Gates g, BitVec x, BitVec y) {
        return sub(g, x, y).sign();
    }

    static BitVec bool(int signal) {
        return unsigned(new int[] {signal});
    }

    static BitVec mux(Gates g, int s, BitVec t, BitVec f) {
        int w = Math.max(t.width(), f.width());
        BitVec a = t.extend(w);
        BitVec b = f.extend(w);
        int[] r = new int[w];
        for (int i = 0; i < w; i++) r[i] = g.mux(s, a.bits[i], b.bits[i]);
        return new BitVec(r);
    }

    static BitVec shiftLeft(BitVec x, int n) {
        checkWidth((long) x.width() + n);
        int[] r = new int[x.width() + n];
        Arrays.fill(r, 0, n, Gates.FALSE);
        System.arraycopy(x.bits, 0, r, n, x.width());
        return new BitVec(r);
    }

    static BitVec shiftRight(BitVec x, int n) {
        if (n >= x.width()) return new BitVec(new int[] {x.sign()});
        return new BitVec(Arrays.copyOfRange(x.bits, n, x.width()));
    }

    /** The low {@code w} bits; the top one becomes the sign (two's complement wrap). */
    static BitVec truncate(BitVec x, int w) {
        return new BitVec(Arrays.copyOf(x.extend(w).bits, w));
    }

    /** Drops sign-extension bits that are provably copies of the sign (same signal). */
    BitVec trim(Gates g) {
        int w = bits.length;
        while (w > 1 && bits[w - 1] == bits[w - 2]) w--;
        return w == bits.length ? this : new BitVec(Arrays.copyOf(bits, w));
    }

    /** Thrown when a result would exceed {@link #MAX_WIDTH}. */
    static final class TooWide extends RuntimeException {
        TooWide() {
            super("too wide to synthesise", null, false, false);
        }
    }
}
