package dev.circuit.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.ast.SourceFile;
import dev.circuit.diag.Diagnostics;
import dev.circuit.syntax.Syntax;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {
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

    /** Two statements joined by ';' after a blank line: one blank line before them, none between, and they align. */
    @Test
    void statementsAfterASemicolonStayTogether() {
        assertEquals("circuit c(a) -> (x, yy) {\n    wire w\n\n    x  = a\n    yy = a\n}\n",
                format("circuit c(a) -> (x, yy) {\n    wire w\n\n    x = a; yy = a\n}\n"));
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
}
