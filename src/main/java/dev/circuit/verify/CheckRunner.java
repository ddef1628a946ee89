package dev.circuit.verify;

import dev.circuit.diag.Pos;
import dev.circuit.elab.BoundCheck;
import dev.circuit.diag.Diagnostic;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Rows;
import dev.circuit.eval.TermValues;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import dev.circuit.engine.BitParallel;
import dev.circuit.engine.Cnf;
import dev.circuit.sat.SatSolver;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a check over every input row (or over seeded random rows when sampling) and stops at the
 * first row where the property does not hold. This is the scalar engine: one row at a time through
 * {@link Evaluator}; it is the reference the bit-parallel and SAT engines are tested against, and
 * it explains (and so confirms) every failure they find.
 */
final class CheckRunner {
    private CheckRunner() {}

    static TestOutcome scalar(BoundCheck check, Spec spec, String file, String name, VerifyOptions opt) {
        Netlist net = check.net();
        Pos pos = check.decl().pos();
        int n = net.inputBits();
        boolean sampled = opt.sample() > 0;
        long rows = sampled ? opt.sample() : 1L << n;
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        double[] in = new double[n];
        double[] state = ev.newState();
        List<Terminal> ins = net.inputs();
        List<Terminal> outs = net.outputs();
        TermValues terms = new TermValues(ins.size() + outs.size());
        SplittableRandom random = new SplittableRandom(opt.seed());
        for (long k = 0; k < rows; k++) {
            if (sampled) {
                randomRow(ins, random, in);
            } else {
                Rows.spread(ins, k, in);
            }
            ev.run(in, state, null);
            double[] out = ev.outputBits(state);
            terms.read(ins, in, 0);
            terms.read(outs, out, ins.size());
            String why = null;
            String notBits = notBits(outs, out);
            if (notBits != null) {
                why = notBits;
            } else {
                try {
                    if (!spec.holds(terms)) why = spec.explain(terms);
                } catch (Spec.Undefined u) {
                    why = u.getMessage();
                }
            }
            if (why != null) {
                String at = inputsText(ins, terms);
                Diagnostic d = Diagnostic.error(pos, failsText(name, 0, at + ": " + why));
                return new TestOutcome.Check(file, name, pos, Verdict.FAIL, engine(sampled), -1, k + 1, List.of(d));
            }
        }
        return new TestOutcome.Check(file, name, pos, Verdict.PASS, engine(sampled), -1, rows, List.of());
    }

    /**
     * A random row's input bits, for sampling. A row number is a long: past 64 input bits every bit
     * is drawn on its own, or the most significant ones would be 0 in every sample.
     */
    static void randomRow(List<Terminal> ins, SplittableRandom random, double[] in) {
        int n = in.length;
        if (n > 64) {
            for (int i = 0; i < n; i++) in[i] = random.nextBoolean() ? 1 : 0;
        } else {
            Rows.spread(ins, random.nextLong() & (n == 64 ? -1L : (1L << n) - 1), in);
        }
    }

    /**
     * Runs the check on the bit-parallel engine when it applies; returns null when it does not. A
     * failing row is re-evaluated on the scalar engine to explain it, which also cross-checks the two.
     */
    static TestOutcome bitParallel(BoundCheck check, Spec spec, String file, String name, VerifyOptions opt) {
        return bitParallel(check, in -> explain(check.net(), spec, in), 0, file, name, opt);
    }

    /**
     * Says why the check fails on a row given by its input bits, or null when it holds there: the
     * scalar reference's account of a row an engine found.
     */
    interface Explainer {
        String explain(double[] inputBits);
    }

    /**
     * {@link #bitParallel} with its explanations from {@code why}; {@code cycles} > 0 for an unrolled
     * check over time. On the default engine a check whose enumeration costs real time goes to
     * {@link Portfolio} first, which may prove it by SAT.
     */
    static TestOutcome bitParallel(BoundCheck check, Explainer why, int cycles, String file, String name, VerifyOptions opt) {
        if (opt.sample() > 0 || opt.scalarOnly()) return null;
        BitParallel engine = BitParallel.compile(check.net(), check.property(), !opt.interpret());
        if (engine == null) return null;
        if (opt.auto()) return Portfolio.run(engine, check, why, cycles, file, name, opt);
        return enumerate(engine, check, why, cycles, file, name, opt, Long.MAX_VALUE, null);
    }

