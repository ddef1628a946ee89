package dev.circuit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.eval.Evaluator;
import dev.circuit.model.Netlist;
import dev.circuit.model.Param;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing learned values back: exact spans, round trips, comments kept, frozen files equal. */
class WriteBackTest {
    @TempDir
    Path tmp;

    /** Learnable tokens after non-ASCII text on the same line, so code points and chars differ. */
    static final String SOURCE = """
            # état: ≥ 😀 every ? below is learnable
            circuit net(a, b) -> (y, z) {   # 😀😀 a comment
                h = sigmoid(?*a - ? * b + ?0.5)   // ✓ keep me
                y = step(-?*h + 2*? + ?-3)
                z = linear(?1e-3*a + h)
            }
            """;

    @Test
    void numbersReadBackAsTheSameDouble() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(bits -> {
            double v = Double.longBitsToDouble(bits);
            if (!Double.isFinite(v)) return;
            String s = WriteBack.number(v);
            assertEquals(v == 0 ? 0.0 : v, Double.parseDouble(s), 0.0, s);
            assertFalse(s.contains(" "), s);
        });
        assertEquals("0.5", WriteBack.number(0.5));
        assertEquals("-3", WriteBack.number(-3));
        assertEquals("11.2349", WriteBack.number(11.2349));
        assertEquals("0.1", WriteBack.number(0.1));
    }

    @Test
    void writingThenParsingGivesTheSameParametersAndKeepsEveryComment() throws IOException {
        Path f = tmp.resolve("net.net");
        Files.writeString(f, SOURCE);
        Fixtures.Loaded l = Fixtures.load(f);
        List<Param> ps = l.net().params();
        assertEquals(7, ps.size());
        qt().withExamples(100).forAll(longs().all(), doubles().between(-1e6, 1e6)).checkAssert((seed, scale) -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            double[] v = new double[ps.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextDouble(-1, 1) * scale;
                    case 1 -> rnd.nextDouble(-1, 1) * 1e-9;
                    case 2 -> Math.rint(rnd.nextDouble(-100, 100));
                    default -> rnd.nextGaussian() * 1e20;
                };
            }
            String text = WriteBack.edits(l.program(), ps, v, false).get(0).text();
            Path out = tmp.resolve("out" + Long.toHexString(seed) + ".net");
            try {
                Files.writeString(out, text);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            Fixtures.Loaded back = Fixtures.load(out);
            assertEquals(ps.size(), back.net().params().size());
            for (Param p : back.net().params()) assertEquals(v[p.id()], p.init().doubleValue(), 0.0, text);
            assertEquals(comments(SOURCE), comments(text));
            // the same circuit: same outputs from the learned values and from the reparsed file
            Evaluator a = new Evaluator(l.net(), v);
            Evaluator b = new Evaluator(back.net(), back.net().initialParams(0));
            double[] in = {0.3, 0.7};
            assertEquals(java.util.Arrays.toString(a.outputs(in)), java.util.Arrays.toString(b.outputs(in)));
        });
    }

    @Test
    void freezingWritesPlainNumbersThatEvaluateLikeTheLearnedValues() throws IOException {
        Path f = tmp.resolve("net.net");
        Files.writeString(f, SOURCE);
        Fixtures.Loaded l = Fixtures.load(f);
        double[] v = {1.25, -0.75, 0.5, 2.5, -1.5, -3, 0.001};
        String text = WriteBack.edits(l.program(), l.net().params(), v, true).get(0).text();
        assertFalse(text.replaceAll("(#|//).*", "").contains("?"), text);
        assertTrue(text.contains("h = sigmoid(1.25*a - -0.75 * b + 0.5)   // ✓ keep me"), text);
        Path out = tmp.resolve("frozen.net");
        Files.writeString(out, text);
        Netlist frozen = Fixtures.load(out).net();
        assertTrue(frozen.params().isEmpty());
        Evaluator a = new Evaluator(l.net(), v);
        Evaluator b = new Evaluator(frozen, new double[0]);
        for (double[] in : new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.25, -2}}) {
            double[] x = a.outputs(in);
            double[] y = b.outputs(in);
            assertEquals(x[0], y[0], 1e-12);
            assertEquals(x[1], y[1], 1e-12);
        }
    }

    private static String comments(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            int i = line.indexOf('#') >= 0 ? line.indexOf('#') : line.indexOf("//");
            if (i >= 0) sb.append(line.substring(i)).append('\n');
        }
        return sb.toString();
    }
}
