package dev.circuit.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.model.Activation;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 16 Boolean functions of two inputs. Function {@code f} (0..15) has output bit r of f on row
 * r = a + 2b. Each is written as a NAND-only circuit (sum of products in NAND-NAND form) and checked
 * against its table; the 14 linearly separable ones are also found as single step neurons with
 * small integer weights, and the search finds none for XOR (6) and XNOR (9).
 */
class TwoInputFunctionsTest {
    @TempDir
    Path dir;

    static final int XOR = 0b0110;
    static final int XNOR = 0b1001;
    /** Weights and bias searched in [-R, R]. */
    static final int R = 4;

    static IntStream functions() {
        return IntStream.range(0, 16);
    }

    static List<String> table(int f) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < 4; r++) rows.add(Integer.toString(f >> r & 1));
        return rows;
    }

    /**
     * Sum of products with two-input NANDs only: t_m = nand(la, lb) is NOT(minterm m); the OR of
     * minterms is nand(t0, t1), and each further minterm is OR-ed in as nand(nand(acc, acc), t_m).
     */
    static String nandCircuit(int f) {
        List<String> lines = new ArrayList<>();
        List<Integer> minterms = new ArrayList<>();
        for (int r = 0; r < 4; r++) if ((f >> r & 1) == 1) minterms.add(r);
        boolean needNa = minterms.stream().anyMatch(m -> (m & 1) == 0);
        boolean needNb = minterms.stream().anyMatch(m -> (m & 2) == 0);
        if (needNa) lines.add("na = nand(a, a)");
        if (needNb) lines.add("nb = nand(b, b)");
        for (int i = 0; i < minterms.size(); i++) {
            int m = minterms.get(i);
            lines.add("t" + i + " = nand(" + ((m & 1) == 1 ? "a" : "na") + ", " + ((m & 2) == 2 ? "b" : "nb") + ")");
        }
        if (minterms.isEmpty()) {
            lines.add("y = nand(1, 1)");
        } else if (minterms.size() == 1) {
            lines.add("y = nand(t0, t0)");
        } else {
            String acc = "t0";
            for (int i = 1; i < minterms.size(); i++) {
                String next = i == minterms.size() - 1 ? "y" : "or" + i;
                if (i == 1) {
                    lines.add(next + " = nand(t0, t1)");
                } else {
                    lines.add("n" + acc + " = nand(" + acc + ", " + acc + ")");
                    lines.add(next + " = nand(n" + acc + ", t" + i + ")");
                }
                acc = next;
            }
        }
        return Model.NAND + "\n\ncircuit f" + f + "(a, b) -> y {\n" + Model.indent(lines) + "}\n";
    }

    @ParameterizedTest(name = "f{0} as NAND gates")
    @MethodSource("functions")
    void everyFunctionAsNandGatesMatchesItsTable(int f) {
        String text = nandCircuit(f);
        Netlist net = Truth.load(dir, "f" + f + ".net", text, null);
        assertEquals(table(f), Truth.table(net), text);
        // Only NAND gates: every neuron of the flat netlist is step(-2*x - 2*y + 3).
        for (Neuron n : net.neurons()) {
            assertEquals(Activation.STEP, n.activation(), n.path());
            assertEquals(List.of(-2.0, -2.0), n.weights().stream().map(c -> c.scale().doubleValue()).toList(), n.path());
            assertEquals(3.0, n.bias().stream().mapToDouble(c -> c.scale().doubleValue()).sum(), n.path());
        }
    }

    static String neuron(int w1, int w2, int c) {
        return "step(" + Sums.write(List.of(Integer.toString(w1), Integer.toString(w2)), List.of("a", "b"), Integer.toString(c)) + ")";
    }

    /**
     * Every single neuron step(w1*a + w2*b + c) with weights in [-R, R], evaluated by the core in one
     * circuit with one output per neuron, keyed by its text; each table is checked against integer
     * arithmetic on the way.
     */
    Map<String, Integer> everyNeuron() {
        List<String> lines = new ArrayList<>();
        List<String> outs = new ArrayList<>();
        List<int[]> weights = new ArrayList<>();
        for (int w1 = -R; w1 <= R; w1++) {
            for (int w2 = -R; w2 <= R; w2++) {
                for (int c = -R; c <= R; c++) {
                    String out = "n" + outs.size();
                    outs.add(out);
                    lines.add(out + " = " + neuron(w1, w2, c));
                    weights.add(new int[] {w1, w2, c});
                }
            }
        }
        String text = "circuit all(a, b) -> (" + String.join(", ", outs) + ") {\n" + Model.indent(lines) + "}\n";
        List<String> rows = Truth.table(dir, "all.net", text, null);
        Map<String, Integer> byText = new LinkedHashMap<>();
        for (int i = 0; i < outs.size(); i++) {
            int[] w = weights.get(i);
            int f = 0;
            for (int r = 0; r < 4; r++) {
                int bit = rows.get(r).charAt(i) - '0';
                int a = r & 1;
                int b = r >> 1;
                assertEquals(w[0] * a + w[1] * b + w[2] > 0 ? 1 : 0, bit, lines.get(i) + " at a=" + a + " b=" + b);
                f |= bit << r;
            }
            byText.put(neuron(w[0], w[1], w[2]), f);
        }
        return byText;
    }

    @Test
    void fourteenFunctionsAreSingleNeuronsAndXorXnorAreNot() {
        Map<String, Integer> all = everyNeuron();
        assertEquals((2 * R + 1) * (2 * R + 1) * (2 * R + 1), all.size());
        for (int f = 0; f < 16; f++) {
            int target = f;
            List<String> found = all.entrySet().stream().filter(e -> e.getValue() == target).map(Map.Entry::getKey).toList();
            if (f == XOR || f == XNOR) {
                // Not a proof (that is the usual argument: the four row inequalities add up to 0 > 0),
                // just a demonstration that no weights in the range work.
                assertEquals(List.of(), found, "f" + f + " is not linearly separable");
                continue;
            }
            assertTrue(!found.isEmpty(), "no single neuron in [-" + R + ", " + R + "] computes f" + f);
            // The neuron found, written on its own as a named neuron, has the function's table.
            String text = "neuron f" + f + "(a, b) = " + found.get(0) + "\n";
            assertEquals(table(f), Truth.table(dir, "single" + f + ".net", text, null), text);
        }
    }
}
