package dev.circuit.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * The fixed threshold semantics: {@code step(z)} is 1 iff z &gt; 0 strictly, {@code s >= t} iff
 * s &gt;= t, and so on, with decimal weights taken as the exact decimals written, not as the
 * nearest doubles. The oracle is BigDecimal arithmetic.
 */
class ThresholdSemanticsTest {
    @TempDir
    Path dir;

    static final String[] OPS = {"step", ">=", ">", "<=", "<"};
    static final String[] NAMES = {"a", "b", "c", "d"};

    /**
     * One neuron over {@code inputs} inputs: terms (variable index, decimal weight; a variable may
     * repeat), an operator, and the bias (for step) or right-hand side (for comparisons).
     * {@code scientific} writes weights as {@code 25e-2} rather than {@code 0.25}.
     */
    record Neuron(int inputs, List<Integer> vars, List<BigDecimal> weights, String op, BigDecimal rhs, boolean scientific) {
        String text() {
            List<String> ws = new ArrayList<>();
            List<String> xs = new ArrayList<>();
            for (int k = 0; k < vars.size(); k++) {
                ws.add(number(weights.get(k)));
                xs.add(NAMES[vars.get(k)]);
            }
            String params = String.join(", ", List.of(NAMES).subList(0, inputs));
            String body = op.equals("step") ? "step(" + Sums.write(ws, xs, number(rhs)) + ")"
                    : Sums.write(ws, xs, "0") + " " + op + " " + number(rhs);
            return "neuron n(" + params + ") = " + body + "\n";
        }

        private String number(BigDecimal v) {
            return scientific && v.scale() != 0 ? v.unscaledValue() + "e" + -v.scale() : v.toPlainString();
        }

        /** The exact answer for one input row. */
        int oracle(int row) {
            BigDecimal s = BigDecimal.ZERO;
            for (int k = 0; k < vars.size(); k++) if ((row >> vars.get(k) & 1) == 1) s = s.add(weights.get(k));
            return decide(s.compareTo(op.equals("step") ? rhs.negate() : rhs)) ? 1 : 0;
        }

        /** What naive double arithmetic (sum the doubles, compare) would say, to see the rounding cases. */
        int doubles(int row) {
            double s = 0;
            for (int k = 0; k < vars.size(); k++) if ((row >> vars.get(k) & 1) == 1) s += weights.get(k).doubleValue();
            double z = op.equals("step") ? s + rhs.doubleValue() : s - rhs.doubleValue();
            return decide(Double.compare(z, 0.0) == 0 ? 0 : z > 0 ? 1 : -1) ? 1 : 0;
        }

        /** {@code cmp} is the sign of s - t (for step, of z). */
        private boolean decide(int cmp) {
            return switch (op) {
                case "step", ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "<=" -> cmp <= 0;
                default -> cmp < 0;
            };
        }
    }

    /**
     * A decimal with 1 to 3 digits after the point, up to 9.999 in size; when {@code wide}, anything
     * from 25 digits after the point to 10^26, beyond what fits a long when scaled to integers.
     */
    static BigDecimal decimal(org.quicktheories.core.RandomnessSource in, boolean wide) {
        return BigDecimal.valueOf(Circuits.draw(in, -9999, 9999), wide ? Circuits.draw(in, -22, 25) : Circuits.draw(in, 1, 3));
    }

    /**
     * Random neurons whose threshold is, most of the time, exactly the sum of some of their weights:
     * the boundary z = 0 is where strict and non-strict differ and where doubles round wrongly.
     */
    static Gen<Neuron> neurons(boolean wide) {
        Gen<Neuron> g = in -> {
            int inputs = Circuits.draw(in, 1, 4);
            int terms = Circuits.draw(in, 1, 5);
            List<Integer> vars = new ArrayList<>();
            List<BigDecimal> weights = new ArrayList<>();
            for (int k = 0; k < terms; k++) {
                vars.add(k < inputs ? k : Circuits.draw(in, 0, inputs - 1));
                weights.add(decimal(in, wide));
            }
            String op = OPS[Circuits.draw(in, 0, OPS.length - 1)];
            BigDecimal rhs;
            if (Circuits.draw(in, 0, 3) > 0) {
                int row = Circuits.draw(in, 0, (1 << inputs) - 1);
                BigDecimal s = BigDecimal.ZERO;
                for (int k = 0; k < terms; k++) if ((row >> vars.get(k) & 1) == 1) s = s.add(weights.get(k));
                rhs = op.equals("step") ? s.negate() : s;
            } else {
                rhs = decimal(in, wide);
            }
            return new Neuron(inputs, vars, weights, op, rhs, Circuits.draw(in, 0, 3) == 0);
        };
        return g.describedAs(Neuron::text);
    }

