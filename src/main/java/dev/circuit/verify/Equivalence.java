package dev.circuit.verify;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.engine.BitMap;
import dev.circuit.engine.BitParallel;
import dev.circuit.engine.Cnf;
import dev.circuit.engine.Miter;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Rows;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Threshold;
import dev.circuit.sat.SatSolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether two Boolean circuits with the same ports compute the same function ({@code circuit
 * equiv}). Ports are matched by name ({@link Ports}); the two circuits become one miter
 * ({@link Miter}) that the bit-parallel engine enumerates or the SAT engine proves, as a check's
 * network is. An input where they differ, whichever engine found it, is re-run on the scalar
 * evaluator on both sides; one it does not confirm is an internal error, never a verdict.
 */
public final class Equivalence {
    private Equivalence() {}

    /**
     * How to decide: as {@code circuit test} picks (its portfolio up to 2^40 rows, SAT above), or one
     * engine. A pair whose gates cannot be built (weights past longs) is enumerated on the reference
     * evaluator up to 2^40 rows, and proven by SAT past them.
     */
    public enum Method { AUTO, EXHAUSTIVE, SAT, SCALAR }

    /**
     * {@code timeoutMillis} ends a SAT proof as unknown (0: no limit); {@code threads} run an
     * enumeration; {@code satFirst} says when {@link Method#AUTO} tries SAT before enumerating.
     */
    public record Options(Method method, int threads, long timeoutMillis, Progress progress, SatFirst satFirst) {
        public Options(Method method, int threads, long timeoutMillis, Progress progress) {
            this(method, threads, timeoutMillis, progress, SatFirst.MEASURED);
        }

        public Options {
            if (method == null || satFirst == null) throw new IllegalArgumentException("no method");
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
            if (timeoutMillis < 0) throw new IllegalArgumentException("timeout must not be negative");
            if (progress == null) progress = Progress.NONE;
        }
    }

    /**
     * An input where the circuits differ, as the scalar evaluator computes it: A's input bits
     * (B reads the same values by port name) and each side's output bits, in its own netlist order.
     */
    public record Counterexample(double[] inputs, double[] outputsA, double[] outputsB) {
        public Counterexample {
            inputs = inputs.clone();
            outputsA = outputsA.clone();
            outputsB = outputsB.clone();
        }

        @Override public double[] inputs() {
            return inputs.clone();
        }

        @Override public double[] outputsA() {
            return outputsA.clone();
        }

        @Override public double[] outputsB() {
            return outputsB.clone();
        }
    }

    /**
     * The verdict: PASS (equivalent) on every one of the 2^inputBits inputs, FAIL with a confirmed
     * counterexample, or UNKNOWN when a SAT proof ran out of time. {@code row} is the first
     * differing row when an enumeration found it (-1 otherwise); {@code gates} the miter's size
     * (-1 on the scalar engine), {@code sat} the SAT problem's on the SAT engine.
     */
    public record Result(Verdict verdict, Engine engine, int inputBits, long row, int gates, TestOutcome.SatSize sat,
                         Counterexample counterexample) {
        public Result {
            if ((verdict == Verdict.FAIL) != (counterexample != null)) throw new IllegalArgumentException("a difference is a counterexample");
            if (verdict == Verdict.REFUSED) throw new IllegalArgumentException("a refusal is an error, not a result");
            if (verdict == Verdict.UNKNOWN && engine != Engine.SAT) throw new IllegalArgumentException("only a SAT proof ends unknown");
            if ((engine == Engine.SAT) != (sat != null)) throw new IllegalArgumentException("a SAT size without the SAT engine, or the reverse");
        }

        /** "8 input bits, all 256 rows, bit-parallel engine, generated code, 290 gates", as the result line says it. */
        public String detail() {
            String how = TestOutcome.how(engine, gates, sat);
            String bits = inputBits + (inputBits == 1 ? " input bit, " : " input bits, ");
            switch (verdict) {
                case PASS: return bits + (sat != null ? "proven for all 2^" + inputBits + " inputs"
                        : inputBits == 0 ? "its one row" : "all " + (1L << inputBits) + " rows") + ", " + how;
                // Rows counted from 1, as test's "failed at row N" counts them.
                case FAIL: return bits + (row >= 0 ? "first difference at row " + (row + 1) : "counterexample") + ", " + how;
                default: return bits + "no proof or counterexample before the timeout, " + how;
            }
        }
    }

