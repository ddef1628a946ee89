package dev.circuit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Design;
import dev.circuit.eval.Evaluator;
import dev.circuit.model.Netlist;
import dev.circuit.verify.Progress;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import dev.circuit.verify.VerifyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every engine equals the exact reference, on every input row of random circuits with rational
 * coefficients: the scalar evaluator row by row, and, through {@code circuit test}'s runner, the
 * reference's whole truth table written into the file as a {@code test} table and as a
 * {@code check}, run on the scalar engine, the bit-parallel interpreter and the default engine
 * (generated code from 6 input bits on). The same table and check with one output bit flipped must
 * fail on every engine, at that row: the property can fail.
 */
class EnginesMatchReferenceTest {
    @TempDir
    Path dir;

    /** How each engine is chosen, and how its outcome names it. */
    private record Engine(String name, VerifyOptions options) {
        String expected(int inputBits) {
            if (options.scalarOnly()) return "scalar engine";
            boolean generated = !options.interpret() && inputBits >= 6;
            return "bit-parallel engine, " + (generated ? "generated code" : "interpreted");
        }
    }

    private static final List<Engine> ENGINES = List.of(
            new Engine("scalar", new VerifyOptions(0, 1, 1, true)),
            new Engine("interpreted", new VerifyOptions(0, 1, 1, false, true, Progress.NONE)),
            new Engine("auto", new VerifyOptions(0, 1, 1, false, false, Progress.NONE)));

    @Test
    void everyEngineEqualsTheExactReferenceOnEveryRow() {
        Cell.Tally tally = new Cell.Tally();
        int[] counts = new int[3]; // designs, rows, designs run as generated code
        qt().withFixedSeed(20260917L).withExamples(100).withShrinkCycles(200).forAll(RandomDesigns.designs()).checkAssert(design -> {
            Reference ref = Reference.of(design, tally);
            int flip = Math.floorMod(design.text().hashCode(), ref.rows());
            Path file = write("top.net", design.text() + ref.table(-1) + ref.check(-1) + ref.table(flip) + ref.check(flip));
            Design program = Circuit.load(file, RandomDesigns.TOP, new Sources());
            scalarEvaluatorAgrees(program, ref);
            int bits = design.top().inputs().size();
            for (Engine e : ENGINES) {
                List<TestOutcome> out = TestRunner.run(program, e.options());
                String where = e.name() + " engine on\n" + text(file) + "\n" + out;
                assertEquals(4, out.size(), where);
                assertTrue(out.get(0).passed(), "the reference table fails: " + where);
                assertEquals(ref.rows(), out.get(0).rows(), where);
                assertTrue(out.get(1).passed(), "the reference check fails: " + where);
                assertEquals(ref.rows(), out.get(1).rows(), where);
                assertEquals(e.expected(bits), out.get(1).how().replaceFirst(", \\d+ gates$", ""), where);
                String at = ref.inputsText(flip) + ":";
                assertEquals(1, out.get(2).failed(), "a wrong table row passes: " + where);
                assertTrue(out.get(2).failures().get(0).message().startsWith(at), where);
                assertEquals(1, out.get(3).failed(), "a wrong check passes: " + where);
                assertTrue(out.get(3).failures().get(0).message().contains(" fails at " + at), where);
                if (e.expected(bits).endsWith("generated code")) counts[2]++;
            }
            counts[0]++;
            counts[1] += ref.rows();
        });
        System.out.println("EnginesMatchReferenceTest: " + counts[0] + " circuits, " + counts[1] + " rows, "
                + counts[2] + " of them run as generated code; " + tally);
        // The generator must reach the cases exact arithmetic exists for, or the property proves little.
        assertTrue(tally.ties > tally.neurons / 20, "too few neurons exactly on their threshold: " + tally);
        assertTrue(tally.doublesWrong > 0, "no neuron that double arithmetic would decide wrongly: " + tally);
        assertTrue(counts[2] > counts[0] / 2, "most circuits must run as generated code: " + counts[2] + " of " + counts[0]);
    }

    /** {@code circuit eval}'s engine, directly: the scalar {@link Evaluator} on every row. */
    private static void scalarEvaluatorAgrees(Design program, Reference ref) {
        Netlist net = program.topCircuit().netlist();
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        for (int r = 0; r < ref.rows(); r++) {
            List<Integer> bits = Reference.inputs(ref.design, r);
            double[] in = new double[bits.size()];
            for (int i = 0; i < in.length; i++) in[i] = bits.get(i);
            double[] out = ev.outputs(in);
            List<Integer> got = new ArrayList<>();
            for (double v : out) got.add(v == 0 ? 0 : v == 1 ? 1 : -1);
            assertEquals(ref.outputs.get(r), got, "scalar evaluator at " + ref.inputsText(r) + " of\n" + ref.design.text());
        }
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
