package dev.circuit.reference;

import java.util.Map;

/**
 * A hard neuron's body as written: {@code step(z)}, or a comparison {@code s op t} of two weighted
 * sums. Its output is decided by the language's definition, on the exact value: {@code step(z)} is 1
 * when z &gt; 0 strictly; {@code s >= t}, {@code s > t}, {@code s <= t}, {@code s < t} as written.
 */
record Cell(String op, Sum left, Sum right) {
    static final String STEP = "step";
    static final String[] OPS = {STEP, ">=", ">", "<=", "<"};

    Cell {
        if (op.equals(STEP) != (right == null)) throw new IllegalArgumentException("step has one sum, a comparison two");
    }

    static Cell step(Sum z) {
        return new Cell(STEP, z, null);
    }

    String text() {
        return op.equals(STEP) ? "step(" + left.text() + ")" : left.text() + " " + op + " " + right.text();
    }

    /** z for step, s - t for a comparison: the sign decides. */
    Fraction difference(Map<String, Integer> bits) {
        return right == null ? left.exact(bits) : left.exact(bits).minus(right.exact(bits));
    }

    int fires(Map<String, Integer> bits, Tally tally) {
        int sign = difference(bits).signum();
        int out = decide(sign);
        if (tally != null) {
            double d = right == null ? left.approx(bits) : left.approx(bits) - right.approx(bits);
            tally.neuron(sign == 0, decide(d > 0 ? 1 : d < 0 ? -1 : 0) != out);
        }
        return out;
    }

    private int decide(int sign) {
        boolean on = switch (op) {
            case STEP, ">" -> sign > 0;
            case ">=" -> sign >= 0;
            case "<=" -> sign <= 0;
            case "<" -> sign < 0;
            default -> throw new IllegalStateException(op);
        };
        return on ? 1 : 0;
    }

    /**
     * What the generator reached, counted over every neuron evaluated on every row: how many sat
     * exactly on their threshold (z = 0, where strict and non-strict differ), and how many double
     * arithmetic would have decided wrongly.
     */
    static final class Tally {
        long neurons;
        long ties;
        long doublesWrong;

        void neuron(boolean tie, boolean wrongInDoubles) {
            neurons++;
            if (tie) ties++;
            if (wrongInDoubles) doublesWrong++;
        }

        @Override
        public String toString() {
            return neurons + " neuron evaluations, " + ties + " exactly on the threshold, " + doublesWrong
                    + " that double arithmetic decides wrongly";
        }
    }
}
