package dev.circuit.syntax;

import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Comment;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.syntax.gen.NetParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.TokenSource;

/** The syntax stage: text in, AST out, every syntax error reported with its place. */
public final class Syntax {
    private Syntax() {}

    /**
     * Parses one file. Errors go to {@code diags}; when there are any, the returned file has no
     * declarations (the tree of a broken file is not worth elaborating).
     */
    public static SourceFile parse(String name, Path path, String text, Diagnostics diags) {
        return parse(name, path, text, diags, new ScannerSource(lineFeeds(text), name));
    }

    /**
     * {@link #parse(String, Path, String, Diagnostics)} from the tokens of {@code lexer}, which reads
     * {@code text} with {@link #lineFeeds}: ScannerTest parses with ANTLR's generated lexer here, to
     * hold the syntax errors of both to be the same.
     */
    static SourceFile parse(String name, Path path, String text, Diagnostics diags, TokenSource lexer) {
        Diagnostics local = new Diagnostics();
        List<dev.circuit.ast.Decl> decls = List.of();
        Pos tooDeep = tooDeep(name, text);
        if (tooDeep != null) {
            diags.error(tooDeep, "too deeply nested: brackets more than " + MAX_NESTING + " levels deep (split the expression over"
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

    /**
     * How deep brackets may nest: a limit of the language, like the 1000 levels of instances, so
     * whether a file reads does not depend on the size of a stack.
     */
    public static final int MAX_NESTING = 1000;

    /** The first bracket that opens level {@link #MAX_NESTING} + 1, skipping comments and strings; null if none. */
    private static Pos tooDeep(String name, String text) {
        int depth = 0;
        int line = 1;
        int col = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
                continue;
            }
            if (c == '#' || (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') || c == '"') {
                // A comment runs to the end of the line; a string ends on its line too.
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '\n' && !(c == '"' && text.charAt(j) == '"')) j++;
                col += j - i;
                i = j - 1;
                if (c == '"' && j < text.length() && text.charAt(j) == '"') {
                    i = j;
                    col++;
                }
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_NESTING) return new Pos(name, line, col);
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
            col++;
        }
        return null;
    }

    /** Parses a circuit name given on the command line, such as {@code adder_n<16>}. */
    public static CircuitRef parseCircuitRef(String text) {
        Diagnostics local = new Diagnostics();
        NetParser parser = parser("--top", text, new ScannerSource(lineFeeds(text), "--top"), local);
        NetParser.TopRefContext tree = parser.topRef();
        if (local.hasErrors()) {
            throw CircuitException.usage("'" + text + "' is not a circuit name (expected NAME or NAME<N,...>)");
        }
        CircuitRef ref = new AstBuilder("--top", local).topRef(tree);
        if (local.hasErrors()) throw new CircuitException(Failure.USAGE, local.all());
        // A name from the command line has no line to quote: messages about it say "--top: error: ...".
        return new CircuitRef(ref.name(), ref.args(), dev.circuit.diag.Pos.file("--top"));
    }

    /**
     * The comments of a file in order. The parser never sees them (they are on the hidden channel);
     * the printer puts them back.
     */
    public static List<Comment> comments(String name, String text) {
        Scanner s = new Scanner(text);
        List<Comment> out = new ArrayList<>();
        for (int t = s.next(); t != Scanner.EOF; t = s.next()) {
            if (t == NetParser.COMMENT) out.add(new Comment(s.text(s.start, s.end).stripTrailing(), new Pos(name, s.startLine, s.startCol + 1)));
        }
        return out;
    }

    /**
     * {@code text} with each '\r' that no '\n' follows made a '\n'. Lines are counted at '\n' only
     * (as ANTLR counts them), so a file with old Mac line ends ('\r' alone) would be reported as one
     * long line. Same length, so token offsets (used to write values back) hold. A loop: a regular
     * expression cost a short run milliseconds.
     */
    static String lineFeeds(String text) {
        if (text.indexOf('\r') < 0) return text;
        char[] cs = text.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            if (cs[i] == '\r' && (i + 1 == cs.length || cs[i + 1] != '\n')) cs[i] = '\n';
        }
        return new String(cs);
    }

    private static NetParser parser(String name, String text, TokenSource lexer, Diagnostics diags) {
        NetParser parser = new NetParser(new StatementPruner.Stream(new StatementTerminator(lexer)));
        parser.removeErrorListeners();
        parser.addErrorListener(new ErrorReporting.Collector(name, text, diags));
        parser.setErrorHandler(new ErrorReporting.Strategy());
        return parser;
    }
}
