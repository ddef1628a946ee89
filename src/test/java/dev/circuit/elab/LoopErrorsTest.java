package dev.circuit.elab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.circuit.Circuit;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error near a for loop is reported once, and the loop's outputs are not also called "never
 * driven": that second message would send the user to a line with nothing wrong on it.
 */
class LoopErrorsTest {
    private static final String NAND = "neuron nand(a, b) = step(-2*a - 2*b + 3)\n";

    private static List<String> errors(Path dir, String body) throws IOException {
        Path f = dir.resolve("k.net");
        Files.writeString(f, NAND + body);
        CircuitException e = assertThrows(CircuitException.class, () -> Circuit.load(f, "k", new Sources()));
        return e.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
    }

    @Test
    void anErrorBeforeALoopDoesNotMakeTheLoopsOutputsUndriven(@TempDir Path dir) throws IOException {
        List<String> errors = errors(dir, String.join("\n",
                "circuit k(a[2], b) -> (y[2], z) {",
                "    z = nand(a[0], bb)",
                "    for i in 0..1 {",
                "        y[i] = nand(a[i], b)",
                "    }",
                "}", ""));
        assertEquals(List.of("unknown signal 'bb'; did you mean 'b'?"), errors);
    }

    @Test
    void anErrorInsideALoopIsReportedOnceAndAlone(@TempDir Path dir) throws IOException {
        List<String> errors = errors(dir, String.join("\n",
                "circuit k(a[4], b) -> (y[4]) {",
                "    for i in 0..3 {",
                "        t = nand(a[i], b)",
                "        y[i] = nand(a[i] + b, t)",
                "    }",
                "}", ""));
        assertEquals(List.of("an argument must be a signal, a bus slice or a constant; give 'a[i] + b' its own"
                + " signal name and pass that"), errors);
    }

    @Test
    void anOutputTheLoopNeverDrivesIsStillReported(@TempDir Path dir) throws IOException {
        List<String> errors = errors(dir, String.join("\n",
                "circuit k(a[4], b) -> (y[4]) {",
                "    for i in 0..2 {",
                "        y[i] = nand(a[i], b)",
                "    }",
                "}", ""));
        assertEquals(List.of("bit 3 of output 'y' of circuit 'k' is never driven"), errors);
    }
}
