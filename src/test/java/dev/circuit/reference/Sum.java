package dev.circuit.reference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A weighted sum as the generator writes it: its text, and its value computed from the same tree,
 * exactly ({@link #exact}) and, to measure what the generator reaches, as naive double arithmetic
 * would ({@link #approx}). Numbers are never negative; signs live in {@link Add}, so the text never
 * needs {@code (-3)}. Signals are bits, looked up by name.
 */
sealed interface Sum permits Sum.Signal, Sum.Num, Sum.Times, Sum.Over, Sum.Add {
    String text();

    Fraction exact(Map<String, Integer> bits);

    double approx(Map<String, Integer> bits);

    /** Adds the names of the signals read. */
    void signals(Set<String> out);

    /** A signal or a number: may stand on either side of {@code *} or {@code /} unparenthesised. */
    default boolean atom() {
        return false;
    }

    /**
     * The text as the left operand of {@code *} or {@code /}: those associate to the left, so a
     * product or quotient needs no parentheses there ({@code 2*a/7} is {@code (2*a)/7}); a sum does.
     */
    default String left() {
        return this instanceof Add ? "(" + text() + ")" : text();
    }

    /** The text as the right operand of {@code *}: anything but a signal or number is parenthesised. */
    default String right() {
        return atom() ? text() : "(" + text() + ")";
    }

    record Signal(String name) implements Sum {
        @Override public String text() { return name; }
        @Override public Fraction exact(Map<String, Integer> bits) { return Fraction.of(bit(bits, name)); }
        @Override public double approx(Map<String, Integer> bits) { return bit(bits, name); }
        @Override public void signals(Set<String> out) { out.add(name); }
        @Override public boolean atom() { return true; }

        private static int bit(Map<String, Integer> bits, String name) {
            Integer v = bits.get(name);
            if (v == null) throw new IllegalStateException("no value for " + name);
            return v;
        }
    }

    /** A non-negative literal as written ({@code 3}, {@code 0.25}, {@code 25e-2}) and its exact value. */
    record Num(String literal, Fraction value) implements Sum {
        static Num integer(BigInteger k) {
            if (k.signum() < 0) throw new IllegalArgumentException("numbers are written without sign: " + k);
            return new Num(k.toString(), new Fraction(k, BigInteger.ONE));
        }

        static Num integer(long k) {
            return integer(BigInteger.valueOf(k));
        }

        /** {@code scientific} writes 0.25 as {@code 25e-2}. */
        static Num decimal(BigDecimal d, boolean scientific) {
            if (d.signum() < 0) throw new IllegalArgumentException("numbers are written without sign: " + d);
            String text = scientific && d.scale() > 0 ? d.unscaledValue() + "e-" + d.scale() : d.toPlainString();
            return new Num(text, Fraction.of(d));
        }

        @Override public String text() { return literal; }
        @Override public Fraction exact(Map<String, Integer> bits) { return value; }
        @Override public double approx(Map<String, Integer> bits) { return Double.parseDouble(literal); }
        @Override public void signals(Set<String> out) {}
        @Override public boolean atom() { return true; }
    }

    /** {@code k*s} or, when not {@code kFirst}, {@code s*k}. */
    record Times(Num k, Sum s, boolean kFirst) implements Sum {
        @Override public String text() { return kFirst ? k.text() + "*" + s.right() : s.left() + "*" + k.text(); }
        @Override public Fraction exact(Map<String, Integer> bits) { return k.value().times(s.exact(bits)); }
        @Override public double approx(Map<String, Integer> bits) { return k.approx(bits) * s.approx(bits); }
        @Override public void signals(Set<String> out) { s.signals(out); }
    }

    /** {@code s/k}, k a positive literal. */
    record Over(Sum s, Num k) implements Sum {
        @Override public String text() { return s.left() + "/" + k.text(); }
        @Override public Fraction exact(Map<String, Integer> bits) { return s.exact(bits).over(k.value()); }
        @Override public double approx(Map<String, Integer> bits) { return s.approx(bits) / k.approx(bits); }
        @Override public void signals(Set<String> out) { s.signals(out); }
    }

    /** {@code t0 + t1 - t2}: {@code minus.get(i)} subtracts term i (the first one too: {@code -a + b}). */
    record Add(List<Sum> terms, List<Boolean> minus) implements Sum {
        public Add {
            terms = List.copyOf(terms);
            minus = List.copyOf(minus);
            if (terms.isEmpty() || terms.size() != minus.size()) throw new IllegalArgumentException("terms and signs");
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < terms.size(); i++) {
                Sum t = terms.get(i);
                String s = t instanceof Add ? "(" + t.text() + ")" : t.text();
                if (i == 0) sb.append(minus.get(0) ? "-" : "").append(s);
                else sb.append(minus.get(i) ? " - " : " + ").append(s);
            }
            return sb.toString();
        }

        @Override
        public Fraction exact(Map<String, Integer> bits) {
            Fraction v = Fraction.ZERO;
            for (int i = 0; i < terms.size(); i++) {
                Fraction t = terms.get(i).exact(bits);
                v = minus.get(i) ? v.minus(t) : v.plus(t);
            }
            return v;
        }

        @Override
        public double approx(Map<String, Integer> bits) {
            double v = 0;
            for (int i = 0; i < terms.size(); i++) {
                double t = terms.get(i).approx(bits);
                v = minus.get(i) ? v - t : v + t;
            }
            return v;
        }

        @Override
        public void signals(Set<String> out) {
            for (Sum t : terms) t.signals(out);
        }
    }
}
