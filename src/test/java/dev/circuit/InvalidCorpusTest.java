package dev.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.DiagnosticPrinter;
import dev.circuit.diag.Sources;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error corpus: every file in {@code src/test/resources/invalid/} states the diagnostics it must
 * produce, exactly and in order, as comments:
 * <pre>
 * # expect: 4:16: error: unknown signal 'q'      (line:col: severity: message, of this file)
 * # expect: lib/nand.net:2:8: note: ...          (a place in an imported file, relative to the folder)
 * # expect-exit: 3                                (the exit code the failure maps to; 0 = loads fine)
 * # run: test                                     (run the file's test tables, not just load it)
 * </pre>
 * Notes follow the diagnostic they belong to. A file whose messages change must be updated on
 * purpose: these messages are what users read.
 */
class InvalidCorpusTest {
    private static final String EXPECT = "# expect: ";
    private static final String EXPECT_EXIT = "# expect-exit: ";

    static Path folder() throws URISyntaxException {
        return Path.of(InvalidCorpusTest.class.getResource("/invalid").toURI());
    }

    static Stream<String> files() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(folder())) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".net")).sorted().toList();
            return names.stream();
        }
    }

    /** What running one corpus file produced. */
    record Outcome(List<Diagnostic> diagnostics, int exit) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void diagnosticsAreExactlyTheExpectedOnes(String name) throws Exception {
        Path file = folder().resolve(name);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> expected = lines.stream().filter(l -> l.startsWith(EXPECT)).map(l -> l.substring(EXPECT.length())).toList();
        boolean asTest = lines.contains("# run: test");
        int expectedExit = lines.stream().filter(l -> l.startsWith(EXPECT_EXIT))
                .map(l -> Integer.parseInt(l.substring(EXPECT_EXIT.length()).trim())).findFirst()
                .orElse(expected.stream().anyMatch(e -> e.contains(": error: ")) ? 3 : 0);
        assertFalse(expected.isEmpty(), name + " states no '# expect:' line; every corpus file must pin its messages");

        Sources sources = new Sources();
        Outcome got = run(file, asTest, sources);

        List<String> headlines = new ArrayList<>();
        for (Diagnostic d : got.diagnostics()) {
            headlines.add(relative(d, file));
            for (Diagnostic n : d.notes()) headlines.add(relative(n, file));
        }
        assertEquals(String.join("\n", expected), String.join("\n", headlines), name + ": diagnostics");
        assertEquals(expectedExit, got.exit(), name + ": exit code");

        // The rendered first error quotes its source line with a caret under the reported column.
        Diagnostic first = got.diagnostics().stream().filter(Diagnostic::isError).findFirst()
                .orElse(got.diagnostics().isEmpty() ? null : got.diagnostics().get(0));
        if (first == null) return;
        assertTrue(first.pos().hasLine(), name + ": the first diagnostic has no line: " + first.headline());
        String rendered = new DiagnosticPrinter(sources).render(first);
        String sourceLine = Files.readAllLines(Path.of(first.pos().file()), StandardCharsets.UTF_8).get(first.pos().line() - 1);
        String[] out = rendered.split("\n");
        assertEquals(first.headline(), out[0], name + ": rendered headline");
        assertEquals("    " + sourceLine, out[1], name + ": rendered source line");
        assertEquals("    " + " ".repeat(first.pos().col() - 1) + "^", out[2], name + ": caret");
    }

    private static Outcome run(Path file, boolean asTest, Sources sources) {
        try {
            if (asTest) {
                List<TestOutcome> outcomes = TestRunner.run(file, sources);
                List<Diagnostic> failures = outcomes.stream().flatMap(o -> o.failures().stream()).toList();
                return new Outcome(failures, outcomes.stream().allMatch(TestOutcome::passed) ? 0 : 1);
            }
            return new Outcome(Circuit.load(file, null, sources).warnings(), 0);
        } catch (CircuitException e) {
            return new Outcome(e.diagnostics(), e.failure().exitCode);
        }
    }

    /**
     * A headline without the corpus file's own name ("4:16: error: ..."); other files, at the start or
     * inside the message, keep their path within the corpus folder ("lib/nand.net").
     */
    private static String relative(Diagnostic d, Path file) throws URISyntaxException {
        String h = d.headline();
        String own = file.toString() + ":";
        if (h.startsWith(own)) h = h.substring(own.length());
        return h.replace(folder().toString() + java.io.File.separator, "");
    }

    /** The corpus covers what it promises: guards against a resource folder that silently went missing. */
    @Test
    void corpusIsThere() throws Exception {
        assertTrue(files().count() >= 30, "expected the whole corpus in " + folder());
    }
}
