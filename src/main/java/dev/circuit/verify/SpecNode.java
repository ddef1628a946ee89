package dev.circuit.verify;

import dev.circuit.eval.TermValues;
import dev.circuit.model.BinaryOp;
import dev.circuit.model.Prop;
import dev.circuit.model.UnaryOp;
import java.math.BigInteger;
import java.util.function.LongBinaryOperator;

/**
 * One node of a compiled property ({@link Spec}): exact integers of any size. Each node knows a
 * bound on its values, {@link #width} bits of two's complement, from its operands' bounds (a sum is
 * one bit wider than its wider operand, a product as wide as both together). A node whose operands
 * and result fit that way in 64 bits computes in longs, and only there; the others compute in
 * BigInteger. So a check on narrow buses runs as fast as 64-bit code without a row ever wrapping,
 * and a check on a 256-bit bus is exact too. The long operations still use the exact forms
 * ({@link Math#addExact}): a wrong bound would be an internal error, never a wrong verdict.
 */
abstract class SpecNode {
    /** The width of a value no bound is known for: a left shift by a non-constant amount. */
    static final int UNBOUNDED = Integer.MAX_VALUE;
    /** Widths up to this are computed in longs. */
    private static final int LONG = 64;
    /** The row values a constant is computed from: it reads none. */
    private static final TermValues NO_TERMS = new TermValues(0);

    /** Every value of this node is in [-2^(width-1), 2^(width-1)). */
    final int width;
    /** True when the node reads no terminal: its one value is computed when it is built. */
    final boolean constant;

    private SpecNode(int width, boolean constant) {
        this.width = width;
        this.constant = constant;
    }

    /** The value, for a node of at most 64 bits. */
    abstract long eval(TermValues t);

    /** The value, for a node of any width. */
    abstract BigInteger big(TermValues t);

    final boolean fits() {
        return width <= LONG;
    }

    final boolean isZero(TermValues t) {
        return fits() ? eval(t) == 0 : big(t).signum() == 0;
    }

    /** The value in decimal, for explanations. */
    final String text(TermValues t) {
        return fits() ? Long.toString(eval(t)) : big(t).toString();
    }

    interface LongFn {
        long apply(TermValues t);
    }

    interface BigFn {
        BigInteger apply(TermValues t);
    }

    interface BigBinary {
        BigInteger apply(BigInteger a, BigInteger b);
    }

    /** A node computed in longs. */
    private static SpecNode small(int width, boolean constant, LongFn f) {
        return new SpecNode(width, constant) {
            @Override long eval(TermValues t) {
                return f.apply(t);
            }

            @Override BigInteger big(TermValues t) {
                return BigInteger.valueOf(f.apply(t));
            }
        };
    }

    /** A node computed in BigInteger (its value may still fit a long: a comparison of wide sides). */
    private static SpecNode wide(int width, boolean constant, BigFn f) {
        if (width <= LONG) return small(width, constant, t -> f.apply(t).longValueExact());
        return new SpecNode(width, constant) {
            @Override long eval(TermValues t) {
                return f.apply(t).longValueExact();
            }

            @Override BigInteger big(TermValues t) {
                return f.apply(t);
            }
        };
    }

    static SpecNode of(Prop p) {
        return fold(p.accept(BUILD));
    }

    /** A constant node replaced by its value, whose width is then exact (a shift amount, a divisor). */
    private static SpecNode fold(SpecNode n) {
        if (!n.constant) return n;
        BigInteger v;
        try {
            v = n.big(NO_TERMS);
        } catch (Spec.Undefined u) {
            return n; // 1 / 0 fails every row, at run time, with its message
        }
        return value(v);
    }

    private static SpecNode value(BigInteger v) {
        int w = v.bitLength() + 1;
        if (w <= LONG) {
            long k = v.longValueExact();
            return small(w, true, t -> k);
        }
        return wide(w, true, t -> v);
    }

    /** Widths add up without passing {@link #UNBOUNDED}. */
    private static int sum(long a, long b) {
        return (int) Math.min(UNBOUNDED, a + b);
    }

