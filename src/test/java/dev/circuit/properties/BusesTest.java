package dev.circuit.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/**
 * Buses, slices, concatenation and {@code for} loops against integer arithmetic: the generic
 * ripple adder adds, and random wirings of bus bits (slices, {@code {x, y}}, single bits, NANDs)
 * move every bit where the model says.
 */
class BusesTest {
    @TempDir
    Path dir;

    static final String ADDER = Model.NAND + """

            circuit full_adder(a, b, cin) -> (s, cout) {
                t1 = nand(a, b)
                t2 = nand(a, t1)
                t3 = nand(b, t1)
                h = nand(t2, t3)
                t4 = nand(h, cin)
                t5 = nand(h, t4)
                t6 = nand(cin, t4)
                s = nand(t5, t6)
                cout = nand(t1, t4)
            }

            circuit adder_n<N>(a[N], b[N], cin) -> (s[N], cout) {
                wire c[N+1]
                c[0] = cin
                for i in 0..N-1 {
                    (s[i], c[i+1]) = full_adder(a[i], b[i], c[i])
                }
                cout = c[N]
            }
            """;

    @ParameterizedTest(name = "adder_n<{0}>")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void theRippleAdderAdds(int n) {
        List<String> rows = Truth.table(dir, "adder.net", ADDER, "adder_n<" + n + ">");
        assertEquals(1 << (2 * n + 1), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            int a = r & ((1 << n) - 1);
            int b = (r >> n) & ((1 << n) - 1);
            int cin = r >> (2 * n) & 1;
            int sum = a + b + cin;
            StringBuilder want = new StringBuilder();
            for (int k = 0; k <= n; k++) want.append(sum >> k & 1); // s bits LSB first, then cout
            assertEquals(want.toString(), rows.get(r), "a=" + a + " b=" + b + " cin=" + cin);
        }
    }

    /** Where an output bit comes from: bit {@code j} of a (bus 0) or b (bus 1), a constant, or a NAND. */
    sealed interface Src permits Bit, Const, Nand {}
    record Bit(int bus, int j) implements Src {}
    record Const(int v) implements Src {}
    record Nand(Src x, Src y) implements Src {}

    /** y[W] from a[W] and b[W]: sources per bit, and the statements that write them, in file order. */
    record Wiring(int w, Src[] y, List<String> lines) {
        String text() {
            List<String> ps = List.of("a[" + w + "]", "b[" + w + "]");
            return Model.NAND + "\n\ncircuit wiring(" + String.join(", ", ps) + ") -> y[" + w + "] {\n" + Model.indent(lines) + "}\n";
        }

        int value(Src s, int a, int b) {
            if (s instanceof Bit bit) return ((bit.bus() == 0 ? a : b) >> bit.j()) & 1;
            if (s instanceof Const c) return c.v();
            Nand n = (Nand) s;
            return 1 - (value(n.x(), a, b) & value(n.y(), a, b));
        }

        List<String> oracle() {
            List<String> rows = new ArrayList<>();
            for (int r = 0; r < 1 << (2 * w); r++) {
                int a = r & ((1 << w) - 1);
                int b = r >> w;
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < w; k++) sb.append(value(y[k], a, b));
                rows.add(sb.toString());
            }
            return rows;
        }
    }

    static String name(Src s) {
        if (s instanceof Bit b) return (b.bus() == 0 ? "a" : "b") + "[" + b.j() + "]";
        if (s instanceof Const c) return Integer.toString(c.v());
        throw new IllegalArgumentException("a NAND has a wire of its own");
    }

    static Src leaf(org.quicktheories.core.RandomnessSource in, int w) {
        int k = Circuits.draw(in, 0, 2 * w + 1);
        return k < 2 * w ? new Bit(k / w, k % w) : new Const(k - 2 * w);
    }

    /**
     * From the most significant output bit down, groups of 1-3 bits written as a slice of one input
     * bus ({@code y[3..2] = a[1..0]}), a concatenation ({@code y[1..0] = {b[3], n0}}) or one bit
     * ({@code y[0] = nand(a[1], 1)}); NANDs inside a concatenation get a wire. Lines are shuffled.
     */
    static Gen<Wiring> wirings() {
        Gen<Wiring> g = in -> {
            int w = Circuits.draw(in, 1, 5);
            Src[] y = new Src[w];
            List<String> lines = new ArrayList<>();
            int hi = w - 1;
            int wires = 0;
            while (hi >= 0) {
                int len = Math.min(hi + 1, Circuits.draw(in, 1, 3));
                int lo = hi - len + 1;
                int form = Circuits.draw(in, 0, 2);
                String target = len == 1 ? "y[" + hi + "]" : "y[" + hi + ".." + lo + "]";
                if (form == 0) {
                    int bus = Circuits.draw(in, 0, 1);
                    int jlo = Circuits.draw(in, 0, w - len);
                    for (int k = 0; k < len; k++) y[lo + k] = new Bit(bus, jlo + k);
                    String src = (bus == 0 ? "a" : "b") + (len == 1 ? "[" + jlo + "]" : "[" + (jlo + len - 1) + ".." + jlo + "]");
                    lines.add(target + " = " + src);
                } else if (form == 1 && len == 1) {
                    Nand n = new Nand(leaf(in, w), leaf(in, w));
                    y[hi] = n;
                    lines.add(target + " = nand(" + name(n.x()) + ", " + name(n.y()) + ")");
                } else {
                    List<String> parts = new ArrayList<>();
                    for (int k = hi; k >= lo; k--) {
                        if (Circuits.draw(in, 0, 2) == 0) {
                            Nand n = new Nand(leaf(in, w), leaf(in, w));
                            String wire = "n" + wires++;
                            lines.add(wire + " = nand(" + name(n.x()) + ", " + name(n.y()) + ")");
                            y[k] = n;
                            parts.add(wire);
                        } else {
                            y[k] = leaf(in, w);
                            parts.add(name(y[k]));
                        }
                    }
                    lines.add(target + " = {" + String.join(", ", parts) + "}");
                }
                hi = lo - 1;
            }
            return new Wiring(w, y, Circuits.permuted(lines, Circuits.permutation(in, lines.size())));
        };
        return g.describedAs(Wiring::text);
    }

    @Test
    void slicesAndConcatenationsPutEveryBitWhereTheModelSays() {
        qt().withFixedSeed(88L).withExamples(300).forAll(wirings()).checkAssert(wr ->
                assertEquals(wr.oracle(), Truth.table(dir, "wiring.net", wr.text(), null)));
    }
}
