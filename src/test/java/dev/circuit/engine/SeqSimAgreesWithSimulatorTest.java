package dev.circuit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.eval.Simulator;
import dev.circuit.model.Netlist;
import dev.circuit.verify.SequentialEnginesAgreeTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bit-parallel simulator of many runs against the scalar simulator, run by run, cycle by cycle,
 * on random stimuli: circuits with flip-flops, and circuits whose every gate is a feedback wire
 * (loops everywhere, some settling, some oscillating: an oscillation must be found in the same run
 * and cycle by both).
 */
class SeqSimAgreesWithSimulatorTest {
    @TempDir
    Path dir;

    private static final int WORDS = 2;
    private static final int CYCLES = 10;

    @Test
    void flipFlopCircuits() {
        qt().withFixedSeed(20261127L).withExamples(120).forAll(longs().all()).checkAssert(seed -> {
            String text = SequentialEnginesAgreeTest.write(new Random(seed));
            agree(load(text, seed), new Random(seed ^ 0x5EED), new AtomicInteger());
        });
    }

    @Test
    void feedbackCircuitsSettleOrOscillateAlike() {
        AtomicInteger oscillated = new AtomicInteger();
        AtomicInteger settled = new AtomicInteger();
        qt().withFixedSeed(20261128L).withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Netlist net = load(feedback(new Random(seed)), seed);
            if (agree(net, new Random(seed ^ 0x5EED), oscillated)) settled.incrementAndGet();
        });
        assertTrue(oscillated.get() > 10 && settled.get() > 10, oscillated + " oscillated, " + settled + " settled throughout");
    }

    /** circuit sim --random: the same runs, whichever engine runs them (100 runs: one word and part of another). */
    @Test
    void randomRunsAreTheSameOnBothPaths() {
        qt().withFixedSeed(20261129L).withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            Netlist net = load(SequentialEnginesAgreeTest.write(new Random(seed)), seed);
            RandomRuns.Result fast = RandomRuns.run(net, 100, 7, seed, false);
            RandomRuns.Result slow = RandomRuns.scalar(net, 100, 7, seed, false);
            assertTrue(fast.bitParallel() && !slow.bitParallel());
            for (int run = 0; run < 100; run++) {
                for (int t = 0; t < 7; t++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(slow.inputs(run, t), fast.inputs(run, t));
                    org.junit.jupiter.api.Assertions.assertArrayEquals(slow.outputs(run, t), fast.outputs(run, t), "run " + run + " cycle " + t);
                }
            }
        });
    }

    /** True when every run settled in every cycle; counts the circuits where some run oscillated. */
    private static boolean agree(Netlist net, Random r, AtomicInteger oscillated) {
        SeqSim fast = SeqSim.compile(net, WORDS, Simulator.settleLimit((int) net.state().stream().filter(s -> s.kind()
                == dev.circuit.model.StateBit.Kind.FEEDBACK).count()));
        assertNotNull(fast, "a Boolean circuit compiles");
        int runs = 64 * WORDS;
        int in = net.inputBits();
        int outBits = net.outputs().stream().mapToInt(t -> t.width()).sum();
        long[][][] stim = new long[CYCLES][in][WORDS];
        for (long[][] c : stim) for (long[] bit : c) for (int w = 0; w < WORDS; w++) bit[w] = r.nextLong();
        // The fast engine: all runs together, until a cycle does not settle.
        List<long[][]> outs = new ArrayList<>();
        int unsettledAt = -1;
        SeqSim.Unsettled unsettled = null;
        for (int t = 0; t < CYCLES; t++) {
            long[][] out = new long[outBits][WORDS];
            try {
                fast.cycle(stim[t], out);
            } catch (SeqSim.Unsettled u) {
                unsettledAt = t;
                unsettled = u;
                break;
            }
            outs.add(out);
        }
        // The reference: each run alone.
        int firstOscillation = Integer.MAX_VALUE;
        int firstRun = -1;
        for (int run = 0; run < runs; run++) {
            Simulator sim = new Simulator(net, net.initialParams(0));
            int w = run / 64;
            int lane = run % 64;
            for (int t = 0; t < CYCLES && t < (unsettledAt < 0 ? CYCLES : unsettledAt + 1); t++) {
                double[] x = new double[in];
                for (int i = 0; i < in; i++) x[i] = (stim[t][i][w] >>> lane) & 1;
                double[] y;
                try {
                    y = sim.step(x);
                } catch (Simulator.Oscillation o) {
                    if (t < firstOscillation) {
                        firstOscillation = t;
                        firstRun = run;
                    }
                    break;
                }
                if (t < outs.size()) {
                    for (int b = 0; b < outBits; b++) {
                        assertEquals(y[b], (double) ((outs.get(t)[b][w] >>> lane) & 1), "run " + run + " cycle " + t + " output bit " + b);
                    }
                }
            }
        }
        if (unsettled == null) {
            assertEquals(Integer.MAX_VALUE, firstOscillation, "the scalar simulator oscillates where the fast one settled");
            return true;
        }
        oscillated.incrementAndGet();
        assertEquals(unsettledAt, firstOscillation, "both find the first oscillation in the same cycle");
        assertTrue(firstRun >= 0 && ((unsettled.lanes >>> (firstRun % 64)) & 1) == 1 || unsettled.word != firstRun / 64,
                "the lanes reported unsettled include the scalar one's");
        return false;
    }

    /** Gates that are all feedback wires, each reading any gate (itself included), the inputs or a flip-flop. */
    private static String feedback(Random r) {
        int gates = 2 + r.nextInt(4);
        List<String> sources = new ArrayList<>(List.of("a", "b", "q"));
        for (int g = 0; g < gates; g++) sources.add("g" + g);
        StringBuilder sb = new StringBuilder("circuit f(a, b) -> (y, z) {\n    feedback ");
        for (int g = 0; g < gates; g++) sb.append(g > 0 ? ", " : "").append("g").append(g).append(r.nextBoolean() ? " = 1" : "");
        sb.append('\n');
        for (int g = 0; g < gates; g++) {
            int fan = 1 + r.nextInt(3);
            StringBuilder z = new StringBuilder();
            for (int k = 0; k < fan; k++) {
                int w = r.nextInt(5) - 2;
                if (w == 0) w = -2;
                z.append(k == 0 ? (w < 0 ? "-" : "") : (w < 0 ? " - " : " + ")).append(Math.abs(w)).append('*')
                        .append(sources.get(r.nextInt(sources.size())));
            }
            int b = r.nextInt(5) - 2;
            z.append(b < 0 ? " - " : " + ").append(Math.abs(b));
            sb.append("    g").append(g).append(" = step(").append(z).append(")\n");
        }
        sb.append("    q = dff(g").append(r.nextInt(gates)).append(")\n");
        sb.append("    y = g").append(gates - 1).append('\n');
        sb.append("    z = q\n");
        for (String s : sources) sb.append("    _u").append(s).append(" = ").append(s).append('\n');
        return sb.append("}\n").toString();
    }

    private Netlist load(String text, long seed) {
        Path f = dir.resolve("c" + Long.toHexString(seed) + ".net");
        try {
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Circuit.load(f, null, new Sources()).topCircuit().netlist();
    }
}