    /**
     * Decides whether {@code a} and {@code b} are equivalent ({@code labelA}, {@code labelB} name them
     * in messages: "mul4.net:mul4"). Ports that do not match and circuits that are not Boolean are
     * usage errors, all reported at once, as is a circuit too large for the engine asked for or one
     * that engine cannot build.
     */
    public static Result check(Netlist a, String labelA, Netlist b, String labelB, Options opt) {
        List<Diagnostic> errors = new ArrayList<>(Ports.mismatches(a, labelA, b, labelB));
        notBoolean(a, labelA, errors);
        notBoolean(b, labelB, errors);
        if (!errors.isEmpty()) throw new CircuitException(Failure.USAGE, errors);
        BitMap map = Ports.map(a, b);
        int bits = a.inputBits();
        boolean tooMany = bits > VerifyOptions.MAX_EXHAUSTIVE_BITS;
        Method method = opt.method();
        if (method == Method.SCALAR && !tooMany) return scalar(a, b, map);
        Miter miter = Miter.of(a, b, map);
        boolean bySat = miter != null;
        boolean byGates = bySat && miter.enumerable();
        // SAT when asked for, and past what equiv enumerates: a neuron too wide for the gates is a
        // threshold constraint in the SAT encoding, at any width.
        if (bySat && (method == Method.SAT || method == Method.AUTO && tooMany)) return sat(a, b, map, miter, opt);
        String noSat = "the SAT engine does not apply: a threshold constraint of a neuron whose weights as exact integers need more than "
                + Threshold.LONG_BITS + " bits is over the SAT encoding's budget of decision-diagram nodes";
        if (tooMany) {
            String why = "; " + (bySat ? "--engine auto or sat proves it by SAT" : noSat);
            throw CircuitException.usage(labelA + " has " + bits + " input bits: 2^" + bits + " rows is more than the 2^"
                    + VerifyOptions.MAX_EXHAUSTIVE_BITS + " equiv enumerates" + why);
        }
        if (method == Method.SAT) throw CircuitException.usage(noSat + "; --engine auto or scalar enumerates the pair on the reference evaluator");
        // Auto or exhaustive without gates (a neuron too wide for them), up to 2^40 rows: every row
        // on the reference evaluator, as test runs such a check.
        if (!byGates) return scalar(a, b, map);
        BitParallel engine = miter.enumeration(true);
        long budget = method == Method.AUTO ? opt.satFirst().propagations(Portfolio.gateRows(engine)) : 0;
        if (budget == 0) return enumerate(a, b, map, engine, opt, Long.MAX_VALUE);
        // The portfolio, as test runs it: SAT under a budget worth a fraction of the enumeration, then
        // the enumeration, which reports the first differing row below any SAT found.
        Cnf cnf = miter.cnf();
        SatSolver.Answer answer = SatSolver.solve(cnf, 0, budget);
        if (answer instanceof SatSolver.Proved) return sat(a, b, map, cnf, answer);
        long known = Long.MAX_VALUE;
        if (answer instanceof SatSolver.Counterexample) {
            known = Rows.number(a.inputs(), sat(a, b, map, cnf, answer).counterexample().inputs());
        }
        return enumerate(a, b, map, engine, opt, known);
    }

    /** Refuses what the gates and the evaluator do not agree to be Boolean: real-valued or learnable neurons, constants other than 0 and 1. */
    private static void notBoolean(Netlist n, String label, List<Diagnostic> errors) {
        if (n.isBoolean()) return;
        String why = "equiv compares Boolean circuits (step and threshold neurons with fixed weights): ";
        for (Neuron x : n.neurons()) {
            if (!x.activation().isHard()) {
                errors.add(Diagnostic.error(x.pos(), why + "neuron '" + x.path() + "' of " + label + " is " + x.activation().keyword()));
                return;
            }
            if (!x.isFixed()) {
                errors.add(Diagnostic.error(x.pos(), why + "neuron '" + x.path() + "' of " + label + " has learnable coefficients"));
                return;
            }
        }
        for (Netlist.Constant c : n.constants()) {
            if (c.value() != 0 && c.value() != 1) {
                errors.add(Diagnostic.error(Pos.file(label), why + n.netNames().get(c.net()) + " is the constant "
                        + dev.circuit.eval.Values.format(c.value()) + ", not a bit"));
                return;
            }
        }
    }

