package dev.circuit.syntax;

import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Comment;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import dev.circuit.syntax.gen.NetParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The syntax stage: text in, AST out, every syntax error reported with its place. */
public final class Syntax {
    private Syntax() {}

    /**
     * Parses one file. Errors go to {@code diags}; when there are any, the returned file has no
     * declarations (the tree of a broken file is not worth elaborating).
     */
    public static SourceFile parse(String name, Path path, String text, Diagnostics diags) {
        // The fast path first: a valid file is read without ANTLR (FastParser); on anything else it
        // gives up and ANTLR's parser reads the file, with every message as it always was.
        List<dev.circuit.ast.Decl> decls = fast(name, text);
        return decls != null ? new SourceFile(name, path, text, decls) : AntlrParse.parse(name, path, text, diags);
    }

    /** The declarations of {@code text} by the fast path, null when it gives up; never past the nesting limit, which only ANTLR's path reports. */
    static List<dev.circuit.ast.Decl> fast(String name, String text) {
        return tooDeep(name, text) == null ? FastParser.parse(name, lineFeeds(text)) : null;
    }

    /**
     * How deep brackets may nest: a limit of the language, like the 1000 levels of instances, so
     * whether a file reads does not depend on the size of a stack.
     */
    public static final int MAX_NESTING = 1000;

    /** The first bracket that opens level {@link #MAX_NESTING} + 1, skipping comments and strings; null if none. */
    static Pos tooDeep(String name, String text) {
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
        // The fast path first, as for files; ANTLR's parser says what is wrong with a name it gives up on.
        CircuitRef ref = FastParser.topRef("--top", lineFeeds(text));
        return ref != null ? onTheCommandLine(ref) : AntlrParse.circuitRef(text);
    }

    /** {@code ref} placed on the command line: it has no line to quote, so messages about it say "--top: error: ...". */
    static CircuitRef onTheCommandLine(CircuitRef ref) {
        return new CircuitRef(ref.name(), ref.args(), Pos.file("--top"));
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
}
