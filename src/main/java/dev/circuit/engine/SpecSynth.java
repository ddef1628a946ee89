package dev.circuit.engine;

import dev.circuit.model.BinaryOp;
import dev.circuit.model.Prop;
import dev.circuit.model.UnaryOp;
import java.util.Arrays;

/**
 * A check's property as gates: every operator becomes bit-sliced arithmetic ({@code +} a ripple
 * adder, {@code ==} an XOR tree, ...), so the property is evaluated on 64 rows per word just like
 * the circuit. Results are exact (widths grow, nothing wraps). Division and modulo by anything but
 * a power of two, shifts by a non-constant, and results that might overflow the scalar engine's
 * 64-bit arithmetic (where it fails the row) are not synthesised: {@link #synth} returns -1 and
 * the scalar engine runs the check, so a property gets one verdict whichever engine runs it.
 */
final class SpecSynth implements Prop.Visitor<BitVec> {
    private final Gates g;
    /** The signals of each terminal, inputs then outputs, bit 0 first. */
    private final int[][] terminals;

    private SpecSynth(Gates g, int[][] terminals) {
        this.g = g;
        this.terminals = terminals;
    }

    /** The signal that is 1 where the property holds, or -1 when it cannot be synthesised. */
    static int synth(Gates g, Prop property, int[][] terminals) {
        try {
            BitVec v = new SpecSynth(g, terminals).vec(property);
            return g.not(BitVec.isZero(g, v));
        } catch (Unsupported | BitVec.TooWide e) {
            return -1;
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** A value computed by gates that are all constant: shift amounts and divisors. */
    private long constant(Prop p) {
        BitVec v = vec(p);
        long x = 0;
        for (int i = v.width() - 1; i >= 0; i--) {
            int b = v.bits[i];
            if (b != Gates.FALSE && b != Gates.TRUE) throw new Unsupported();
            x = (x << 1) | (b == Gates.TRUE ? 1 : 0);
        }
        if (v.bits[v.width() - 1] == Gates.TRUE && v.width() < 64) x |= -1L << v.width();
        return x;
    }

    private BitVec vec(Prop p) {
        return p.accept(this);
    }

    @Override public BitVec term(Prop.Term t) {
        int[] sig = terminals[t.terminal()];
        return BitVec.unsigned(Arrays.copyOfRange(sig, t.lo(), t.lo() + t.width()));
    }

    @Override public BitVec constant(Prop.Const c) {
        return BitVec.constant(c.value());
    }

    @Override public BitVec concat(Prop.Concat c) {
        int[] all = new int[0];
        for (Prop p : c.parts()) {
            int w = p.width();
            int[] bits = Arrays.copyOf(BitVec.truncate(vec(p), w + 1).bits, w);
            // Parts are listed most significant first: each new part goes below the earlier ones.
            int[] shifted = new int[all.length + w];
            System.arraycopy(all, 0, shifted, w, all.length);
            System.arraycopy(bits, 0, shifted, 0, w);
            all = shifted;
        }
        return BitVec.unsigned(all);
    }

    @Override public BitVec unary(Prop.Unary u) {
        BitVec a = vec(u.operand());
        switch (u.op()) {
            case NEG: return fitsLong(BitVec.neg(g, a), LONG_BITS);
            case PLUS: return a;
            default: return BitVec.complement(g, a, u.width());
        }
    }

    @Override public BitVec ternary(Prop.Ternary t) {
        int c = g.not(BitVec.isZero(g, vec(t.cond())));
        return BitVec.mux(g, c, vec(t.then()), vec(t.otherwise()));
    }

    @Override public BitVec binary(Prop.Binary b) {
        BitVec l = vec(b.left());
        switch (b.op()) {
            case SHL: {
                // The scalar engine fails v << s when |v| has more than 62 - s bits; a width-w value
                // has at most w - 1 such bits when it cannot be negative, w otherwise.
                BitVec shifted = BitVec.shiftLeft(l, shiftAmount(b.right()));
                return fitsLong(shifted, l.sign() == Gates.FALSE ? SHIFT_BITS + 1 : SHIFT_BITS);
            }
            case SHR: return BitVec.shiftRight(l, shiftAmount(b.right()));
            case DIV:
            case MOD: {
                long d = constant(b.right());
                if (d <= 0 || Long.bitCount(d) != 1) throw new Unsupported();
                int k = Long.numberOfTrailingZeros(d);
                if (b.op() == BinaryOp.DIV) return BitVec.shiftRight(l, k);
                // floorMod by 2^k of a two's complement value: its low k bits, read unsigned.
                return BitVec.unsigned(Arrays.copyOf(l.extend(k + 1).bits, k));
            }
            default: break;
        }
        BitVec r = vec(b.right());
        switch (b.op()) {
            case ADD: return fitsLong(BitVec.add(g, l, r, Gates.FALSE), LONG_BITS);
            case SUB: return fitsLong(BitVec.sub(g, l, r), LONG_BITS);
            case MUL: return fitsLong(BitVec.mul(g, l, r), LONG_BITS);
            case AND: return BitVec.bitwise(g, Op.AND, l, r);
            case OR: return BitVec.bitwise(g, Op.OR, l, r);
            case XOR: return BitVec.bitwise(g, Op.XOR, l, r);
            case EQ: return BitVec.bool(BitVec.eq(g, l, r));
            case NE: return BitVec.bool(g.not(BitVec.eq(g, l, r)));
            case LT: return BitVec.bool(BitVec.lt(g, l, r));
            case GT: return BitVec.bool(BitVec.lt(g, r, l));
            case LE: return BitVec.bool(g.not(BitVec.lt(g, r, l)));
            case GE: return BitVec.bool(g.not(BitVec.lt(g, l, r)));
            default: throw new Unsupported();
        }
    }

    /**
     * The scalar engine computes in 64-bit longs and fails a row where an operation overflows
     * ({@code <<} already past 62 bits). Gates would compute such a row exactly and could pass it,
     * so the verdict would depend on the engine. A result whose width (a bound on its value) does
     * not guarantee the scalar engine cannot overflow is left to the scalar engine.
     */
    private static BitVec fitsLong(BitVec v, int maxWidth) {
        if (v.width() > maxWidth) throw new Unsupported();
        return v;
    }

    /** Two's complement bits of a long. */
    private static final int LONG_BITS = 64;
    /** The scalar engine fails {@code v << s} when |v| has more than 62 - s bits. */
    private static final int SHIFT_BITS = 62;

    private int shiftAmount(Prop e) {
        long k = constant(e);
        if (k < 0 || k > BitVec.MAX_WIDTH) throw new Unsupported();
        return (int) k;
    }
}
