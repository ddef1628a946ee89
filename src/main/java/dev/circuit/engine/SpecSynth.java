package dev.circuit.engine;

import dev.circuit.ast.BinaryOp;
import dev.circuit.ast.Expr;
import dev.circuit.ast.UnaryOp;
import dev.circuit.ast.Selector;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * A check's property as gates: every operator becomes bit-sliced arithmetic ({@code +} a ripple
 * adder, {@code ==} an XOR tree, ...), so the property is evaluated on 64 rows per word just like
 * the circuit. Results are exact (widths grow, nothing wraps). Division and modulo by anything but
 * a power of two, shifts by a non-constant, and results that might overflow the scalar engine's
 * 64-bit arithmetic (where it fails the row) are not synthesised: {@link #synth} returns -1 and
 * the scalar engine runs the check, so a property gets one verdict whichever engine runs it.
 */
final class SpecSynth {
    private final Gates g;
    private final Map<String, int[]> terminals;
    private final Map<String, Long> params;

    private SpecSynth(Gates g, Map<String, int[]> terminals, Map<String, Long> params) {
        this.g = g;
        this.terminals = terminals;
        this.params = params;
    }

    /** The signal that is 1 where the property holds, or -1 when it cannot be synthesised. */
    static int synth(Gates g, Expr property, Map<String, int[]> terminals, Map<String, Long> params) {
        try {
            BitVec v = new SpecSynth(g, terminals, params).vec(property);
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

    /** The width of unsigned signals/slices/concatenations, for '~'; -1 for other expressions. */
    private int width(Expr e) {
        while (e instanceof Expr.Paren p) e = p.inner();
        if (e instanceof Expr.Ref r && terminals.containsKey(r.name())) {
            if (r.selector() == null) return terminals.get(r.name()).length;
            long lo = constant(r.selector().index());
            long hi = r.selector().isSlice() ? constant(r.selector().hi()) : lo;
            return (int) (hi - lo + 1);
        }
        if (e instanceof Expr.Concat c) {
            int w = 0;
            for (Expr p : c.parts()) w += width(p);
            return w;
        }
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NOT) return width(u.operand());
        return -1;
    }

    private long constant(Expr e) {
        BitVec v = vec(e);
        long x = 0;
        for (int i = v.width() - 1; i >= 0; i--) {
            int b = v.bits[i];
            if (b != Gates.FALSE && b != Gates.TRUE) throw new Unsupported();
            x = (x << 1) | (b == Gates.TRUE ? 1 : 0);
        }
        if (v.bits[v.width() - 1] == Gates.TRUE && v.width() < 64) x |= -1L << v.width();
        return x;
    }

    private BitVec vec(Expr e) {
        if (e instanceof Expr.Paren p) return vec(p.inner());
        if (e instanceof Expr.Num n) {
            BigDecimal v = n.value();
            if (v.stripTrailingZeros().scale() > 0 || v.toBigInteger().bitLength() > 62) throw new Unsupported();
            return BitVec.constant(v.longValueExact());
        }
        if (e instanceof Expr.Ref r) return ref(r);
        if (e instanceof Expr.Concat c) {
            int[] all = new int[0];
            for (Expr p : c.parts()) {
                int w = width(p);
                if (w < 0) throw new Unsupported();
                int[] bits = Arrays.copyOf(BitVec.truncate(vec(p), w + 1).bits, w);
                // Parts are listed most significant first: each new part goes below the earlier ones.
                int[] shifted = new int[all.length + w];
                System.arraycopy(all, 0, shifted, w, all.length);
                System.arraycopy(bits, 0, shifted, 0, w);
                all = shifted;
            }
            return BitVec.unsigned(all);
        }
        if (e instanceof Expr.Unary u) {
            BitVec a = vec(u.operand());
            switch (u.op()) {
                case NEG: return fitsLong(BitVec.neg(g, a), LONG_BITS);
                case PLUS: return a;
                default: {
                    int w = width(u.operand());
                    if (w < 0) throw new Unsupported();
                    return BitVec.complement(g, a, w);
                }
            }
        }
        if (e instanceof Expr.Ternary t) {
            int c = g.not(BitVec.isZero(g, vec(t.cond())));
            return BitVec.mux(g, c, vec(t.then()), vec(t.otherwise()));
        }
        if (e instanceof Expr.Binary b) return binary(b);
        throw new Unsupported();
    }

    private BitVec ref(Expr.Ref r) {
        int[] sig = terminals.get(r.name());
        if (sig == null) {
            Long k = params.get(r.name());
            if (k == null || r.selector() != null) throw new Unsupported();
            return BitVec.constant(k);
        }
        Selector s = r.selector();
        if (s == null) return BitVec.unsigned(sig);
        long lo = constant(s.index());
        long hi = s.isSlice() ? constant(s.hi()) : lo;
        if (lo < 0 || hi >= sig.length || hi < lo) throw new Unsupported();
        return BitVec.unsigned(Arrays.copyOfRange(sig, (int) lo, (int) hi + 1));
    }

    private BitVec binary(Expr.Binary b) {
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

    private int shiftAmount(Expr e) {
        long k = constant(e);
        if (k < 0 || k > BitVec.MAX_WIDTH) throw new Unsupported();
        return (int) k;
    }
}
