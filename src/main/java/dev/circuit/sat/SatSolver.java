package dev.circuit.sat;

import dev.circuit.engine.Cnf;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/** Solves a check's miter: no model means the property holds on every input row. */
public final class SatSolver {
    private SatSolver() {}

    /** What the solver found. */
    public sealed interface Answer permits Proved, Counterexample, Unknown {}

    /** Unsatisfiable: no input row fails the property. */
    public record Proved() implements Answer {}

    /** A model: input bit i of a failing row is {@code inputs[i]} (netlist order). */
    public record Counterexample(boolean[] inputs) implements Answer {
        public Counterexample {
            inputs = inputs.clone();
        }

        @Override public boolean[] inputs() {
            return inputs.clone();
        }
    }

    /** The timeout ended the search. */
    public record Unknown() implements Answer {}

    /** Solves {@code cnf}; {@code timeoutMillis} 0 means no limit. */
    public static Answer solve(Cnf cnf, long timeoutMillis) {
        if (timeoutMillis < 0) throw new IllegalArgumentException("timeout must not be negative");
        ISolver solver = SolverFactory.newDefault();
        solver.newVar(cnf.variables());
        solver.setExpectedNumberOfClauses(cnf.clauses().size());
        if (timeoutMillis > 0) solver.setTimeoutMs(timeoutMillis);
        try {
            for (int[] c : cnf.clauses()) solver.addClause(new VecInt(c));
        } catch (ContradictionException e) {
            // Unit propagation alone refutes the miter: the property is constant true.
            return new Proved();
        }
        try {
            if (!solver.isSatisfiable()) return new Proved();
            boolean[] in = new boolean[cnf.inputBits()];
            for (int i = 0; i < in.length; i++) in[i] = solver.model(cnf.inputVariable(i));
            return new Counterexample(in);
        } catch (TimeoutException e) {
            return new Unknown();
        } finally {
            solver.reset();
        }
    }
}
