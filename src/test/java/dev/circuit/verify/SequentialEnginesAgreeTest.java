package dev.circuit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.Circuit;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Design;
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
 * Checks over cycles on random circuits with flip-flops: the unrolled bit-parallel engine (64 input
 * sequences a word) gives exactly the scalar simulator's outcome, the same verdict, the same first
 * failing sequence and the same message; the SAT engine's bounded proof gives the same verdict,
 * and its counterexamples are replayed on the scalar simulator (an unconfirmed one throws).
 */
public class SequentialEnginesAgreeTest {
    @TempDir
    Path dir;

    private static final VerifyOptions SCALAR = new VerifyOptions(0, 1, 1, true);
    private static final VerifyOptions BIT_PARALLEL = new VerifyOptions(0, 1, 1, false);
    private static final VerifyOptions INTERPRETED = new VerifyOptions(0, 1, 1, false, true, Progress.NONE);
    private static final VerifyOptions SAT = new VerifyOptions(0, 1, 1, false, false, Progress.NONE, true, 0);

    @Test
    void unrolledEnginesAgreeWithTheScalarSimulator() {
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger parallel = new AtomicInteger();
        AtomicInteger provenBySat = new AtomicInteger();
        qt().withFixedSeed(20261127L).withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            String text = write(new Random(seed));
            Path f = dir.resolve("s" + Long.toHexString(seed) + ".net");
            try {
                Files.writeString(f, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Design design = Circuit.load(f, new Sources());
            List<TestOutcome> scalar = TestRunner.run(design, SCALAR);
            List<TestOutcome> fast = TestRunner.run(design, BIT_PARALLEL);
            List<TestOutcome> interpreted = TestRunner.run(design, INTERPRETED);
            List<TestOutcome> sat = TestRunner.run(design, SAT);
            // auto's portfolio with SAT first on every check, under budgets from one propagation up:
            // whatever SAT finds, the report is the scalar one (the first failing sequence).
            long per = 1L << new Random(seed).nextInt(12);
            List<TestOutcome> portfolio = TestRunner.run(design, new VerifyOptions(0, 1, 1, false, false, Progress.NONE, false, 0, new SatFirst(0, per)));
            assertEquals(scalar.size(), fast.size());
            for (int i = 0; i < scalar.size(); i++) {
                TestOutcome s = scalar.get(i);
                assertEquals(Engine.SCALAR, ((TestOutcome.Check) s).engine(), text);
                // '%' by a number that is no power of two has no gates: that check stays scalar.
                if (((TestOutcome.Check) fast.get(i)).engine() != Engine.SCALAR) parallel.incrementAndGet();
                for (TestOutcome o : List.of(fast.get(i), interpreted.get(i), portfolio.get(i))) {
                    assertEquals(s.verdict(), o.verdict(), text);
                    // A proof by SAT counts no rows; every enumeration and every failure counts the scalar's.
                    if (((TestOutcome.Check) o).engine() != Engine.SAT) assertEquals(s.rows(), o.rows(), text);
                    else {
                        assertEquals(Verdict.PASS, o.verdict(), text);
                        provenBySat.incrementAndGet();
                    }
                    assertEquals(messages(s), messages(o), text);
                }
                assertEquals(s.verdict(), sat.get(i).verdict(), text);
                (s.passed() ? passed : failed).incrementAndGet();
            }
        });
        // The generator must give both answers, many times each.
        assertTrue(passed.get() > 60 && failed.get() > 60, passed + " passed, " + failed + " failed");
        assertTrue(parallel.get() > 300, parallel + " checks ran on the bit-parallel engine");
        assertTrue(provenBySat.get() > 30, provenBySat + " checks proven by SAT in the portfolio");
    }

    private static List<String> messages(TestOutcome o) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : o.failures()) out.add(d.message());
        return out;
    }

    /**
     * A circuit of one or two inputs, two or three flip-flops with random initial values and random
     * threshold neurons over the inputs, the flip-flops and earlier neurons; and checks over 1 to 5
     * cycles that read up to two cycles back.
     */
    public static String write(Random r) {
        int inputs = 1 + r.nextInt(2);
        int flops = 2 + r.nextInt(2);
        int gates = 3 + r.nextInt(5);
        List<String> sources = new ArrayList<>();
        List<String> ins = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            ins.add("a" + i);
            sources.add("a" + i);
        }
        for (int i = 0; i < flops; i++) sources.add("q" + i);
        StringBuilder body = new StringBuilder();
        for (int g = 0; g < gates; g++) {
            int fan = 1 + r.nextInt(3);
            StringBuilder z = new StringBuilder();
            for (int k = 0; k < fan; k++) {
                int w = r.nextInt(7) - 3;
                if (w == 0) w = 1;
                z.append(k == 0 ? (w < 0 ? "-" : "") : (w < 0 ? " - " : " + ")).append(Math.abs(w)).append('*')
                        .append(sources.get(r.nextInt(sources.size())));
            }
            int b = r.nextInt(5) - 2;
            z.append(b < 0 ? " - " : " + ").append(Math.abs(b));
            body.append("    g").append(g).append(" = step(").append(z).append(")\n");
            sources.add("g" + g);
        }
        for (int i = 0; i < flops; i++) {
            String d = "g" + r.nextInt(gates);
            body.append("    q").append(i).append(" = dff(").append(d).append(r.nextBoolean() ? ", 1" : "").append(")\n");
        }
        body.append("    y = g").append(gates - 1).append("\n");
        body.append("    z = q0\n");
        body.append("    w = {q").append(flops - 1).append(", g").append(r.nextInt(gates)).append("}\n");
        for (String s : sources) body.append("    _u").append(s).append(" = ").append(s).append('\n');
        StringBuilder text = new StringBuilder("circuit s(" + String.join(", ", ins) + ") -> (y, z, w[2]) {\n");
        text.append(body).append("}\n\n");
        String[] props = {
            "y == prev(z)", "(y | prev(y)) == 1", "w != 3", "{y, z} != prev(w)", "(z == prev(y)) | (a0 == 1)",
            "w <= prev(w) + 1", "y ^ z ^ prev(prev(z))", "(w + prev(w)) % 3 != 2", "z == prev(g0)"
        };
        for (int c = 0; c < 3; c++) {
            String p = props[r.nextInt(props.length)];
            int back = p.contains("prev(prev(") ? 2 : p.contains("prev(") ? 1 : 0;
            int cycles = back + 1 + r.nextInt(4);
            if (p.contains("g0")) p = "z == z"; // g0 is no terminal: a property reads ports only
            text.append("check s for ").append(cycles).append(" cycles: ").append(p).append('\n');
        }
        return text.toString();
    }
}
