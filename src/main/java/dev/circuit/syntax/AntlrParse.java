package dev.circuit.syntax;

import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.syntax.gen.NetParser;
import java.nio.file.Path;
import java.util.List;
import org.antlr.v4.runtime.TokenSource;

/**
 * The syntax stage by ANTLR's generated parser: every file the fast path ({@link FastParser}) gives
 * up on, so every syntax error, and circuit names from the command line. A class of its own so that
 * loading {@link Syntax} loads no ANTLR class (the JVM checks the types a method's code hands
 * around when it links the class that holds it).
 */
final class AntlrParse {
    private AntlrParse() {}

    /**
     * {@link Syntax#parse(String, Path, String, Diagnostics)} by ANTLR's parser from the {@link Scanner}'s
     * tokens, without the fast path: the reference FastParserTest holds the fast path to.
     */
    static SourceFile parse(String name, Path path, String text, Diagnostics diags) {
        return parse(name, path, text, diags, new ScannerSource(Syntax.lineFeeds(text), name));
    }

    /**
     * The same from the tokens of {@code lexer}, which reads {@code text} with {@link Syntax#lineFeeds}:
     * ScannerTest parses with ANTLR's generated lexer here, to hold the syntax errors of both to be the
     * same.
     */
    static SourceFile parse(String name, Path path, String text, Diagnostics diags, TokenSource lexer) {
        Diagnostics local = new Diagnostics();
        List<dev.circuit.ast.Decl> decls = List.of();
        Pos tooDeep = Syntax.tooDeep(name, text);
        if (tooDeep != null) {
            diags.error(tooDeep, "too deeply nested: brackets more than " + Syntax.MAX_NESTING + " levels deep (split the expression over"
                    + " several neurons or signals)");
            return new SourceFile(name, path, text, List.of());
        }
        try {
            NetParser parser = parser(name, text, lexer, local);
            AstBuilder builder = new AstBuilder(name, local);
            parser.addParseListener(new StatementPruner(builder, local, (StatementPruner.Stream) parser.getTokenStream()));
            NetParser.FileContext tree = parser.file();
            if (!local.hasErrors()) decls = builder.file(tree);
        } catch (StackOverflowError e) {
            // The parser and the AST builder recurse once per nesting level: thousands of '(' or
            // '-' in a row exhaust the stack. That is the file's fault, so it is a diagnostic.
            local.error(new dev.circuit.diag.Pos(name, 1, 1), "too deeply nested to read: brackets or an expression thousands"
                    + " of levels deep (split a very long sum over several neurons)");
        }
        diags.addAll(local.all());
        return new SourceFile(name, path, text, local.hasErrors() ? List.of() : decls);
    }

    /** {@link Syntax#parseCircuitRef}. */
    static CircuitRef circuitRef(String text) {
        Diagnostics local = new Diagnostics();
        NetParser parser = parser("--top", text, new ScannerSource(Syntax.lineFeeds(text), "--top"), local);
        NetParser.TopRefContext tree = parser.topRef();
        if (local.hasErrors()) {
            throw CircuitException.usage("'" + text + "' is not a circuit name (expected NAME or NAME<N,...>)");
        }
        CircuitRef ref = new AstBuilder("--top", local).topRef(tree);
        if (local.hasErrors()) throw new CircuitException(Failure.USAGE, local.all());
        return Syntax.onTheCommandLine(ref);
    }

    private static NetParser parser(String name, String text, TokenSource lexer, Diagnostics diags) {
        NetParser parser = new NetParser(new StatementPruner.Stream(new StatementTerminator(lexer)));
        parser.removeErrorListeners();
        parser.addErrorListener(new ErrorReporting.Collector(name, text, diags));
        parser.setErrorHandler(new ErrorReporting.Strategy());
        return parser;
    }
}
