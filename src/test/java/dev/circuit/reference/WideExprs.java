package dev.circuit.reference;

import dev.circuit.properties.Circuits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.RandomnessSource;

/**
 * Random check expressions over buses of any width (1 to about 200 bits, often at the edges of a
 * long: 62 to 65, 127 to 129), written as check text and valued here in BigInteger from what the
 * language says (docs/LANGUAGE.md, Checks): exact integers, {@code /} and {@code %} round toward
 * minus infinity, {@code ~x} within x's width, a row with a division by zero, a shift by a
 * negative amount or a left shift past 2^20 bits has no value. Every part of the text is
 * parenthesised, so precedence is not under test here. Test code: it imports nothing from the product.
 */
final class WideExprs {
    /** The largest left shift a row may do. */
    static final int MAX_SHIFT = 1 << 20;

    private WideExprs() {}

    /** A row where the expression has no value. */
    static final class NoValue extends RuntimeException {
        NoValue() {
            super(null, null, false, false);
        }
    }

    /** A terminal: its name and width. */
    record Term(String name, int width) {}

    sealed interface Expr {
        String text();

        /** The value on a row, or {@link NoValue}. */
        BigInteger value(Map<String, BigInteger> row);

        /** The width a concatenation part or '~' operand has, or -1 for a number without one. */
        default int width() {
            return -1;
        }
    }

    /** {@code x[hi..lo]}, or the whole of x when it spans it. */
    record Slice(Term t, int lo, int hi) implements Expr {
        @Override public String text() {
            if (lo == 0 && hi == t.width() - 1) return t.name();
            return t.name() + "[" + hi + ".." + lo + "]";
        }

        @Override public BigInteger value(Map<String, BigInteger> row) {
            return row.get(t.name()).shiftRight(lo).and(ones(width()));
        }

        @Override public int width() {
            return hi - lo + 1;
        }
    }

    record Num(BigInteger v) implements Expr {
        @Override public String text() {
            return v.toString();
        }

        @Override public BigInteger value(Map<String, BigInteger> row) {
            return v;
        }
    }

    record Concat(List<Expr> parts) implements Expr {
        @Override public String text() {
            return "{" + String.join(", ", parts.stream().map(Expr::text).toList()) + "}";
        }

        @Override public BigInteger value(Map<String, BigInteger> row) {
            BigInteger v = BigInteger.ZERO;
            for (Expr p : parts) v = v.shiftLeft(p.width()).add(p.value(row));
            return v;
        }

        @Override public int width() {
            return parts.stream().mapToInt(Expr::width).sum();
        }
    }

    record Not(Expr e) implements Expr {
        @Override public String text() {
            return "~" + e.text();
        }

        @Override public BigInteger value(Map<String, BigInteger> row) {
            return ones(e.width()).subtract(e.value(row));
        }

        @Override public int width() {
            return e.width();
        }
    }

    record Neg(Expr e) implements Expr {
        @Override public String text() {
            return "(-" + e.text() + ")";
        }

        @Override public BigInteger value(Map<String, BigInteger> row) {
            return e.value(row).negate();
        }
    }

    record Cond(Expr c, Expr a, Expr b) implements Expr {
        @Override public String text() {
            return "(" + c.text() + " ? " + a.text() + " : " + b.text() + ")";
        }

        @Override public BigInteger value(Map<String, BigInteger> row) {
            return c.value(row).signum() != 0 ? a.value(row) : b.value(row);
        }
    }

    record Bin(String op, Expr l, Expr r) implements Expr {
        @Override public String text() {
            return "(" + l.text() + " " + op + " " + r.text() + ")";
        }

