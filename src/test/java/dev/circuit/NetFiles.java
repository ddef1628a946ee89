package dev.circuit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.DiagnosticPrinter;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Elaborated;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the suites over folders of {@code .net} files share: finding the files, and the one verdict
 * a user cares about: the file is valid and every row of every test table in it holds. Failures are
 * reported as {@code circuit test} would print them, so a red build reads like the CLI.
 */
public final class NetFiles {
    private NetFiles() {}

    /** Every {@code .net} file under {@code root}, sorted, found by walking so new files join by themselves. */
    public static List<Path> under(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".net") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless {@code file} is valid, all its test tables pass, its default circuit elaborates
     * without warnings, and it has a test table (library files, named by path in {@code library},
     * may have none).
     */
    static void assertVerified(Path file, Set<Path> library) {
        Sources sources = new Sources();
        DiagnosticPrinter printer = new DiagnosticPrinter(sources);
        List<TestOutcome> outcomes;
        try {
            outcomes = TestRunner.run(file, sources);
        } catch (CircuitException e) {
            throw new AssertionError(file + " is invalid:\n" + render(printer, e.diagnostics()), e);
        }
        String failures = outcomes.stream().filter(o -> !o.passed())
                .map(o -> "FAIL " + o.name() + " (" + o.failed() + " of " + o.rows() + " rows)\n" + render(printer, o.failures()))
                .collect(Collectors.joining());
        if (!failures.isEmpty()) fail(file + " has failing test rows:\n" + failures);
        assertTrue(!outcomes.isEmpty() || library.contains(file),
                file + " has no test table; add one, or list it as a library file");
        assertNoWarnings(file, sources, printer);
    }

    /** An example that warns (an unused input, an unused signal) teaches a sloppy habit. */
    private static void assertNoWarnings(Path file, Sources sources, DiagnosticPrinter printer) {
        // A file of checks on imported circuits has no default circuit of its own to elaborate.
        dev.circuit.ast.SourceFile root = dev.circuit.elab.Loader.read(file, sources).root();
        if (root.decls(dev.circuit.ast.CircuitDecl.class).isEmpty() && root.decls(dev.circuit.ast.NeuronDecl.class).isEmpty()) return;
        dev.circuit.elab.Design e;
        try {
            e = Circuit.load(file, null, sources);
        } catch (CircuitException ex) {
            // A file whose default circuit is generic (adder_n<N>) can only be loaded with --top.
            if (ex.failure() == Failure.USAGE) return;
            throw new AssertionError(file + " does not elaborate:\n" + render(printer, ex.diagnostics()), ex);
        }
        if (!e.warnings().isEmpty()) fail(file + " elaborates with warnings:\n" + render(printer, e.warnings()));
    }

    static String render(DiagnosticPrinter printer, List<Diagnostic> ds) {
        return ds.stream().map(printer::render).collect(Collectors.joining());
    }
}
