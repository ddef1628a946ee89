package dev.circuit.syntax;

import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.syntax.gen.NetLexer;
import dev.circuit.syntax.gen.NetParser;
import java.nio.file.Path;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** The syntax stage: text in, AST out, every syntax error reported with its place. */
public final class Syntax {
    private Syntax() {}

    /**
     * Parses one file. Errors go to {@code diags}; when there are any, the returned file has no
     * declarations (the tree of a broken file is not worth elaborating).
     */
    public static SourceFile parse(String name, Path path, String text, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        List<dev.circuit.ast.Decl> decls = List.of();
        try {
            NetParser parser = parser(name, text, local);
            NetParser.FileContext tree = parser.file();
            if (!local.hasErrors()) decls = new AstBuilder(name, local).file(tree);
        } catch (StackOverflowError overflow) {
            // The parser and the tree walk recurse once per nesting level (and per term of a sum).
            local.error(dev.circuit.diag.Pos.file(name), "too deeply nested to read: brackets or an expression"
                    + " thousands of levels deep (split a very long sum over several neurons)");
        }
        diags.addAll(local.all());
        return new SourceFile(name, path, text, local.hasErrors() ? List.of() : decls);
    }

    /** Parses a circuit name given on the command line, such as {@code adder_n<16>}. */
    public static CircuitRef parseCircuitRef(String text) {
        Diagnostics local = new Diagnostics();
        NetParser parser = parser("--top", text, local);
        NetParser.TopRefContext tree = parser.topRef();
        if (local.hasErrors()) {
            throw CircuitException.usage("'" + text + "' is not a circuit name (expected NAME or NAME<N,...>)");
        }
        CircuitRef ref = new AstBuilder("--top", local).topRef(tree);
        if (local.hasErrors()) throw new CircuitException(Failure.USAGE, local.all());
        // A name from the command line has no line to quote: messages about it say "--top: error: ...".
        return new CircuitRef(ref.name(), ref.args(), dev.circuit.diag.Pos.file("--top"));
    }

    private static NetParser parser(String name, String text, Diagnostics diags) {
        NetLexer lexer = new NetLexer(CharStreams.fromString(text, name));
        lexer.removeErrorListeners();
        NetParser parser = new NetParser(new CommonTokenStream(new StatementTerminator(lexer)));
        parser.removeErrorListeners();
        parser.addErrorListener(new ErrorReporting.Collector(name, diags));
        parser.setErrorHandler(new ErrorReporting.Strategy());
        return parser;
    }
}
