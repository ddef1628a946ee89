package dev.circuit.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.ast.Comment;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.Diagnostics;
import dev.circuit.syntax.Syntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PrinterTest {
    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("circuits"))) {
            return s.filter(p -> p.toString().endsWith(".net")).sorted().toList().stream();
        }
    }

    /** Print then parse gives the same AST, the same comments in the same order, and printing again changes nothing. */
    @ParameterizedTest
    @MethodSource("corpus")
    void printingKeepsTheAstAndTheComments(Path file) throws IOException {
        String text = Files.readString(file);
        String printed = format(text);
        assertEquals(AstShape.of(parse(text)), AstShape.of(parse(printed)), printed);
        assertEquals(texts(Syntax.comments("a", text)), texts(Syntax.comments("b", printed)), printed);
        assertEquals(printed, format(printed), "the canonical layout is a fixed point");
    }

    @Test
    void messyLayoutBecomesCanonicalWithCommentsInPlace() {
        String messy = "# head\n"
                + "neuron nand(a,b)=step( -2*a-2 * b+3 ) # trailing\n"
                + "// about xo\n"
                + "circuit xo(a, b) -> y { # open\n"
                + "  g = nand(a, # mid\n"
                + "      b) # t2\n"
                + "\n\n\n"
                + "  y=nand(g,(g))\n"
                + "    # before close\n"
                + "} # close\n"
                + "test xo within 0.50 {  a b | y # hdr\n"
                + "  1 1 | 0 # r\n"
                + "  0 X | 0x1\n"
                + "}\n";
        String canonical = "# head\n"
                + "neuron nand(a, b) = step(-2*a - 2*b + 3)  # trailing\n"
                + "\n"
                + "// about xo\n"
                + "circuit xo(a, b) -> y {  # open\n"
                + "    # mid\n"
                + "    g = nand(a, b)  # t2\n"
                + "\n"
                + "    y = nand(g, (g))\n"
                + "    # before close\n"
                + "}  # close\n"
                + "\n"
                + "test xo within 0.50 {\n"
                + "    a b | y  # hdr\n"
                + "    1 1 | 0  # r\n"
                + "    0 X | 0x1\n"
                + "}\n";
        assertEquals(canonical, format(messy));
        assertEquals(AstShape.of(parse(messy)), AstShape.of(parse(canonical)));
    }

    @Test
    void assignmentsAlignInRunsBrokenByBlankLinesAndComments() {
        String text = "circuit c(a) -> (x, long_name, y, z) {\n"
                + "    x = a\n    long_name = a\n\n    y = a\n    # z next\n    z = a\n}\n";
        assertEquals("circuit c(a) -> (x, long_name, y, z) {\n"
                + "    x         = a\n    long_name = a\n\n    y = a\n    # z next\n    z = a\n}\n", format(text));
    }

    /** Random ASTs: printing one and parsing the text gives it back, node for node. */
    @Test
    void randomAstsSurvivePrintingAndParsing() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SourceFile ast = new RandomAst(seed).file();
            String printed = Printer.print(ast, List.of());
            assertEquals(AstShape.of(ast), AstShape.of(parse(printed)), printed);
        });
    }

    static String format(String text) {
        return Printer.print(parse(text), Syntax.comments("t.net", text));
    }

    static SourceFile parse(String text) {
        Diagnostics d = new Diagnostics();
        SourceFile f = Syntax.parse("t.net", Path.of("t.net"), text, d);
        assertFalse(d.hasErrors(), d.all() + "\n" + text);
        return f;
    }

    private static List<String> texts(List<Comment> cs) {
        return cs.stream().map(Comment::text).toList();
    }
}
