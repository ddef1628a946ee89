package dev.circuit.sat;

import dev.circuit.engine.Cnf;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.ISolverService;
import org.sat4j.specs.SearchListenerAdapter;
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
        return solve(cnf, timeoutMillis, 0);
    }

    /**
     * {@link #solve(Cnf, long)}, also ended as unknown after {@code propagations} unit propagations
     * when that is above 0. A budget of propagations rather than time: the same problem gets the same
     * answer on any machine at any load (the solver makes no random choices), and a propagation costs
     * about the same on an adder as on a multiplier, where a conflict costs ten times more.
     */
    public static Answer solve(Cnf cnf, long timeoutMillis, long propagations) {
        if (timeoutMillis < 0 || propagations < 0) throw new IllegalArgumentException("limits must not be negative");
        ISolver solver = SolverFactory.newDefault();
        solver.newVar(cnf.variables());
        solver.setExpectedNumberOfClauses(cnf.clauses().size());
        if (timeoutMillis > 0) solver.setTimeoutMs(timeoutMillis);
        if (propagations > 0) solver.setSearchListener(new PropagationBudget(solver, propagations));
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

    /** Expires the solver's timeout at its {@code limit}-th propagation; the search then ends unknown. */
    private static final class PropagationBudget extends SearchListenerAdapter<ISolverService> {
        private static final long serialVersionUID = 1L;
        private final transient ISolver solver;
        private final long limit;
        private long count;

        PropagationBudget(ISolver solver, long limit) {
            this.solver = solver;
            this.limit = limit;
        }

        @Override public void propagating(int p) {
            if (++count == limit) solver.expireTimeout();
        }
    }
}
