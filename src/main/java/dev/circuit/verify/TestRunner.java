package dev.circuit.verify;

import dev.circuit.Circuit;
import dev.circuit.ast.TestDecl;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Bound;
import dev.circuit.elab.BoundCheck;
import dev.circuit.elab.BoundTest;
import dev.circuit.elab.Design;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code test} tables of a file. First every table is checked against its circuit (header
 * names, cell counts, values that fit); all such errors are reported together. Then each row runs,
 * with {@code X} inputs expanded to every value.
 */
public final class TestRunner {
    /** Failing rows reported per table; the rest are counted. */
    static final int SHOWN = 10;
    /** Rows one table line may expand to through X inputs. */
    static final long MAX_EXPANSION = 1L << 24;

    private TestRunner() {}

    /** Runs every test and check of {@code file} (not those of files it imports). */
    public static List<TestOutcome> run(Path file, Sources sources) {
        return run(Circuit.load(file, sources), VerifyOptions.defaults());
    }

    public static List<TestOutcome> run(Path file, Sources sources, VerifyOptions options) {
        return run(Circuit.load(file, sources), options);
    }

    /** Runs the design's tables and checks (bound, so every error was reported before any runs), in file order. */
    public static List<TestOutcome> run(Design design, VerifyOptions options) {
        String file = design.program().root().name();
        List<Bound> all = new ArrayList<>();
        all.addAll(design.tests());
        all.addAll(design.checks());
        all.sort(java.util.Comparator.<Bound>comparingInt(b -> b.pos().line()).thenComparingInt(b -> b.pos().col()));
        List<TestOutcome> out = new ArrayList<>();
        for (Bound b : all) {
            out.add(b instanceof BoundTest t ? t.decl().sequence() ? SequenceRunner.run(t, file) : execute(t, file)
                    : check((BoundCheck) b, design, file, options));
        }
        return out;
    }

    private static TestOutcome check(BoundCheck c, Design design, String file, VerifyOptions options) {
        Netlist net = c.net();
        String name = "check " + net.name();
        Spec spec = Spec.of(c.property());
        if (c.overTime()) return overTime(c, spec, file, name, options);
        int bits = net.inputBits();
        boolean tooMany = bits > VerifyOptions.MAX_EXHAUSTIVE_BITS;
        // Auto proves by SAT what it cannot enumerate; --engine sat proves every check by SAT. Where
        // the gate network cannot be built, the check enumerates (or is refused) as before. Below
        // 2^40 rows auto may still try SAT first, under a budget (CheckRunner.bitParallel, Portfolio).
        if (options.sample() == 0 && (options.sat() || tooMany && options.satPastEnumeration())) {
            TestOutcome proof = CheckRunner.sat(c, spec, file, name, options);
            if (proof != null) return proof;
        }
        if (options.sample() == 0 && tooMany) {
            Diagnostic d = Diagnostic.error(c.decl().pos(), name + " has " + bits + " input bits: 2^" + bits
                    + " rows is more than the 2^" + VerifyOptions.MAX_EXHAUSTIVE_BITS
                    + " circuit checks exhaustively; give --sample N to test N random rows instead (evidence, not a proof)");
            return new TestOutcome.Check(file, name, c.decl().pos(), Verdict.REFUSED, Engine.NONE, -1, 0, List.of(d));
        }
        TestOutcome fast = CheckRunner.bitParallel(c, spec, file, name, options);
        return fast != null ? fast : CheckRunner.scalar(c, spec, file, name, options);
    }

    /** A check over cycles: every input sequence, refused past 2^40 of them unless sampled. */
    private static TestOutcome overTime(BoundCheck c, Spec spec, String file, String name, VerifyOptions options) {
        long bits = (long) c.net().inputBits() * c.cycles();
        Unrolled u = options.sample() == 0 && !options.scalarOnly() ? Unrolled.of(c) : null;
        if (u != null) {
            BoundCheck flat = new BoundCheck(c.decl(), c.target(), u.net(), u.property());
            // Every failure an engine finds is the scalar simulator's to explain, cycle by cycle.
            CheckRunner.Explainer why = in -> SequenceCheck.replay(c, spec, in);
            boolean tooMany = bits > VerifyOptions.MAX_EXHAUSTIVE_BITS;
            // (--engine interpreted too proves past 2^40 sequences by SAT, as it did; exhaustive refuses.)
            TestOutcome o = options.sat() || tooMany && options.satFirst() != SatFirst.NEVER
                    ? CheckRunner.sat(flat, why, c.cycles(), file, name, options)
                    : tooMany ? null : CheckRunner.bitParallel(flat, why, c.cycles(), file, name, options);
            if (o != null) return o;
        }
        if (options.sample() == 0 && bits > VerifyOptions.MAX_EXHAUSTIVE_BITS) {
            return refuseSequences(c, name, file, bits);
        }
        return SequenceCheck.run(c, spec, file, name, options);
    }

    private static TestOutcome refuseSequences(BoundCheck c, String name, String file, long bits) {
        Diagnostic d = Diagnostic.error(c.decl().pos(), name + " over " + c.cycles() + " cycles of " + c.net().inputBits()
                + " input bits is 2^" + bits + " input sequences, more than the 2^" + VerifyOptions.MAX_EXHAUSTIVE_BITS
                + " circuit checks exhaustively; check fewer cycles, or give --sample N to run N random sequences"
                + " (evidence, not a proof)");
        return new TestOutcome.Check(file, name, c.decl().pos(), Verdict.REFUSED, Engine.NONE, -1, 0, List.of(d));
    }

