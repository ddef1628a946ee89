package dev.circuit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.diag.Sources;
import dev.circuit.verify.Progress;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import dev.circuit.verify.VerifyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bit-parallel engine, as generated code and interpreted, against the scalar reference: random
 * circuits of threshold neurons with random integer and decimal weights, and random properties over
 * them. All engines must give the same verdict, the same first failing row and the same explanation.
 */
class EngineAgreesWithScalarTest {
    @TempDir
    Path dir;

    @Test
    void sameVerdictAndFirstFailingRowOnRandomCircuitsAndProperties() {
        qt().withFixedSeed(20261122L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            String text = RandomCircuit.write(new Random(seed));
            List<TestOutcome> slow = run(text, seed, new VerifyOptions(0, 1, 2, true));
            for (boolean interpret : new boolean[] {false, true}) {
                List<TestOutcome> fast = run(text, seed, new VerifyOptions(0, 1, 2, false, interpret, Progress.NONE));
                agree(text, slow, fast);
            }
        });
    }

    /**
     * Wider inputs (11 to 15 row bits), so that the generated code runs whole 2048-row blocks and the
     * row bits above a block: properties that fail only at one input value or above a bound find
     * their first failing row deep in the row order. One thread, so that from 15 bits on a call of
     * the generated code runs several blocks (its outer loop). From 12 bits on some inputs are slow:
     * rows are enumerated in a permuted order with gates hoisted out of the block loop, and the
     * first failing row must still be the first in counting order.
     */
    @Test
    void sameFirstFailingRowDeepInWideInputs() {
        java.util.concurrent.atomic.AtomicInteger hoisted = new java.util.concurrent.atomic.AtomicInteger();
        qt().withFixedSeed(20261123L).withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            String text = RandomCircuit.wide(r, 10 + r.nextInt(5));
            List<TestOutcome> slow = run(text, seed, new VerifyOptions(0, 1, 1, true));
            for (boolean interpret : new boolean[] {false, true}) {
                List<TestOutcome> fast = run(text, seed, new VerifyOptions(0, 1, 1, false, interpret, Progress.NONE));
                agree(text, slow, fast);
                if (!interpret) {
                    for (TestOutcome f : fast) assertTrue(f.how().startsWith("bit-parallel engine, generated code"), text + f);
                }
                for (TestOutcome f : fast) {
                    TestOutcome.Hoisting h = ((TestOutcome.Check) f).hoisting();
                    if (h.perBlock() > 0) hoisted.incrementAndGet();
                    assertTrue(f.verboseDetail().contains("gates per row: " + h.before() + " before, " + h.after() + " after"), f.verboseDetail());
                }
            }
        });
        assertTrue(hoisted.get() > 40, hoisted + " checks ran with hoisted gates");
    }

    private static void agree(String text, List<TestOutcome> slow, List<TestOutcome> fast) {
            assertEquals(slow.size(), fast.size(), text);
            for (int i = 0; i < fast.size(); i++) {
                TestOutcome f = fast.get(i);
                TestOutcome s = slow.get(i);
                String where = text + "\nfast: " + f + "\nslow: " + s;
                assertEquals(s.passed(), f.passed(), where);
                assertEquals(s.rows(), f.rows(), where);
                assertEquals(s.failures().stream().map(d -> d.message()).toList(),
                        f.failures().stream().map(d -> d.message()).toList(), where);
            }
            // The generator must exercise the fast engine, not fall back to the scalar one.
            for (TestOutcome f : fast) assertEquals(true, f.how().startsWith("bit-parallel"), text + f);
    }

    private List<TestOutcome> run(String text, long seed, VerifyOptions options) {
        try {
            Path f = dir.resolve("r" + Long.toHexString(seed) + ".net");
            Files.writeString(f, text);
            return TestRunner.run(f, new Sources(), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a random Boolean circuit {@code r(x[n], c) -> (y[m])} and a few checks on it. */
    static final class RandomCircuit {
        private RandomCircuit() {}

        static String write(Random r) {
            return write(r, 1 + r.nextInt(8));
        }

        static String write(Random r, int n) {
            return write(r, n, false);
        }

        /**
         * {@code wide}: about half the neurons have 8 to 20 inputs (repeats and constants among
         * them), with weights all ±1 (majorities), ±2^j (comparators written as one neuron), up
         * to ±40, or beyond 2^62 (past the gate synthesiser's longs), and a threshold inside the
         * range of their sum: the neurons the SAT encoding keeps as threshold constraints.
         */
        static String write(Random r, int n, boolean wide) {
            int m = 1 + r.nextInt(4);
            int k = 1 + r.nextInt(12);
            StringBuilder sb = new StringBuilder("circuit r(x[" + n + "], c) -> (y[" + m + "]) {\n");
            for (int i = 0; i < k; i++) {
                if (wide && r.nextBoolean()) {
                    sb.append("    h").append(i).append(" = ").append(wideNeuron(r, n, i)).append('\n');
                    continue;
                }
                StringBuilder sum = new StringBuilder();
                int fan = 1 + r.nextInt(4);
                for (int j = 0; j < fan; j++) {
                    int w = r.nextInt(7) - 3;
                    String weight = r.nextInt(5) == 0 ? (w + (r.nextBoolean() ? ".5" : ".25")) : Integer.toString(w);
                    if (j > 0) sum.append(" + ");
                    sum.append(weight.startsWith("-") ? "(" + weight + ")" : weight).append('*').append(source(r, n, i));
                }
                int t = r.nextInt(7) - 3;
                String body;
                switch (r.nextInt(5)) {
                    case 0: body = "step(" + sum + " - " + t + ")"; break;
                    case 1: body = sum + " >= " + t; break;
                    case 2: body = sum + " > " + t; break;
                    case 3: body = sum + " <= " + t; break;
                    default: body = sum + " < " + t; break;
                }
                sb.append("    h").append(i).append(" = ").append(body).append('\n');
            }
            for (int i = 0; i < m; i++) sb.append("    y[").append(i).append("] = h").append(r.nextInt(k)).append('\n');
            sb.append("}\n");
            int checks = 1 + r.nextInt(3);
            for (int i = 0; i < checks; i++) {
                String prop = r.nextInt(4) == 0 ? tautology(r, n, m) : "y == " + expr(r, n, m, 3);
                sb.append("check r: ").append(prop).append('\n');
            }
            return sb.toString();
        }

        /**
         * {@link #write(Random, int)} with three more checks that fail at one input value or above a
         * bound (their first failing row lies deep in the row order) or hold.
         */
        static String wide(Random r, int n) {
            String text = write(r, n);
            long k = r.nextInt(1 << n);
            return text + "check r: x != " + k + "\ncheck r: (x < " + k + ") | (c == 0)\ncheck r: {y, x} == y * " + (1 << n) + " + x\n";
        }

        private static String wideNeuron(Random r, int n, int before) {
            int fan = 8 + r.nextInt(13);
            int style = r.nextInt(4);
            StringBuilder sum = new StringBuilder();
            java.math.BigInteger lo = java.math.BigInteger.ZERO;
            java.math.BigInteger hi = java.math.BigInteger.ZERO;
            for (int j = 0; j < fan; j++) {
                java.math.BigInteger w = wideWeight(r, style, fan);
                if (w.signum() == 0) w = java.math.BigInteger.ONE;
                if (w.signum() < 0) lo = lo.add(w); else hi = hi.add(w);
                if (j > 0) sum.append(" + ");
                sum.append(w.signum() < 0 ? "(" + w + ")" : w.toString()).append('*').append(source(r, n, before));
            }
            // A threshold inside [lo, hi + 1]: the neuron is rarely constant.
            java.math.BigInteger span = hi.subtract(lo).add(java.math.BigInteger.TWO);
            java.math.BigInteger t = lo.add(new java.math.BigInteger(span.bitLength() + 8, r).mod(span));
            String half = style == 2 && r.nextInt(4) == 0 ? ".5" : "";
            return r.nextBoolean() ? sum + " >= " + t + half : "step(" + sum + " - (" + t + half + "))";
        }

        /**
         * A weight of a wide neuron in one of four styles: 1 (majorities), 2^j with j below
         * {@code fan} (comparators), up to 40, or up to 2^70 (past longs); negative one time in three.
         */
        static java.math.BigInteger wideWeight(Random r, int style, int fan) {
            java.math.BigInteger w;
            switch (style) {
                case 0: w = java.math.BigInteger.ONE; break;
                case 1: w = java.math.BigInteger.ONE.shiftLeft(r.nextInt(fan)); break;
                case 2: w = java.math.BigInteger.valueOf(r.nextInt(41)); break;
                default: w = new java.math.BigInteger(70, r); break;
            }
            return r.nextInt(3) == 0 ? w.negate() : w;
        }

        static String source(Random r, int n, int before) {
            int pick = r.nextInt(10);
            if (pick == 0) return "c";
            if (pick == 1) return r.nextBoolean() ? "0" : "1";
            if (pick < 5 && before > 0) return "h" + r.nextInt(before);
            return "x[" + r.nextInt(n) + "]";
        }

        private static String tautology(Random r, int n, int m) {
            switch (r.nextInt(3)) {
                case 0: return "x + y >= x";
                case 1: return "~y == " + ((1 << m) - 1) + " - y";
                default: return "{y, x} == y * " + (1 << n) + " + x";
            }
        }

        static String expr(Random r, int n, int m, int depth) {
            if (depth == 0 || r.nextInt(4) == 0) {
                switch (r.nextInt(6)) {
                    case 0: return Integer.toString(r.nextInt(8));
                    case 1: return "c";
                    case 2: return "y[" + r.nextInt(m) + "]";
                    case 3: {
                        int hi = r.nextInt(n);
                        return "x[" + hi + ".." + r.nextInt(hi + 1) + "]";
                    }
                    case 4: return "{c, x}";
                    default: return "x";
                }
            }
            String a = expr(r, n, m, depth - 1);
            String b = expr(r, n, m, depth - 1);
            switch (r.nextInt(16)) {
                case 0: return "(" + a + " + " + b + ")";
                case 1: return "(" + a + " - " + b + ")";
                case 2: return "(" + a + " * " + b + ")";
                case 3: return "(" + a + " & " + b + ")";
                case 4: return "(" + a + " | " + b + ")";
                case 5: return "(" + a + " ^ " + b + ")";
                case 6: return "(" + a + " == " + b + ")";
                case 7: return "(" + a + " != " + b + ")";
                case 8: return "(" + a + " < " + b + ")";
                case 9: return "(" + a + " >= " + b + ")";
                case 10: return "(" + a + " ? " + b + " : " + expr(r, n, m, depth - 1) + ")";
                case 11: return "~x";
                case 12: return "(" + a + " << " + r.nextInt(3) + ")";
                case 13: return "(" + a + " >> " + r.nextInt(3) + ")";
                case 14: return "(" + a + " % " + (1 << r.nextInt(3)) + ")";
                default: return "(" + a + " / " + (1 << r.nextInt(3)) + ")";
            }
        }
    }
}
