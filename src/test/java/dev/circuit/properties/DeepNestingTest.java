package dev.circuit.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Depth is bounded by the language's limits, not by the Java stack: 999 nested circuits work, a
 * generator with no base case stops at the documented 1000 levels, and absurdly nested text is an
 * error of the file. (Found while probing what the random generators do not reach.)
 */
class DeepNestingTest {
    @TempDir
    Path dir;

    /** c{n} instantiates c{n-1}, ..., c0 is one NAND: n levels of instances. */
    static String chain(int n) {
        StringBuilder sb = new StringBuilder(Model.NAND).append('\n');
        for (int i = n; i > 0; i--) sb.append("circuit c").append(i).append("(a) -> y {\n    y = c").append(i - 1).append("(a)\n}\n");
        return sb.append("circuit c0(a) -> y {\n    y = nand(a, a)\n}\n").toString();
    }

    @Test
    void nineHundredNinetyNineNestedCircuitsElaborate() {
        assertEquals(java.util.List.of("1", "0"), Truth.table(dir, "chain.net", chain(999), "c999"));
    }

    @Test
    void aGeneratorWithNoBaseCaseStopsAtTheLimit() {
        String text = "circuit r<N>(a) -> y {\n    y = r<N+1>(a)\n}\ncircuit top(a) -> y {\n    y = r<0>(a)\n}\n";
        CircuitException e = assertThrows(CircuitException.class, () -> Truth.load(dir, "rec.net", text, "top"));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertTrue(e.diagnostics().get(0).message().startsWith("instances nested more than 1000 deep"), e.getMessage());
        assertEquals(2, e.diagnostics().get(0).pos().line());
    }

    @Test
    void textNestedTooDeeplyIsAnErrorOfTheFile() {
        int n = 20_000;
        String text = "neuron n(a) = step(" + "(".repeat(n) + "a" + ")".repeat(n) + ")\n";
        CircuitException e = assertThrows(CircuitException.class, () -> Truth.load(dir, "deep.net", text, null));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertTrue(e.diagnostics().get(0).message().contains("too deeply nested"), e.getMessage());
        // A thousand levels (step's own bracket included) are still fine: the language's limit.
        String ok = "neuron n(a) = step(" + "(".repeat(999) + "a" + ")".repeat(999) + ")\n";
        assertEquals(java.util.List.of("0", "1"), Truth.table(dir, "ok.net", ok, null));
    }
}