    /**
     * Enumerates the check on {@code engine} up to its first failing row, which is explained on the
     * scalar engine. {@code known} is a row already known to fail (or {@link Long#MAX_VALUE}): rows
     * above it are not enumerated. {@code satFirst} is what SAT found before, for the report, or null.
     */
    static TestOutcome enumerate(BitParallel engine, BoundCheck check, Explainer why, int cycles, String file, String name,
                                 VerifyOptions opt, long known, String satFirst) {
        Netlist net = check.net();
        Pos pos = check.decl().pos();
        Engine how = engine.generated() ? Engine.GENERATED : Engine.INTERPRETED;
        opt.progress().start(name, engine.rows());
        long row;
        try {
            row = engine.firstFailure(opt.threads(), opt.progress()::advance, known);
        } finally {
            opt.progress().done();
        }
        TestOutcome.Hoisting hoisting = new TestOutcome.Hoisting(engine.gates(), engine.rowGates(), engine.blockGates(),
                engine.blockRows(), InputBits.names(net.inputs(), engine.fastInputs()));
        if (row < 0) {
            return new TestOutcome.Check(file, name, pos, Verdict.PASS, how, engine.gates(), engine.rows(), List.of(), null, cycles, hoisting, satFirst);
        }
        double[] in = new double[net.inputBits()];
        Rows.spread(net.inputs(), row, in);
        String text = why.explain(in);
        if (text == null) {
            throw new IllegalStateException("the bit-parallel and scalar engines disagree on row " + row + " of " + name);
        }
        Diagnostic d = Diagnostic.error(pos, failsText(name, cycles, text));
        return new TestOutcome.Check(file, name, pos, Verdict.FAIL, how, engine.gates(), row + 1, List.of(d), null, cycles, hoisting, satFirst);
    }

    /**
     * Runs the check on the SAT engine: proves it for every row, or finds a counterexample, which is
     * re-run on the scalar evaluator to explain it (and to check the SAT answer: an answer the
     * reference does not confirm is a bug, never a verdict). Null when the gate network cannot be
     * built (the same cases as the bit-parallel engine).
     */
    static TestOutcome sat(BoundCheck check, Spec spec, String file, String name, VerifyOptions opt) {
        return sat(check, in -> explain(check.net(), spec, in), 0, file, name, opt);
    }

    /** {@link #sat} with its explanations from {@code why}; {@code cycles} > 0 for an unrolled check over time. */
    static TestOutcome sat(BoundCheck check, Explainer why, int cycles, String file, String name, VerifyOptions opt) {
        SatRun run = solve(check, why, name, opt.timeoutMillis(), 0);
        if (run == null) return null;
        Pos pos = check.decl().pos();
        if (run.answer() instanceof SatSolver.Unknown) {
            Diagnostic d = Diagnostic.error(pos, name + " is unknown: the SAT engine found neither a proof nor a counterexample in "
                    + opt.timeoutMillis() / 1000 + " s (--timeout)");
            return run.outcome(file, name, pos, Verdict.UNKNOWN, List.of(d), cycles, null);
        }
        return run.outcome(file, name, pos, cycles, null);
    }

    /**
     * One SAT run on a check: the size of its problem, the solver's answer and, for a counterexample,
     * its input bits (netlist order) and the scalar reference's account of them ({@code why}).
     */
    record SatRun(Cnf cnf, SatSolver.Answer answer, double[] inputs, String why) {
        /** A proof or a counterexample as an outcome; {@code satFirst} as in {@link TestOutcome.Check}. */
        TestOutcome outcome(String file, String name, Pos pos, int cycles, String satFirst) {
            if (answer instanceof SatSolver.Proved) return outcome(file, name, pos, Verdict.PASS, List.of(), cycles, satFirst);
            Diagnostic d = Diagnostic.error(pos, failsText(name, cycles, why));
            return outcome(file, name, pos, Verdict.FAIL, List.of(d), cycles, satFirst);
        }