    private static SpecNode binary(int width, SpecNode l, SpecNode r, LongBinaryOperator fast, BigBinary slow) {
        boolean constant = l.constant && r.constant;
        if (width <= LONG && l.fits() && r.fits()) return fold(small(width, constant, t -> fast.applyAsLong(l.eval(t), r.eval(t))));
        return fold(wide(width, constant, t -> slow.apply(l.big(t), r.big(t))));
    }

    private static SpecNode comparison(BinaryOp op, SpecNode l, SpecNode r) {
        switch (op) {
            case EQ: return binary(2, l, r, (a, b) -> a == b ? 1 : 0, (a, b) -> bool(a.compareTo(b) == 0));
            case NE: return binary(2, l, r, (a, b) -> a != b ? 1 : 0, (a, b) -> bool(a.compareTo(b) != 0));
            case LT: return binary(2, l, r, (a, b) -> a < b ? 1 : 0, (a, b) -> bool(a.compareTo(b) < 0));
            case LE: return binary(2, l, r, (a, b) -> a <= b ? 1 : 0, (a, b) -> bool(a.compareTo(b) <= 0));
            case GT: return binary(2, l, r, (a, b) -> a > b ? 1 : 0, (a, b) -> bool(a.compareTo(b) > 0));
            default: return binary(2, l, r, (a, b) -> a >= b ? 1 : 0, (a, b) -> bool(a.compareTo(b) >= 0));
        }
    }

