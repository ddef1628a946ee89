package dev.circuit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.elab.BoundCheck;
import dev.circuit.elab.Design;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Rows;
import dev.circuit.eval.TermValues;
import dev.circuit.model.Netlist;
import dev.circuit.sat.SatSolver;
import dev.circuit.verify.Progress;
import dev.circuit.verify.Spec;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import dev.circuit.verify.VerifyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SAT engine against the exhaustive ones, on the random circuits and properties of
 * {@link EngineAgreesWithScalarTest} (small enough to enumerate): the SAT verdict equals the
 * scalar reference's and the bit-parallel engine's, and every SAT counterexample, decoded to input
 * bits, fails the property on the scalar evaluator, checked here directly and not only through
 * {@code CheckRunner}'s own re-explanation.
 */
class SatAgreesWithExhaustiveTest {
    @TempDir
    Path dir;

    private static final VerifyOptions SAT = new VerifyOptions(0, 1, 1, false, false, Progress.NONE, true, 0);
    private static final VerifyOptions BIT_PARALLEL = new VerifyOptions(0, 1, 1, false, false, Progress.NONE);

    @Test
    void sameVerdictAsEnumerationAndEveryCounterexampleFailsOnTheScalarEvaluator() {
        AtomicInteger proved = new AtomicInteger();
        AtomicInteger refuted = new AtomicInteger();
        qt().withFixedSeed(20261201L).withExamples(120).forAll(longs().all()).checkAssert(seed -> {
            String text = EngineAgreesWithScalarTest.RandomCircuit.write(new Random(seed));
            agree(text, seed, proved, refuted);
        });
        // The generator must give the solver both answers to find, many times each.
        assertTrue(proved.get() > 50 && refuted.get() > 50, proved + " proved, " + refuted + " refuted");
    }

    /** Wider inputs and properties that fail at one row only: the solver must find that row. */
    @Test
    void findsTheOneFailingRowOfWideInputs() {
        AtomicInteger proved = new AtomicInteger();
        AtomicInteger refuted = new AtomicInteger();
        qt().withFixedSeed(20261202L).withExamples(25).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            agree(EngineAgreesWithScalarTest.RandomCircuit.wide(r, 6 + r.nextInt(5)), seed, proved, refuted);
        });
        assertTrue(proved.get() > 10 && refuted.get() > 10, proved + " proved, " + refuted + " refuted");
    }

    /**
     * Wide neurons (8 to 20 inputs: majorities, comparators as one neuron, weights past 2^62), each
     * check solved with every neuron a threshold constraint, with the default choice by fan-in, and
     * with every neuron gates: the three encodings against the scalar reference on every row.
     */
    @Test
    void wideNeuronsAsThresholdConstraintsAgreeWithTheScalarEvaluator() {
        AtomicInteger proved = new AtomicInteger();
        AtomicInteger refuted = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        qt().withFixedSeed(20261127L).withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            String text = EngineAgreesWithScalarTest.RandomCircuit.write(r, 1 + r.nextInt(9), true);
            agree(text, seed, proved, refuted, kept, 1, WideNeurons.MIN_FAN_IN, Integer.MAX_VALUE);
        });
        assertTrue(proved.get() > 50 && refuted.get() > 50, proved + " proved, " + refuted + " refuted");
        assertTrue(kept.get() > 200, kept + " solved with threshold constraints");
    }

    private void agree(String text, long seed, AtomicInteger proved, AtomicInteger refuted) {
        agree(text, seed, proved, refuted, new AtomicInteger(), WideNeurons.MIN_FAN_IN);
    }

    /** {@code fanIns}: the CNFs solved, by the fan-in from which a neuron is a threshold constraint. */
    private void agree(String text, long seed, AtomicInteger proved, AtomicInteger refuted, AtomicInteger kept, int... fanIns) {
        Path f = write(dir, text, seed);
        Design design = Circuit.load(f, new Sources());
        // Straight to the solver: its answer against the scalar evaluator on every row.
        for (BoundCheck c : design.checks()) {
            Spec spec = Spec.of(c.property());
            long failing = firstScalarFailure(c.net(), spec);
            for (int fanIn : fanIns) {
                Cnf cnf = Cnf.miter(c.net(), c.property(), fanIn);
                if (cnf == null) continue;
                if (cnf.thresholds() > 0) kept.incrementAndGet();
                String where = text + "\n" + c.property().text() + "\nthreshold constraints from fan-in " + fanIn;
                if (solve(cnf, c.net(), spec, failing, where)) refuted.incrementAndGet(); else proved.incrementAndGet();
            }
        }
        // Through the runner: the same verdicts as the bit-parallel engine, on the SAT engine.
        List<TestOutcome> sat = TestRunner.run(design, SAT);
        List<TestOutcome> exhaustive = TestRunner.run(design, BIT_PARALLEL);
        assertEquals(exhaustive.size(), sat.size(), text);
        for (int i = 0; i < sat.size(); i++) {
            String where = text + "\nsat: " + sat.get(i) + "\nexhaustive: " + exhaustive.get(i);
            assertEquals(exhaustive.get(i).verdict(), sat.get(i).verdict(), where);
            if (exhaustive.get(i).how().startsWith("bit-parallel")) assertTrue(sat.get(i).how().startsWith("SAT engine"), where);
        }
    }

    /**
     * Solves the CNF of a check whose first failing row on the scalar evaluator is {@code failing}
     * (-1: none): proved exactly when there is none, and a counterexample fails on the evaluator.
     * True when refuted.
     */
    private static boolean solve(Cnf cnf, Netlist net, Spec spec, long failing, String where) {
        SatSolver.Answer a = SatSolver.solve(cnf, 0);
        assertEquals(failing < 0, a instanceof SatSolver.Proved, where);
        if (!(a instanceof SatSolver.Counterexample ce)) return false;
        boolean[] bits = ce.inputs();
        double[] in = new double[bits.length];
        for (int i = 0; i < in.length; i++) in[i] = bits[i] ? 1 : 0;
        assertFalse(scalarHolds(net, spec, in), where + "\ncounterexample holds: " + java.util.Arrays.toString(bits));
        return true;
    }

    /** The first failing row in counting order on the scalar evaluator, or -1: the reference for first rows. */
    static long firstScalarFailure(Netlist net, Spec spec) {
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        double[] in = new double[net.inputBits()];
        for (long row = 0; row < 1L << net.inputBits(); row++) {
            Rows.spread(net.inputs(), row, in);
            if (!scalarHolds(ev, net, spec, in)) return row;
        }
        return -1;
    }

    private static boolean scalarHolds(Netlist net, Spec spec, double[] in) {
        return scalarHolds(new Evaluator(net, net.initialParams(0)), net, spec, in);
    }

    private static boolean scalarHolds(Evaluator ev, Netlist net, Spec spec, double[] in) {
        double[] out = ev.outputs(in);
        TermValues terms = new TermValues(net.inputs().size() + net.outputs().size());
        terms.read(net.inputs(), in, 0);
        terms.read(net.outputs(), out, net.inputs().size());
        try {
            return spec.holds(terms);
        } catch (Spec.Undefined u) {
            return false;
        }
    }

    /** Writes {@code text} to a file of {@code dir} named after {@code seed}. */
    static Path write(Path dir, String text, long seed) {
        try {
            Path f = dir.resolve("s" + Long.toHexString(seed) + ".net");
            Files.writeString(f, text);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
