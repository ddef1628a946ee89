package dev.circuit.elab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.Circuit;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size budget ({@link Limits}): what it counts, exactly, and that a design growing past it stops
 * at the statement that overran it, without building the rest.
 */
class SizeBudgetTest {
    private static final String NAND = "neuron nand(a, b) = step(-2*a - 2*b + 3)\n";

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("k.net");
        Files.writeString(f, NAND + text);
        return f;
    }

    /**
     * Counted by hand: the top k has nets a, b and y (3) and one neuron of two inputs (3); the neuron
     * nand, elaborated on its own as every definition is, has the same 3 nets and a 3-unit neuron.
     * One design, one budget: 12 units. 12 is enough, 11 is not.
     */
    @Test
    void everyNetNeuronAndNeuronInputOfEveryCircuitOfTheDesignIsOneUnit() throws IOException {
        Path f = file("circuit k(a, b) -> y {\n    y = nand(a, b)\n}\n");
        Circuit.load(f, null, new Sources(), new Limits(12));
        CircuitException e = assertThrows(CircuitException.class, () -> Circuit.load(f, null, new Sources(), new Limits(11)));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals(1, e.diagnostics().size(), e.getMessage());
        assertTrue(e.diagnostics().get(0).message().startsWith("the design grows beyond its size budget of 11 units here;"),
                e.getMessage());
    }

    /**
     * A generator that never reaches its base case within reason: tree<30> holds about 30! * 2^30
     * instances, nested only 30 deep, so the depth limit never sees it. The budget stops it where it
     * grew, inside the generator, with the instances and loop that led there.
     */
    @Test
    void aGeneratorBuildingTooManyInstancesStopsWhereItOverranTheBudget() throws IOException {
        Path f = file(String.join("\n",
                "circuit tree<N>(a) -> y {",
                "    wire t[N + 1]",
                "    t[0] = a",
                "    for i in 1..N {",
                "        l = tree<N - 1>(a)",
                "        r = tree<N - 1>(a)",
                "        t[i] = nand(l, r)",
                "    }",
                "    y = t[N]",
                "}",
                "",
                "circuit k(a) -> y {",
                "    y = tree<30>(a)",
                "}", ""));
        CircuitException e = assertThrows(CircuitException.class, () -> Circuit.load(f, "k", new Sources(), new Limits(100_000)));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        List<Diagnostic> errors = e.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), e.getMessage());
        Diagnostic d = errors.get(0);
        assertTrue(d.message().startsWith("the design grows beyond its size budget of 100,000 units here;"), d.message());
        assertTrue(d.pos().line() >= 3 && d.pos().line() <= 10, "reported inside the generator: " + d.headline());
        // The innermost four places it grew in, then the outermost: the instance the top made.
        assertEquals(5, d.notes().size(), d.notes().toString());
        Diagnostic outermost = d.notes().get(4);
        assertEquals(14, outermost.pos().line(), outermost.headline());
        assertEquals("in the instance 'tree<30>' made here", outermost.message());
        assertTrue(d.notes().stream().anyMatch(n -> n.message().startsWith("in the iteration i = ")), d.notes().toString());
    }

    /**
     * Loops nested inside each other each pass the up-front check (10,000 iterations), but what their
     * iterations build adds up. Counted by hand: the ports a and y (2), the outer loop's 10,000
     * iterations, then for each i the inner loop's 10,000 and 4 units an inner iteration (the net _t,
     * a neuron of two inputs): 60,002 after i = 0, 70,002 when i = 1 starts, and the neuron of j = 7499
     * takes it from 100,000 to 100,003, past the budget, at its statement.
     */
    @Test
    void nestedLoopsAreChargedAsTheyGrow() throws IOException {
        Path f = file(String.join("\n",
                "circuit k(a) -> y {",
                "    for i in 0..9999 {",
                "        for j in 0..9999 {",
                "            _t = nand(a, a)",
                "        }",
                "    }",
                "    y = a",
                "}", ""));
        CircuitException e = assertThrows(CircuitException.class, () -> Circuit.load(f, "k", new Sources(), new Limits(100_000)));
        Diagnostic d = e.diagnostics().get(0);
        assertTrue(d.message().startsWith("the design grows beyond its size budget of 100,000 units here;"), d.message());
        assertEquals(5, d.pos().line(), d.headline());
        assertEquals(List.of("in the iteration j = 7499 of this loop", "in the iteration i = 1 of this loop"),
                d.notes().stream().map(Diagnostic::message).toList());
    }

    /** A budget for nothing is no budget: the record refuses it (the command line says so as a usage error). */
    @Test
    void aBudgetIsAtLeastOneUnit() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(0));
    }
}