    private static BigInteger bool(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static final Prop.Visitor<SpecNode> BUILD = new Prop.Visitor<>() {
        @Override public SpecNode term(Prop.Term t) {
            int i = t.terminal();
            int lo = t.lo();
            int w = t.width();
            // Unsigned: one more bit than the slice for the sign.
            if (w < LONG) return small(w + 1, false, v -> v.bits(i, lo, w));
            return wide(sum(w, 1), false, v -> v.big(i, lo, w));
        }

        @Override public SpecNode constant(Prop.Const c) {
            return value(c.value());
        }

        @Override public SpecNode concat(Prop.Concat c) {
            SpecNode[] ps = c.parts().stream().map(SpecNode::of).toArray(SpecNode[]::new);
            int[] widths = c.parts().stream().mapToInt(Prop::width).toArray();
            boolean constant = java.util.Arrays.stream(ps).allMatch(p -> p.constant);
            int w = c.width();
            // Each part is unsigned within its width, so the parts can be or-ed in place.
            if (w < LONG) {
                return fold(small(w + 1, constant, t -> {
                    long v = 0;
                    for (int k = 0; k < ps.length; k++) v = (v << widths[k]) | ps[k].eval(t);
                    return v;
                }));
            }
            return fold(wide(sum(w, 1), constant, t -> {
                BigInteger v = BigInteger.ZERO;
                for (int k = 0; k < ps.length; k++) v = v.shiftLeft(widths[k]).or(ps[k].big(t));
                return v;
            }));
        }

        @Override public SpecNode unary(Prop.Unary u) {
            SpecNode a = of(u.operand());
            if (u.op() == UnaryOp.PLUS) return a;
            if (u.op() == UnaryOp.NEG) {
                int w = sum(a.width, 1);
                if (w <= LONG) return fold(small(w, a.constant, t -> Math.negateExact(a.eval(t))));
                return fold(wide(w, a.constant, t -> a.big(t).negate()));
            }
            // ~x within x's width: x is unsigned there, so ~x is all ones minus x.
            int w = u.width();
            if (w < LONG) {
                long mask = (1L << w) - 1;
                return fold(small(w + 1, a.constant, t -> ~a.eval(t) & mask));
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
            return fold(wide(sum(w, 1), a.constant, t -> a.big(t).xor(mask)));
        }

        @Override public SpecNode binary(Prop.Binary b) {
            SpecNode l = of(b.left());
            SpecNode r = of(b.right());
            String where = Spec.bare(b.text());
            int wider = Math.max(l.width, r.width);
            switch (b.op()) {
                case ADD: return SpecNode.binary(sum(wider, 1), l, r, Math::addExact, BigInteger::add);
                case SUB: return SpecNode.binary(sum(wider, 1), l, r, Math::subtractExact, BigInteger::subtract);
                case MUL: return SpecNode.binary(sum(l.width, r.width), l, r, Math::multiplyExact, BigInteger::multiply);
                case DIV: return SpecNode.binary(sum(l.width, 1), l, r, (x, d) -> Math.floorDiv(x, nonZero(d, where)),
                        (x, d) -> floorDiv(x, nonZero(d, where)));
                // floorMod takes the divisor's sign and is smaller than it: the divisor's width bounds it.
                case MOD: return SpecNode.binary(r.width, l, r, (x, d) -> Math.floorMod(x, nonZero(d, where)),
                        (x, d) -> floorMod(x, nonZero(d, where)));
                case SHL: return shiftLeft(l, r, where);
                case SHR: return SpecNode.binary(l.width, l, r, (x, s) -> x >> Math.min(63, amount(s, where)),
                        (x, s) -> x.shiftRight(amount(s, where)));
                case AND: return SpecNode.binary(wider, l, r, (x, y) -> x & y, BigInteger::and);
                case OR: return SpecNode.binary(wider, l, r, (x, y) -> x | y, BigInteger::or);
                case XOR: return SpecNode.binary(wider, l, r, (x, y) -> x ^ y, BigInteger::xor);
                default:
                    if (!b.op().isComparison()) throw new IllegalStateException("operator " + b.op());
                    return comparison(b.op(), l, r);
            }
        }

        @Override public SpecNode ternary(Prop.Ternary t) {
            SpecNode c = of(t.cond());
            SpecNode a = of(t.then());
            SpecNode b = of(t.otherwise());
            int w = Math.max(a.width, b.width);
            boolean constant = c.constant && a.constant && b.constant;
            if (w <= LONG) return fold(small(w, constant, v -> c.isZero(v) ? b.eval(v) : a.eval(v)));
            return fold(wide(w, constant, v -> c.isZero(v) ? b.big(v) : a.big(v)));
        }
    };

    /**
     * {@code x << s}: as wide as x plus s when s is a constant; otherwise no bound is known and it
     * computes in BigInteger, failing a row whose amount is negative or past {@link Prop#MAX_SHIFT}.
     */
    private static SpecNode shiftLeft(SpecNode l, SpecNode r, String where) {
        int w = UNBOUNDED;
        if (r.constant && r.fits()) {
            long k = r.eval(NO_TERMS);
            if (k >= 0 && k <= Prop.MAX_SHIFT) w = sum(l.width, k);
        }
        return binary(w, l, r, (x, s) -> exactShift(x, (int) s), (x, s) -> {
            int k = amount(s, where);
            if (k > Prop.MAX_SHIFT) throw new Spec.Undefined("a shift by more than " + Prop.MAX_SHIFT + " bits in " + where);
            return x.shiftLeft(k);
        });
    }

    /** x << s where the bound says it fits: checked like the other long operations. */
    private static long exactShift(long x, int s) {
        long v = x << s;
        if (v >> s != x) throw new ArithmeticException("long overflow");
        return v;
    }

    private static long nonZero(long d, String where) {
        if (d == 0) throw new Spec.Undefined("division by zero in " + where);
        return d;
    }

    private static BigInteger nonZero(BigInteger d, String where) {
        if (d.signum() == 0) throw new Spec.Undefined("division by zero in " + where);
        return d;
    }

    /** A shift amount: never negative; past an int it shifts everything out just the same. */
    private static int amount(long s, String where) {
        if (s < 0) throw new Spec.Undefined("a shift by a negative amount in " + where);
        return (int) Math.min(Integer.MAX_VALUE, s);
    }

    private static int amount(BigInteger s, String where) {
        if (s.signum() < 0) throw new Spec.Undefined("a shift by a negative amount in " + where);
        return s.bitLength() < 32 ? s.intValueExact() : Integer.MAX_VALUE;
    }

    /** Rounds toward minus infinity, as {@link Math#floorDiv} does. */
    private static BigInteger floorDiv(BigInteger x, BigInteger d) {
        BigInteger[] qr = x.divideAndRemainder(d);
        return qr[1].signum() != 0 && qr[1].signum() != d.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** Takes the divisor's sign, as {@link Math#floorMod} does. */
    private static BigInteger floorMod(BigInteger x, BigInteger d) {
        BigInteger r = x.remainder(d);
        return r.signum() != 0 && r.signum() != d.signum() ? r.add(d) : r;
    }
}