        TestOutcome outcome(String file, String name, Pos pos, Verdict v, List<Diagnostic> failures, int cycles, String satFirst) {
            TestOutcome.SatSize size = new TestOutcome.SatSize(cnf.inputBits(), cnf.variables(), cnf.clauses().size());
            return new TestOutcome.Check(file, name, pos, v, Engine.SAT, cnf.gates(), -1, failures, size, cycles, null, satFirst);
        }
    }

    /**
     * Solves the check's miter within {@code timeoutMillis} and {@code propagations} (0: no limit);
     * null when the gate network cannot be built. A counterexample is explained by {@code why}, and
     * one it does not confirm is an internal error.
     */
    static SatRun solve(BoundCheck check, Explainer why, String name, long timeoutMillis, long propagations) {
        Netlist net = check.net();
        Cnf cnf = Cnf.miter(net, check.property());
        if (cnf == null) return null;
        SatSolver.Answer answer = SatSolver.solve(cnf, timeoutMillis, propagations);
        if (!(answer instanceof SatSolver.Counterexample)) return new SatRun(cnf, answer, null, null);
        boolean[] bits = ((SatSolver.Counterexample) answer).inputs();
        double[] in = new double[net.inputBits()];
        for (int i = 0; i < in.length; i++) in[i] = bits[i] ? 1 : 0;
        String text = why.explain(in);
        if (text == null) {
            throw new IllegalStateException("the SAT engine's counterexample to " + name + " holds on the scalar engine: "
                    + inputsText(net.inputs(), in));
        }
        return new SatRun(cnf, answer, in, text);
    }

    /** "a=3 b=5 cin=0: s is 0, a + b + cin is 8" for a failing row given by its input bits (netlist order); null when it holds. */
    private static String explain(Netlist net, Spec spec, double[] in) {
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        double[] out = ev.outputs(in);
        TermValues terms = new TermValues(net.inputs().size() + net.outputs().size());
        terms.read(net.inputs(), in, 0);
        terms.read(net.outputs(), out, net.inputs().size());
        try {
            if (spec.holds(terms)) return null;
            return inputsText(net.inputs(), in) + ": " + spec.explain(terms);
        } catch (Spec.Undefined u) {
            return inputsText(net.inputs(), in) + ": " + u.getMessage();
        }
    }

    /**
     * The failure's message from an explanation: "check f fails at a=1 b=0: why", "check f fails in
     * cycle 2 of the inputs ...: why" ({@code cycles} > 0), or "check k fails: why" for a circuit
     * without inputs, whose explanation is ": why" (not "fails at : why").
     */
    static String failsText(String name, int cycles, String text) {
        if (cycles > 0) return name + " fails " + text;
        return name + (text.startsWith(": ") ? " fails" : " fails at ") + text;
    }

    private static Engine engine(boolean sampled) {
        return sampled ? Engine.SAMPLED : Engine.SCALAR;
    }

    /** Why an output bit is not 0 or 1 (a check reads bits), or null when all are. */
    static String notBits(List<Terminal> outs, double[] out) {
        int at = 0;
        for (Terminal t : outs) {
            for (int b = 0; b < t.width(); b++) {
                double v = out[at + b];
                if (v != 0 && v != 1) return "output '" + t.name() + "' is " + dev.circuit.eval.Values.format(v) + ", not a bit";
            }
            at += t.width();
        }
        return null;
    }

    /** "a=3 b=5 cin=0" from input bits: buses of any width, in decimal. */
    static String inputsText(List<Terminal> ins, double[] in) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Terminal t : ins) {
            if (at > 0) sb.append(' ');
            sb.append(t.name()).append('=').append(dev.circuit.eval.Values.terminal(t, in, at, false));
            at += t.width();
        }
        return sb.toString();
    }

    static String inputsText(List<Terminal> ins, TermValues terms) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ins.size(); i++) {
            if (i > 0) sb.append(' ');
            sb.append(ins.get(i).name()).append('=').append(terms.text(i));
        }
        return sb.toString();
    }
}