    private static TestOutcome execute(BoundTest p, String file) {
        TestDecl t = p.decl();
        Netlist net = p.net();
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        int[] offset = Terminal.offsets(net.inputs());
        int[] outOffset = Terminal.offsets(net.outputs());
        double[] inputs = new double[net.inputBits()];
        double[] state = ev.newState();
        long rows = 0;
        long failed = 0;
        List<Diagnostic> failures = new ArrayList<>();
        for (TestDecl.Row r : t.rows()) {
            // Odometer over the X columns; fixed columns are written once.
            List<Integer> free = new ArrayList<>();
            // Counted in bits, not by shifting a running product, which overflows (to 0 rows, a PASS) past 63 bits.
            long freeBits = 0;
            for (int i = 0; i < p.inCol().length; i++) {
                Terminal term = net.inputs().get(p.inCol()[i]);
                TestDecl.Cell c = r.inputs().get(i);
                if (c.isAny()) {
                    free.add(i);
                    freeBits += term.width();
                } else {
                    write(inputs, offset[p.inCol()[i]], term, c.value().toBigInteger(), c.value().doubleValue());
                }
            }
            long combos = freeBits > Long.numberOfTrailingZeros(MAX_EXPANSION) ? Long.MAX_VALUE : 1L << freeBits;
            if (combos > MAX_EXPANSION) {
                failed++;
                failures.add(Diagnostic.error(r.pos(), "X expands this row to more than " + MAX_EXPANSION
                        + " rows; use a check for properties over large inputs"));
                continue;
            }
            boolean rowFailed = false;
            for (long k = 0; k < combos; k++) {
                long bits = k;
                for (int i : free) {
                    Terminal term = net.inputs().get(p.inCol()[i]);
                    long v = bits & ((1L << term.width()) - 1);
                    bits >>>= term.width();
                    write(inputs, offset[p.inCol()[i]], term, BigInteger.valueOf(v), v);
                }
                ev.run(inputs, state, null);
                double[] got = ev.outputBits(state);
                rows++;
                String mismatch = compare(p, r, got, outOffset);
                if (mismatch != null) {
                    failed++;
                    if (!rowFailed && failures.size() < SHOWN) {
                        failures.add(Diagnostic.error(firstBadCell(p, r, got, outOffset), inputsText(p, r, inputs, offset) + ": " + mismatch));
                    }
                    rowFailed = true;
                }
            }
        }
        return new TestOutcome.Table(file, "test " + net.name(), t.pos(), rows, failed, failures);
    }

    static void write(double[] inputs, int at, Terminal t, BigInteger whole, double real) {
        if (!t.bus()) {
            inputs[at] = real;
            return;
        }
        for (int b = 0; b < t.width(); b++) inputs[at + b] = whole.testBit(b) ? 1 : 0;
    }


    /** Null when the row holds; otherwise "sum is 1, expected 0; ...". */
    static String compare(BoundTest p, TestDecl.Row r, double[] got, int[] outOffset) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < p.outCol().length; i++) {
            if (!holds(p, r, i, got, outOffset)) {
                Terminal term = p.net().outputs().get(p.outCol()[i]);
                bad.add(term.name() + " is " + shown(p, r, i, got, outOffset) + ", expected " + r.outputs().get(i));
            }
        }
        return bad.isEmpty() ? null : String.join("; ", bad);
    }

    /**
     * A failing output's value as the message prints it: to 6 digits, unless that rounding would
     * itself pass the row ("y is 0.3, expected 0.3" for 0.30000000000000004); then exactly.
     */
    private static String shown(BoundTest p, TestDecl.Row r, int i, double[] got, int[] outOffset) {
        Terminal term = p.net().outputs().get(p.outCol()[i]);
        int at = outOffset[p.outCol()[i]];
        String g = Values.terminal(term, got, at, false);
        if (term.bus() || Double.isNaN(got[at]) || Double.isInfinite(got[at])) return g;
        double[] rounded = got.clone();
        rounded[at] = Double.parseDouble(g);
        return holds(p, r, i, rounded, outOffset) ? Values.exact(got[at]) : g;
    }

    static boolean holds(BoundTest p, TestDecl.Row r, int i, double[] got, int[] outOffset) {
        TestDecl.Cell c = r.outputs().get(i);
        if (c.isAny()) return true;
        Terminal term = p.net().outputs().get(p.outCol()[i]);
        int at = outOffset[p.outCol()[i]];
        BigDecimal tol = p.decl().tolerance();
        if (term.bus()) {
            BigInteger v = Values.busValue(got, at, term.width());
            if (v == null) return false;
            BigDecimal diff = new BigDecimal(v).subtract(c.value()).abs();
            return tol == null ? diff.signum() == 0 : diff.compareTo(tol) <= 0;
        }
        double g = got[at];
        if (tol == null) return g == c.value().doubleValue();
        // The error is exact, on the value's shortest decimal (as a hard neuron reads a real): 0.501
        // is within 0.001 of 0.5, which a difference of doubles (0.0010000000000000009) is not.
        return Double.isFinite(g) && BigDecimal.valueOf(g).subtract(c.value()).abs().compareTo(tol) <= 0;
    }

    static dev.circuit.diag.Pos firstBadCell(BoundTest p, TestDecl.Row r, double[] got, int[] outOffset) {
        for (int i = 0; i < p.outCol().length; i++) if (!holds(p, r, i, got, outOffset)) return r.outputs().get(i).pos();
        return r.pos();
    }

    static String inputsText(BoundTest p, TestDecl.Row r, double[] inputs, int[] offset) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < p.inCol().length; i++) {
            Terminal term = p.net().inputs().get(p.inCol()[i]);
            parts.add(term.name() + "=" + Values.terminal(term, inputs, offset[p.inCol()[i]], false));
        }
        return String.join(" ", parts);
    }
}