    @Test
    void hardNeuronsDecideExactlyAsDecimalArithmetic() {
        AtomicInteger doublesWrong = new AtomicInteger();
        qt().withFixedSeed(4L).withExamples(1000).forAll(neurons(false)).checkAssert(n -> {
            List<String> table = Truth.table(dir, "n.net", n.text(), null);
            for (int row = 0; row < table.size(); row++) {
                assertEquals(Integer.toString(n.oracle(row)), table.get(row), "row " + row + " of\n" + n.text());
                if (n.oracle(row) != n.doubles(row)) doublesWrong.incrementAndGet();
            }
        });
        // The generator reaches the cases the exact arithmetic exists for (measured: see the report).
        assertTrue(doublesWrong.get() > 0, "no example where double arithmetic would have rounded wrongly");
    }

    /**
     * The same promise with weights of up to 25 decimals or 26 digits, whose exact sum does not fit
     * a long: the evaluator must not quietly fall back to doubles there.
     */
    @Test
    void wideDecimalsAreExactToo() {
        qt().withFixedSeed(5L).withExamples(500).forAll(neurons(true)).checkAssert(n -> {
            List<String> table = Truth.table(dir, "w.net", n.text(), null);
            for (int row = 0; row < table.size(); row++) {
                assertEquals(Integer.toString(n.oracle(row)), table.get(row), "row " + row + " of\n" + n.text());
            }
        });
    }

    /** The cases the wide property found (scaled sums past 2^62; more than 18 decimals), kept as examples. */
    @Test
    void weightsBeyondALongAreStillExact() {
        // At a=b=1 z is exactly 0 (doubles said 1: the sum was past 2^62 when scaled to integers).
        assertEquals(List.of("0", "0", "0", "0"), Truth.table(dir, "big.net",
                "neuron n(a, b) = step(2310000000*a + 0.000000001*b - 2310000000.000000001)\n", null));
        List<String> fine = Truth.table(dir, "fine.net",
                "neuron n(a, b, c) = step(0.1*a + 0.2*b - 0.3 + 0.0000000000000000001*c)\n", null);
        assertEquals("0", fine.get(0b011), "a=b=1, c=0: z is exactly 0");
        assertEquals("1", fine.get(0b111), "a=b=c=1: z is 1e-19");
    }

    @Test
    void pointOnePlusPointTwoIsExactlyPointThree() {
        assertEquals(List.of("0", "0", "0", "0"), Truth.table(dir, "s.net", "neuron n(a, b) = step(0.1*a + 0.2*b - 0.3)\n", null));
        assertEquals(List.of("0", "0", "0", "1"), Truth.table(dir, "ge.net", "neuron n(a, b) = 0.1*a + 0.2*b >= 0.3\n", null));
        assertEquals(List.of("0", "0", "0", "0"), Truth.table(dir, "gt.net", "neuron n(a, b) = 0.1*a + 0.2*b > 0.3\n", null));
        assertEquals(List.of("1", "1", "1", "1"), Truth.table(dir, "le.net", "neuron n(a, b) = 0.1*a + 0.2*b <= 0.3\n", null));
        // The same neuron inside a circuit, fed by another neuron's output rather than an input.
        String circuit = "neuron n(a, b) = step(0.1*a + 0.2*b - 0.3)\n"
                + "circuit c(x) -> y {\n    one = x + 1 >= 1\n    y = n(one, one)\n}\n";
        assertEquals(List.of("0", "0"), Truth.table(dir, "c.net", circuit, "c"));
    }
}
