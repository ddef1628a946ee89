package dev.circuit.print;

import static dev.circuit.print.PrinterTest.format;
import static dev.circuit.print.PrinterTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.ast.Comment;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.Diagnostics;
import dev.circuit.syntax.Syntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code circuit fmt} is a fixed point: formatting formatted text changes nothing, and formatting
 * never changes what a file says. Held over every .net file the project has and over random ASTs
 * laid out again as people write them ({@link Relayout}).
 */
class FmtIdempotenceTest {
    /**
     * Every .net file of the examples, the docs and the test resources that reads: the corpora of
     * invalid files hold elaboration errors (which fmt does not care about) beside syntax errors (which
     * it refuses), so those two folders contribute the files that parse.
     */
    static List<Path> corpus() {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("circuits", "docs", "src/test/resources")) {
            for (Path p : netFiles(Path.of(root))) {
                boolean mayBeBroken = p.toString().contains("invalid");
                if (!mayBeBroken || parses(p)) files.add(p);
            }
        }
        return files;
    }

    @Test
    void theCorpusIsTheWholeProject() {
        List<Path> files = corpus();
        // The examples (circuits/, docs/) and most of the invalid corpus: a walk that found nothing would pass everything.
        assertTrue(files.stream().filter(p -> p.startsWith("circuits")).count() >= 40, files.toString());
        assertTrue(files.stream().filter(p -> p.startsWith("docs")).count() >= 6, files.toString());
        assertTrue(files.stream().filter(p -> p.toString().contains("invalid")).count() >= 40, files.toString());
    }

    /** Format twice: the same text; the formatted file says what the original said, with the same comments. */
    @ParameterizedTest
    @MethodSource("corpus")
    void formattingTheProjectsFilesIsAFixedPoint(Path file) throws IOException {
        assertFixedPoint(Files.readString(file));
    }

    /**
     * Random ASTs, printed, laid out again (split lines, comments, blank lines, ';', CRLF), then
     * formatted: once is enough. The seed is the counterexample (Relayout and RandomAst both take it).
     */
    @Test
    void formattingRandomLayoutsIsAFixedPoint() {
        qt().withExamples(1500).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            SourceFile ast = new RandomAst(seed).file();
            String messy = Relayout.of(Printer.print(ast, List.of()), seed);
            assertEquals(AstShape.of(ast), AstShape.of(parse(messy)), "the relayout changed the meaning:\n" + messy);
            assertFixedPoint(messy);
        });
    }

    /** Shrunk cases the random property found, kept as examples. */
    @Test
    void anAssignmentSplitAfterItsEqualsSignAlignsOnTheFirstPass() {
        assertFixedPoint("circuit c(a) -> (y, zz) {\n    y =\n        a\n    zz = a\n}\n");
        assertEquals("circuit c(a) -> (y, zz) {\n    y  = a\n    zz = a\n}\n",
                format("circuit c(a) -> (y, zz) {\n    y =\n        a\n    zz = a\n}\n"));
    }

    static void assertFixedPoint(String text) {
        String once = format(text);
        assertEquals(AstShape.of(parse(text)), AstShape.of(parse(once)), "formatting changed the meaning:\n" + once);
        assertEquals(texts(text), texts(once), "formatting lost or reordered comments:\n" + once);
        assertEquals(once, format(once), "formatting the formatted text changed it; the input was:\n" + text);
    }

    private static List<String> texts(String text) {
        return Syntax.comments("t.net", text).stream().map(Comment::text).toList();
    }

    private static boolean parses(Path p) {
        try {
            Diagnostics d = new Diagnostics();
            Syntax.parse("t.net", p, Files.readString(p), d);
            return !d.hasErrors();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> netFiles(Path root) {
        return dev.circuit.NetFiles.under(root);
    }
}
