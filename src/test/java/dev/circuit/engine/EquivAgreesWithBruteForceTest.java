package dev.circuit.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Rows;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import dev.circuit.sat.SatSolver;
import dev.circuit.verify.Engine;
import dev.circuit.verify.Equivalence;
import dev.circuit.verify.SatFirst;
import dev.circuit.verify.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circuit equiv} against brute force: on random pairs of small circuits with the same ports
 * (declared in different orders), every engine's verdict equals what the scalar evaluator finds by
 * running both circuits on every input and comparing the outputs port by port, name by name; an
 * enumeration's first difference is the brute force's first; and every counterexample, whichever
 * engine found it, makes the two circuits differ on the evaluator (checked here, not only through
 * {@link Equivalence}'s own confirmation). The pairs are equal by construction (the same neurons
 * with weights and threshold scaled, written in another order), one coefficient off (a mutant that
 * usually differs, sometimes not), or unrelated.
 */
class EquivAgreesWithBruteForceTest {
    @TempDir
    Path dir;

    @Test
    void everyEngineAgreesWithBruteForceOnRandomPairs() {
        AtomicInteger equal = new AtomicInteger();
        AtomicInteger different = new AtomicInteger();
        AtomicInteger bySat = new AtomicInteger();
        AtomicInteger byEnumeration = new AtomicInteger();
        qt().withFixedSeed(20261215L).withExamples(250).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            String text = RandomPair.write(r);
            Path f = write(text, seed);
            Netlist a = Circuit.load(f, "a", new Sources()).topCircuit().netlist();
            Netlist b = Circuit.load(f, "b", new Sources()).topCircuit().netlist();
            long first = firstDifference(a, b);
            (first < 0 ? equal : different).incrementAndGet();
            thresholdConstraintsAgree(a, b, first, text);
            for (Equivalence.Method m : Equivalence.Method.values()) {
                Equivalence.Result res = Equivalence.check(a, "a", b, "b", new Equivalence.Options(m, 1 + r.nextInt(2), 0, null));
                String where = m + "\n" + text + "\n" + res.detail();
                // Each engine ran as asked: the generator writes only circuits the gates can be built from.
                Engine expected = m == Equivalence.Method.SAT ? Engine.SAT : m == Equivalence.Method.SCALAR ? Engine.SCALAR
                        : a.inputBits() >= 6 ? Engine.GENERATED : Engine.INTERPRETED;
                assertEquals(expected, res.engine(), where);
                agrees(a, b, first, res, where);
            }
            // auto's portfolio on every pair, SAT first under a budget from one propagation to
            // plenty: a proof by SAT or the enumeration's first difference, never SAT's row.
            long per = 1L << r.nextInt(12);
            Equivalence.Result res = Equivalence.check(a, "a", b, "b", new Equivalence.Options(Equivalence.Method.AUTO, 1, 0, null, new SatFirst(0, per)));
            String where = "portfolio, a propagation per " + per + " gate-rows\n" + text + "\n" + res.detail();
            assertEquals(first < 0 ? Verdict.PASS : Verdict.FAIL, res.verdict(), where);
            if (first >= 0) {
                assertEquals(first, res.row(), where);
                assertTrue(differ(a, b, res.counterexample().inputs()), where);
            }
            (res.engine() == Engine.SAT ? bySat : byEnumeration).incrementAndGet();
        });
        // Both answers, many times each, or the test proves little.
        assertTrue(equal.get() > 60 && different.get() > 60, equal + " equal, " + different + " different");
        assertTrue(bySat.get() > 20 && byEnumeration.get() > 20, "portfolio: " + bySat + " by SAT, " + byEnumeration + " by enumeration");
    }

    /**
     * The same where the gates cannot be built: B's neurons, at random, have weights and threshold
     * times 2^64 with the threshold moved by 1, the same function with exact integers past 62 bits
     * ({@link RandomPair.Neuron#text(String, BigDecimal, boolean)}). SAT, asked for, proves or refutes
     * (the encoding keeps such a neuron as a threshold constraint); auto and exhaustive enumerate
     * these few rows on the reference evaluator, as scalar does; every verdict, first differing row
     * and counterexample is brute force's.
     */
    @Test
    void whereTheGatesCannotBeBuiltEveryEngineAgreesWithBruteForce() {
        AtomicInteger equal = new AtomicInteger();
        AtomicInteger different = new AtomicInteger();
        AtomicInteger noGates = new AtomicInteger();
        qt().withFixedSeed(20261128L).withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            String text = RandomPair.write(r, true);
            Path f = write(text, seed);
            Netlist a = Circuit.load(f, "a", new Sources()).topCircuit().netlist();
            Netlist b = Circuit.load(f, "b", new Sources()).topCircuit().netlist();
            long first = firstDifference(a, b);
            thresholdConstraintsAgree(a, b, first, text);
            // A widened neuron whose weights are all 0 is a constant, which still fits the gates.
            boolean gates = b.neurons().stream().allMatch(x -> x.exact().longs() != null);
            if (gates) return;
            noGates.incrementAndGet();
            (first < 0 ? equal : different).incrementAndGet();
            for (Equivalence.Method m : Equivalence.Method.values()) {
                Equivalence.Options o = new Equivalence.Options(m, 1 + r.nextInt(2), 0, null);
                Equivalence.Result res = Equivalence.check(a, "a", b, "b", o);
                String where = m + "\n" + text + "\n" + res.detail();
                assertEquals(m == Equivalence.Method.SAT ? Engine.SAT : Engine.SCALAR, res.engine(), where);
                agrees(a, b, first, res, where);
            }
        });
        assertTrue(noGates.get() > 100 && equal.get() > 25 && different.get() > 25,
                noGates + " pairs without gates: " + equal + " equal, " + different + " different");
    }

    /** The SAT miter with every neuron a threshold constraint (ThresholdCnf), not gates, against brute force's first difference. */
    private static void thresholdConstraintsAgree(Netlist a, Netlist b, long first, String text) {
        SatSolver.Answer kept = SatSolver.solve(Miter.of(a, b, bitMap(a, b)).cnf(1), 0);
        assertEquals(first < 0, kept instanceof SatSolver.Proved, "threshold constraints\n" + text);
        if (kept instanceof SatSolver.Counterexample ce) {
            double[] in = new double[a.inputBits()];
            for (int i = 0; i < in.length; i++) in[i] = ce.inputs()[i] ? 1 : 0;
            assertTrue(differ(a, b, in), "threshold constraints\n" + text + "\nthe counterexample does not differ on the evaluator");
        }
    }

    /**
     * An engine's result against brute force's first difference: the verdict, an enumeration's row,
     * and a counterexample that differs on the evaluator with both sides' outputs as it computes them.
     */
    private static void agrees(Netlist a, Netlist b, long first, Equivalence.Result res, String where) {
        assertEquals(first < 0 ? Verdict.PASS : Verdict.FAIL, res.verdict(), where);
        if (first < 0) return;
        if (res.engine() != Engine.SAT) assertEquals(first, res.row(), where);
        Equivalence.Counterexample c = res.counterexample();
        assertTrue(differ(a, b, c.inputs()), where + "\nthe counterexample does not differ on the evaluator");
        assertArrayEquals(outputs(a, c.inputs()), c.outputsA(), where);
        assertArrayEquals(outputs(b, byName(a.inputs(), c.inputs(), b.inputs())), c.outputsB(), where);
    }

    /** Brute force: the first row (A's numbering) where some output of A differs from B's output of that name, or -1. */
    static long firstDifference(Netlist a, Netlist b) {
        double[] in = new double[a.inputBits()];
        for (long row = 0; row < 1L << a.inputBits(); row++) {
            Rows.spread(a.inputs(), row, in);
            if (differ(a, b, in)) return row;
        }
        return -1;
    }

    /** Both circuits on one input, given as A's input bits; B reads each port by name. */
    static boolean differ(Netlist a, Netlist b, double[] inA) {
        double[] outA = outputs(a, inA);
        double[] outB = outputs(b, byName(a.inputs(), inA, b.inputs()));
        return !java.util.Arrays.equals(byName(a.outputs(), outA, b.outputs()), outB);
    }

    private static double[] outputs(Netlist n, double[] in) {
        return new Evaluator(n, n.initialParams(0)).outputs(in);
    }

    /** Which bits of A each bit of B is, by port name (as {@code circuit equiv} pairs them). */
    private static BitMap bitMap(Netlist a, Netlist b) {
        double[] in = java.util.stream.IntStream.range(0, a.inputBits()).asDoubleStream().toArray();
        double[] out = java.util.stream.IntStream.range(0, a.outputs().stream().mapToInt(Terminal::width).sum()).asDoubleStream().toArray();
        return new BitMap(java.util.Arrays.stream(byName(a.inputs(), in, b.inputs())).mapToInt(d -> (int) d).toArray(),
                java.util.Arrays.stream(byName(a.outputs(), out, b.outputs())).mapToInt(d -> (int) d).toArray());
    }

    /** Bits laid out for ports {@code from} rearranged for ports {@code to}, by port name. */
    private static double[] byName(List<Terminal> from, double[] bits, List<Terminal> to) {
        int[] at = Terminal.offsets(from);
        List<Double> out = new ArrayList<>();
        for (Terminal t : to) {
            int k = from.indexOf(from.stream().filter(s -> s.name().equals(t.name())).findFirst().orElseThrow());
            for (int i = 0; i < t.width(); i++) out.add(bits[at[k] + i]);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Path write(String text, long seed) {
        try {
            return Files.writeString(dir.resolve("p" + Long.toHexString(seed) + ".net"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two circuits {@code a(x[n], c) -> (y[m], v)} and {@code b(c, x[n]) -> (v, y[m])}. Each neuron
     * is {@code h = w1*s1 + ... >= t} (or {@code >}, {@code <=}, {@code <}, {@code step(...)}) on inputs,
     * constants and earlier neurons, with integer or decimal weights.
     */
    static final class RandomPair {
        private RandomPair() {}

        /** 2^64: a neuron's weights and threshold times this need more than 62 bits as exact integers. */
        private static final BigDecimal WIDE = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(64));

        record Neuron(String kind, List<BigDecimal> w, List<String> src, BigDecimal t) {
            String text(String name, BigDecimal scale) {
                return text(name, scale, false);
            }

            /**
             * {@code wide}: weights and threshold also times 2^64, then the threshold moved by 1 (down
             * for {@code >=} and {@code <}, up for {@code >}, {@code <=} and the strict step). Sums
             * of weights are multiples of a quarter of the scale times 2^64, so none lies between the
             * two thresholds and the function is unchanged; the 1 leaves the exact form no common
             * factor of 2^64 to divide out, so its integers need more than 62 bits.
             */
            String text(String name, BigDecimal scale, boolean wide) {
                BigDecimal k = wide ? scale.multiply(WIDE) : scale;
                StringBuilder sum = new StringBuilder();
                for (int j = 0; j < w.size(); j++) {
                    if (j > 0) sum.append(" + ");
                    String weight = w.get(j).multiply(k).stripTrailingZeros().toPlainString();
                    sum.append(weight.startsWith("-") ? "(" + weight + ")" : weight).append('*').append(src.get(j).replace("h", name));
                }
                BigDecimal at = t.multiply(k);
                if (wide) at = at.add(BigDecimal.valueOf(kind.equals(">=") || kind.equals("<") ? -1 : 1));
                String th = at.stripTrailingZeros().toPlainString();
                return kind.equals("step") ? "step(" + sum + " - (" + th + "))" : sum + " " + kind + " " + th;
            }
        }

        static String write(Random r) {
            return write(r, false);
        }

        /** {@code wide}: each of B's neurons, at random, made too wide for the gates ({@link Neuron#text(String, BigDecimal, boolean)}). */
        static String write(Random r, boolean wide) {
            int n = 1 + r.nextInt(7);
            int m = 1 + r.nextInt(3);
            int k = 1 + r.nextInt(10);
            List<Neuron> a = neurons(r, n, k);
            List<Integer> outsA = outputs(r, m + 1, k);
            List<Neuron> b;
            List<Integer> outsB = outsA;
            switch (r.nextInt(3)) {
                case 0: b = a; break;
                case 1: b = mutant(r, a); break;
                default:
                    b = neurons(r, n, k);
                    outsB = outputs(r, m + 1, k);
                    break;
            }
            BigDecimal scale = BigDecimal.valueOf(1 + r.nextInt(3));
            StringBuilder sb = new StringBuilder("circuit a(x[" + n + "], c) -> (y[" + m + "], v) {\n");
            for (int i = 0; i < k; i++) sb.append("    h").append(i).append(" = ").append(a.get(i).text("h", BigDecimal.ONE)).append('\n');
            for (int i = 0; i < m; i++) sb.append("    y[").append(i).append("] = h").append(outsA.get(i)).append('\n');
            sb.append("    v = h").append(outsA.get(m)).append("\n}\n");
            // B: ports in another order, statements in reverse, other names, every neuron scaled.
            sb.append("circuit b(c, x[").append(n).append("]) -> (v, y[").append(m).append("]) {\n");
            sb.append("    v = g").append(outsB.get(m)).append('\n');
            for (int i = m - 1; i >= 0; i--) sb.append("    y[").append(i).append("] = g").append(outsB.get(i)).append('\n');
            for (int i = k - 1; i >= 0; i--) sb.append("    g").append(i).append(" = ").append(b.get(i).text("g", scale, wide && r.nextBoolean())).append('\n');
            return sb.append("}\n").toString();
        }

        private static List<Integer> outputs(Random r, int count, int k) {
            List<Integer> o = new ArrayList<>();
            for (int i = 0; i < count; i++) o.add(r.nextInt(k));
            return o;
        }

        private static List<Neuron> neurons(Random r, int n, int k) {
            String[] kinds = {">=", ">", "<=", "<", "step"};
            List<Neuron> out = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                List<BigDecimal> w = new ArrayList<>();
                List<String> src = new ArrayList<>();
                for (int j = 1 + r.nextInt(4); j > 0; j--) {
                    BigDecimal x = BigDecimal.valueOf(r.nextInt(7) - 3);
                    if (r.nextInt(5) == 0) x = x.add(new BigDecimal(r.nextBoolean() ? "0.5" : "0.25"));
                    w.add(x);
                    src.add(EngineAgreesWithScalarTest.RandomCircuit.source(r, n, i));
                }
                out.add(new Neuron(kinds[r.nextInt(kinds.length)], w, src, BigDecimal.valueOf(r.nextInt(7) - 3)));
            }
            return out;
        }

        /** One coefficient of one neuron off by one: a weight, or the threshold. */
        private static List<Neuron> mutant(Random r, List<Neuron> a) {
            List<Neuron> b = new ArrayList<>(a);
            int i = r.nextInt(a.size());
            Neuron x = a.get(i);
            int j = r.nextInt(x.w().size() + 1);
            BigDecimal d = BigDecimal.valueOf(r.nextBoolean() ? 1 : -1);
            if (j == x.w().size()) {
                b.set(i, new Neuron(x.kind(), x.w(), x.src(), x.t().add(d)));
            } else {
                List<BigDecimal> w = new ArrayList<>(x.w());
                w.set(j, w.get(j).add(d));
                b.set(i, new Neuron(x.kind(), w, x.src(), x.t()));
            }
            return b;
        }
    }
}
