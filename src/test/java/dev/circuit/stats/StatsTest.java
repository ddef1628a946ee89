package dev.circuit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.circuit.ast.CircuitRef;
import dev.circuit.diag.Sources;
import dev.circuit.Circuit;
import dev.circuit.elab.Design;
import dev.circuit.elab.Loader;
import dev.circuit.elab.Program;
import dev.circuit.model.Activation;
import dev.circuit.model.Netlist;
import dev.circuit.syntax.Syntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsTest {
    @Test
    void halfAdder() {
        Stats s = measure(Path.of("circuits/adder.net"), null);
        assertEquals(5, s.neurons());
        assertEquals(5, s.byActivation().get(Activation.STEP));
        assertEquals(15, s.fixedCoefficients(), "5 neurons x (2 weights + 1 bias)");
        assertEquals(0, s.learnableCoefficients());
        assertEquals(3, s.depth(), "g1 -> g2 -> sum");
        assertEquals(2, s.largestFanIn());
        assertEquals(List.of(), s.instances());
        assertEquals(List.of(new Stats.Count("nand", 5)), s.namedNeurons());
    }

    /** The 4-bit counter's outputs come straight from flip-flops; its depth is the incrementer's, flip-flop to flip-flop. */
    @Test
    void aCircuitWithStateCountsItAndItsRegisterToRegisterDepth() {
        Stats s = measure(Path.of("circuits/seq/counter4.net"), null);
        assertEquals(4, s.flipFlops());
        assertEquals(0, s.feedbackWires());
        // q[0] -> and2 (2 NANDs) per stage up to c[3], then xor2 (3 NANDs deep) into next[3].
        assertEquals(9, s.depth(), "the carry chain into next[3]");
        Stats latch = measure(Path.of("circuits/seq/sr_latch.net"), null);
        assertEquals(0, latch.flipFlops());
        assertEquals(1, latch.feedbackWires());
        assertEquals(0, measure(Path.of("circuits/adder.net"), null).flipFlops());
    }

    @Test
    void countsInstancesByDefinitionThroughLoops(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("circuits/nand.net"), dir.resolve("nand.net"));
        Files.copy(Path.of("circuits/adder.net"), dir.resolve("adder.net"));
        Path f = dir.resolve("add.net");
        Files.writeString(f, "import \"adder.net\"\n"
                + "circuit fa(a, b, cin) -> (s, cout) {\n"
                + "    (h1, c1) = adder(a, b)\n"
                + "    (s, c2) = adder(h1, cin)\n"
                + "    cout = c1 + c2 >= 1\n"
                + "}\n"
                + "circuit add<N>(a[N], b[N], cin) -> (s[N], cout) {\n"
                + "    wire c[N+1]\n"
                + "    c[0] = cin\n"
                + "    for i in 0..N-1 {\n"
                + "        (s[i], c[i+1]) = fa(a[i], b[i], c[i])\n"
                + "    }\n"
                + "    cout = c[N]\n"
                + "    k = sigmoid(?*a[0] + ?0.5 + 1)\n"
                + "}\n");
        Stats s = measure(f, "add<3>");
        assertEquals(List.of(new Stats.Count("adder", 6), new Stats.Count("fa", 3)), s.instances());
        assertEquals(List.of(new Stats.Count("nand", 30)), s.namedNeurons());
        assertEquals(34, s.neurons());
        assertEquals(3, s.byActivation().get(Activation.THRESHOLD));
        assertEquals(1, s.byActivation().get(Activation.SIGMOID));
        assertEquals(2, s.learnableCoefficients());
        assertEquals(2, s.parameters());
        // The carry chain: a carry into bit i at depth d leaves at d + 3 (the second adder's g1 and carry,
        // then the OR), from 6 at bit 0; so cout = 12, and s[2] = 9 + 3 (a whole adder after its carry-in).
        assertEquals(12, s.depth());
    }

    private static Stats measure(Path file, String top) {
        Design d = Circuit.load(file, top, new Sources());
        return Measure.of(d.topCircuit().netlist(), InstanceTypes.of(d.program()));
    }
}
