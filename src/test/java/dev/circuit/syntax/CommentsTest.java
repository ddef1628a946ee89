package dev.circuit.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.circuit.ast.Comment;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import dev.circuit.print.AstShape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comments live on the hidden channel: they must change nothing the parser sees, newlines included. */
class CommentsTest {
    static final String WITH = "# head\n"
            + "neuron nand(a, b) = step(-2*a - 2*b + 3) # after a statement\n"
            + "// slashes\n"
            + "circuit xo(a, b) -> (y, z) { # after a brace\n"
            + "    y = nand(a, # inside an argument list\n"
            + "      b) # after a closing parenthesis\n"
            + "    z = a # after a name\n"
            + "    # before the closing brace\n"
            + "} # after the block\n"
            + "test xo { # t\n"
            + "    a b | y z # header\n"
            + "    1 1 | 0 1 # row\n"
            + "}\n";
    static final String WITHOUT = "neuron nand(a, b) = step(-2*a - 2*b + 3)\n"
            + "circuit xo(a, b) -> (y, z) {\n"
            + "    y = nand(a, b)\n"
            + "    z = a\n"
            + "}\n"
            + "test xo {\n"
            + "    a b | y z\n"
            + "    1 1 | 0 1\n"
            + "}\n";

    @Test
    void commentsAtLineEndsStillEndStatements() {
        Diagnostics d = new Diagnostics();
        SourceFile with = Syntax.parse("with.net", Path.of("with.net"), WITH, d);
        assertFalse(d.hasErrors(), d.all().toString());
        SourceFile without = Syntax.parse("without.net", Path.of("without.net"), WITHOUT, d);
        assertEquals(AstShape.of(without), AstShape.of(with));
    }

    @Test
    void commentsAreListedInOrderWithTheirPlace() {
        List<Comment> cs = Syntax.comments("f.net", WITH);
        assertEquals(12, cs.size());
        assertEquals(new Comment("# head", new Pos("f.net", 1, 1)), cs.get(0));
        assertEquals(new Comment("// slashes", new Pos("f.net", 3, 1)), cs.get(2));
        assertEquals(new Comment("# after a statement", new Pos("f.net", 2, 42)), cs.get(1));
    }
}