    /** The first differing row by enumeration; {@code known} a row already known to differ (or Long.MAX_VALUE), above which nothing is run. */
    private static Result enumerate(Netlist a, Netlist b, BitMap map, BitParallel engine, Options opt, long known) {
        Engine how = engine.generated() ? Engine.GENERATED : Engine.INTERPRETED;
        opt.progress().start("equiv " + a.name() + " " + b.name(), engine.rows());
        long row;
        try {
            row = engine.firstFailure(opt.threads(), opt.progress()::advance, known);
        } finally {
            opt.progress().done();
        }
        if (row < 0) return new Result(Verdict.PASS, how, a.inputBits(), -1, engine.gates(), null, null);
        double[] in = new double[a.inputBits()];
        Rows.spread(a.inputs(), row, in);
        return new Result(Verdict.FAIL, how, a.inputBits(), row, engine.gates(), null, confirmed(a, b, map, in, how));
    }

    private static Result sat(Netlist a, Netlist b, BitMap map, Miter miter, Options opt) {
        Cnf cnf = miter.cnf();
        return sat(a, b, map, cnf, SatSolver.solve(cnf, opt.timeoutMillis()));
    }

    /** The SAT engine's answer as a result; a counterexample confirmed on the scalar evaluator. */
    private static Result sat(Netlist a, Netlist b, BitMap map, Cnf cnf, SatSolver.Answer answer) {
        TestOutcome.SatSize size = new TestOutcome.SatSize(a.inputBits(), cnf.variables(), cnf.clauses().size());
        if (answer instanceof SatSolver.Proved) return new Result(Verdict.PASS, Engine.SAT, a.inputBits(), -1, cnf.gates(), size, null);
        if (answer instanceof SatSolver.Unknown) return new Result(Verdict.UNKNOWN, Engine.SAT, a.inputBits(), -1, cnf.gates(), size, null);
        boolean[] bits = ((SatSolver.Counterexample) answer).inputs();
        double[] in = new double[bits.length];
        for (int i = 0; i < in.length; i++) in[i] = bits[i] ? 1 : 0;
        return new Result(Verdict.FAIL, Engine.SAT, a.inputBits(), -1, cnf.gates(), size, confirmed(a, b, map, in, Engine.SAT));
    }

    /**
     * B's output bits of {@code c} laid out as A's outputs are (ports are matched by name), so the
     * two can be printed side by side, port under port.
     */
    public static double[] outputsOfBAsA(Netlist a, Netlist b, Counterexample c) {
        int[] partner = Ports.map(a, b).outputs();
        double[] outB = c.outputsB();
        double[] out = new double[outB.length];
        for (int j = 0; j < outB.length; j++) out[partner[j]] = outB[j];
        return out;
    }

    /** The reference: both circuits on the scalar evaluator, row by row, up to the first row where they differ. */
    private static Result scalar(Netlist a, Netlist b, BitMap map) {
        Evaluator ea = new Evaluator(a, a.initialParams(0));
        Evaluator eb = new Evaluator(b, b.initialParams(0));
        double[] in = new double[a.inputBits()];
        long rows = 1L << a.inputBits();
        for (long row = 0; row < rows; row++) {
            Rows.spread(a.inputs(), row, in);
            Counterexample c = difference(ea, eb, map, in);
            if (c != null) return new Result(Verdict.FAIL, Engine.SCALAR, a.inputBits(), row, -1, null, c);
        }
        return new Result(Verdict.PASS, Engine.SCALAR, a.inputBits(), -1, -1, null, null);
    }

    /** The counterexample an engine found, as the scalar evaluator computes it; an internal error when it shows no difference. */
    private static Counterexample confirmed(Netlist a, Netlist b, BitMap map, double[] in, Engine engine) {
        Counterexample c = difference(new Evaluator(a, a.initialParams(0)), new Evaluator(b, b.initialParams(0)), map, in);
        if (c == null) {
            throw new IllegalStateException("the " + engine.text() + " found a difference between " + a.name() + " and " + b.name()
                    + " at input bits " + Arrays.toString(in) + " that the scalar evaluator does not confirm");
        }
        return c;
    }

    /** Both sides on one row (A's input bits); null when every output bit agrees with its partner. */
    private static Counterexample difference(Evaluator a, Evaluator b, BitMap map, double[] in) {
        double[] outA = a.outputs(in);
        double[] outB = b.outputs(map.inputsOfB(in));
        int[] partner = map.outputs();
        for (int j = 0; j < outB.length; j++) {
            if (outB[j] != outA[partner[j]]) return new Counterexample(in, outA, outB);
        }
        return null;
    }
}
