package dev.circuit.elab;

import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Pos;
import java.util.Locale;

/**
 * The size budget of one design build ({@link Limits}), spent as elaboration grows: the graph
 * charges nets and neurons, the elaborator instances and loop iterations. Running over it throws
 * {@link Exceeded} at once, so nothing beyond the budget is ever built; the elaborator adds where
 * it was (loops and instances) and reports it as an error of the file.
 */
final class Budget {
    /** Each net, neuron, neuron input, instance and loop iteration: said in every message about it. */
    static final String UNITS = "a unit is a net, a neuron, an input of a neuron, an instance or a loop iteration";

    private final long max;
    private long spent;
    /** The place of the last charge: where a build that ran out of memory first was. */
    private Pos last;
    private boolean exceeded;

    Budget(Limits limits) {
        this.max = limits.maxSize();
    }

    /** Spends {@code units} for what is built at {@code at}; throws when that overruns the budget. */
    void spend(long units, Pos at) {
        last = at;
        spent += units;
        if (spent > max) {
            exceeded = true;
            throw new Exceeded(Diagnostic.error(at, "the design grows beyond its size budget of " + number(max)
                    + " units here; raise it with --max-size (" + UNITS + ")"));
        }
    }

    /**
     * Spends a loop's {@code iterations}, one unit each, before the first one runs: a loop that alone
     * overruns the budget is refused at once, however long it would take to build.
     */
    void spendLoop(long iterations, Pos at) {
        if (iterations > max - spent) {
            exceeded = true;
            String budget = iterations > max ? "the size budget of " + number(max) + " units allows"
                    : "the " + number(max - spent) + " units left of the size budget of " + number(max) + " allow";
            throw new Exceeded(Diagnostic.error(at, "this loop runs " + number(iterations) + " times, more than " + budget
                    + "; raise it with --max-size (" + UNITS + ")"));
        }
        spend(iterations, at);
    }

    /** True once the budget was overrun: later circuits of the design are not elaborated. */
    boolean exceeded() {
        return exceeded;
    }

    /** The error for a build that ran out of memory before its budget; {@code fallback} when nothing was charged. */
    Diagnostic outOfMemory(Pos fallback) {
        exceeded = true;
        return Diagnostic.error(last != null ? last : fallback, "ran out of memory here, after " + number(spent)
                + " units of the size budget of " + number(max) + ": give Java more memory"
                + " (CIRCUIT_JAVA_OPTS=-Xmx...) or lower --max-size");
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Thrown where the budget runs out; it unwinds the whole elaboration. */
    static final class Exceeded extends RuntimeException {
        private final transient Diagnostic diagnostic;

        Exceeded(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }

        Diagnostic diagnostic() {
            return diagnostic;
        }
    }
}