        @Override public BigInteger value(Map<String, BigInteger> row) {
            BigInteger a = l.value(row);
            BigInteger b = r.value(row);
            switch (op) {
                case "+": return a.add(b);
                case "-": return a.subtract(b);
                case "*": return a.multiply(b);
                case "/": {
                    if (b.signum() == 0) throw new NoValue();
                    // floor: the largest q with q * b <= a (b > 0) or q * b >= a (b < 0)
                    BigInteger q = a.divide(b);
                    return q.multiply(b).equals(a) || (a.signum() < 0) == (b.signum() < 0) ? q : q.subtract(BigInteger.ONE);
                }
                case "%": {
                    if (b.signum() == 0) throw new NoValue();
                    BigInteger m = a.mod(b.abs());
                    return b.signum() < 0 && m.signum() != 0 ? m.add(b) : m;
                }
                case "<<": {
                    if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(MAX_SHIFT)) > 0) throw new NoValue();
                    return a.multiply(BigInteger.TWO.pow(b.intValueExact()));
                }
                case ">>": {
                    if (b.signum() < 0) throw new NoValue();
                    if (b.bitLength() > 30) return a.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO;
                    // floor division by 2^b
                    BigInteger d = BigInteger.TWO.pow(b.intValueExact());
                    BigInteger q = a.divide(d);
                    return a.signum() < 0 && !q.multiply(d).equals(a) ? q.subtract(BigInteger.ONE) : q;
                }
                case "&": return a.and(b);
                case "|": return a.or(b);
                case "^": return a.xor(b);
                case "==": return bool(a.equals(b));
                case "!=": return bool(!a.equals(b));
                case "<": return bool(a.compareTo(b) < 0);
                case "<=": return bool(a.compareTo(b) <= 0);
                case ">": return bool(a.compareTo(b) > 0);
                case ">=": return bool(a.compareTo(b) >= 0);
                default: throw new IllegalStateException(op);
            }
        }
    }

    static BigInteger ones(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    private static BigInteger bool(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    static int draw(RandomnessSource in, int lo, int hi) {
        return Circuits.draw(in, lo, hi);
    }

    /** A width, a third of the time at an edge of 64-bit arithmetic. */
    static int width(RandomnessSource in, int max) {
        int[] edges = {1, 2, 31, 32, 33, 62, 63, 64, 65, 127, 128, 129};
        if (draw(in, 0, 2) == 0) {
            int w = edges[draw(in, 0, edges.length - 1)];
            if (w <= max) return w;
        }
        return draw(in, 1, max);
    }

    /** A value of {@code width} bits: often 0, all ones or one bit, else random bits. */
    static BigInteger value(RandomnessSource in, int width) {
        switch (draw(in, 0, 5)) {
            case 0: return BigInteger.ZERO;
            case 1: return ones(width);
            case 2: return BigInteger.ONE.shiftLeft(draw(in, 0, width - 1));
            default: {
                BigInteger v = BigInteger.ZERO;
                for (int at = 0; at < width; at += 16) v = v.or(BigInteger.valueOf(draw(in, 0, 0xFFFF)).shiftLeft(at));
                return v.and(ones(width));
            }
        }
    }

    private static final String[] ARITH = {"+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^"};
    private static final String[] COMPARE = {"==", "!=", "<", "<=", ">", ">="};

    /** An expression of at most {@code depth} levels over the terminals; {@code mul} false leaves out products (SAT-friendly). */
    static Expr expr(RandomnessSource in, List<Term> terms, int depth, boolean mul) {
        if (depth == 0 || draw(in, 0, 3) == 0) return leaf(in, terms);
        switch (draw(in, 0, 9)) {
            case 0: return new Neg(expr(in, terms, depth - 1, mul));
            case 1: return new Cond(expr(in, terms, depth - 1, mul), expr(in, terms, depth - 1, mul), expr(in, terms, depth - 1, mul));
            case 2: return new Bin(COMPARE[draw(in, 0, COMPARE.length - 1)], expr(in, terms, depth - 1, mul), expr(in, terms, depth - 1, mul));
            case 3: return shift(in, terms, depth, mul);
            default: {
                String op = ARITH[draw(in, 0, ARITH.length - 1)];
                if (op.equals("*") && !mul) op = "+";
                if (op.equals("<<") || op.equals(">>")) return shift(in, terms, depth, mul);
                Expr r = op.equals("/") || op.equals("%") ? divisor(in, terms, depth, mul) : expr(in, terms, depth - 1, mul);
                return new Bin(op, expr(in, terms, depth - 1, mul), r);
            }
        }
    }

    /** Mostly by constants (the gates' kind), sometimes by an expression, which may be negative or huge. */
    private static Expr shift(RandomnessSource in, List<Term> terms, int depth, boolean mul) {
        String op = draw(in, 0, 1) == 0 ? "<<" : ">>";
        Expr amount = draw(in, 0, 3) > 0 ? new Num(BigInteger.valueOf(draw(in, 0, 140))) : expr(in, terms, depth - 1, mul);
        return new Bin(op, expr(in, terms, depth - 1, mul), amount);
    }

    /** Powers of two (which the gates divide by), other numbers, and expressions that may be 0. */
    private static Expr divisor(RandomnessSource in, List<Term> terms, int depth, boolean mul) {
        switch (draw(in, 0, 3)) {
            case 0:
            case 1: return new Num(BigInteger.ONE.shiftLeft(draw(in, 0, 100)));
            case 2: return new Num(BigInteger.valueOf(draw(in, -9, 9)));
            default: return expr(in, terms, depth - 1, mul);
        }
    }

    private static Expr leaf(RandomnessSource in, List<Term> terms) {
        switch (draw(in, 0, 5)) {
            case 0: {
                int w = width(in, 140);
                return new Num(draw(in, 0, 1) == 0 ? BigInteger.valueOf(draw(in, 0, 9)) : value(in, w));
            }
            case 1: {
                List<Expr> parts = new ArrayList<>();
                for (int k = draw(in, 2, 3); k > 0; k--) parts.add(slice(in, terms));
                return new Concat(parts);
            }
            case 2: return new Not(slice(in, terms));
            default: return slice(in, terms);
        }
    }

    private static Expr slice(RandomnessSource in, List<Term> terms) {
        Term t = terms.get(draw(in, 0, terms.size() - 1));
        if (t.width() == 1 || draw(in, 0, 1) == 0) return new Slice(t, 0, t.width() - 1);
        int lo = draw(in, 0, t.width() - 1);
        return new Slice(t, lo, draw(in, lo, t.width() - 1));
    }
}
