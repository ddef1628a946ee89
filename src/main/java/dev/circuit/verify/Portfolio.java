package dev.circuit.verify;

import dev.circuit.elab.BoundCheck;
import dev.circuit.engine.BitParallel;
import dev.circuit.eval.Rows;
import dev.circuit.sat.SatSolver;

/**
 * The default engine on a check it can enumerate: SAT first, under a budget, when the enumeration
 * would cost real time ({@link SatFirst}), then enumeration when SAT has no answer. SAT proves a
 * ripple adder's 2^33 rows in a fraction of the enumeration's time but may find no proof of a
 * multiplier in minutes; the budget, a fraction of the enumeration's estimated cost, bounds what a
 * check SAT cannot do costs on top of enumerating it.
 *
 * <p>The verdict does not depend on which engine answered, and neither does a failure's report: a
 * FAIL names the first failing row in counting order, as enumeration always has. A SAT
 * counterexample (confirmed on the scalar evaluator like any) is a failing row, so the enumeration
 * that follows only runs the blocks that may hold a smaller one, and reports the smallest. A PASS
 * says which engine proved it.
 */
final class Portfolio {
    private Portfolio() {}

    static TestOutcome run(BitParallel engine, BoundCheck check, CheckRunner.Explainer why, int cycles, String file, String name,
                           VerifyOptions opt) {
        long budget = opt.satFirst().propagations(gateRows(engine));
        if (budget == 0) return CheckRunner.enumerate(engine, check, why, cycles, file, name, opt, Long.MAX_VALUE, null);
        CheckRunner.SatRun sat = CheckRunner.solve(check, why, name, 0, budget);
        String within = " within " + budget + (budget == 1 ? " propagation" : " propagations");
        if (sat == null) return CheckRunner.enumerate(engine, check, why, cycles, file, name, opt, Long.MAX_VALUE, null);
        if (sat.answer() instanceof SatSolver.Proved) {
            return sat.outcome(file, name, check.decl().pos(), cycles, "proven" + within);
        }
        if (sat.answer() instanceof SatSolver.Counterexample) {
            long row = Rows.number(check.net().inputs(), sat.inputs());
            // Rows are counted from 1 where they are printed, as in "failed at row N"; a check over
            // cycles counts input sequences, as in "failed in sequence N".
            String what = cycles > 0 ? "sequence" : "row";
            return CheckRunner.enumerate(engine, check, why, cycles, file, name, opt, row, "a counterexample "
                    + (cycles > 0 ? "in " : "at ") + what + " " + (row + 1) + within + "; the first failing " + what + " by enumeration");
        }
        return CheckRunner.enumerate(engine, check, why, cycles, file, name, opt, Long.MAX_VALUE, "no answer" + within);
    }

    /** What enumerating costs, in gate evaluations: the row gates on every row, the block gates once per block. */
    static double gateRows(BitParallel e) {
        double rows = e.rows();
        return e.rowGates() * rows + e.blockGates() * Math.ceil(rows / e.blockRows());
    }
}
