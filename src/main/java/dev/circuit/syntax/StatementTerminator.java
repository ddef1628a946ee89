package dev.circuit.syntax;

import dev.circuit.syntax.gen.NetParser;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Turns newlines into statement ends, the way Go does: a newline becomes ';' when the last token
 * could end a statement (a name, a number, a string, a learnable, a closing bracket) and no '(' or
 * '[' is open. Other newlines vanish. So a line ending in an operator or a comma continues, and
 * arguments may spread over several lines.
 *
 * <p>A '(' or '[' left open must not swallow the rest of the file: every later newline would vanish
 * and the parser would report its confusion lines further on (at the next 'circuit', say), not
 * where the text stopped making sense. So a '}' closes the brackets opened since its '{', and a
 * keyword that starts a declaration at the beginning of a line closes all of them.
 */
final class StatementTerminator implements TokenSource {
    /** Display text of an inserted ';' in messages. */
    static final String IMPLICIT = "<end of line>";

    private final TokenSource lexer;
    private final int semi;
    /** The open brackets, innermost last: '(' and '[' (which hold newlines back) and '{'. */
    private final java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    /** How many of {@link #open} are '(' or '['. */
    private int depth;
    private int lastType = Token.INVALID_TYPE;
    private Token pending;

    StatementTerminator(TokenSource lexer) {
        this.lexer = lexer;
        this.semi = Tokens.type("';'");
    }

    @Override
    public Token nextToken() {
        if (pending != null) {
            Token t = pending;
            pending = null;
            return remember(t);
        }
        while (true) {
            Token t = lexer.nextToken();
            // Comments (hidden channel) pass through but do not count as the line's last token:
            // "x = nand(a, b)  # why" must still end its statement.
            if (t.getChannel() != Token.DEFAULT_CHANNEL) return t;
            int type = t.getType();
            if (type == NetParser.NL) {
                if (depth == 0 && endsStatement(lastType)) return remember(implicitSemi(t));
                continue;
            }
            if (type == Token.EOF && depth == 0 && endsStatement(lastType)) {
                pending = t;
                return remember(implicitSemi(t));
            }
            track(t);
            return remember(t);
        }
    }

    private void track(Token t) {
        int type = t.getType();
        if (type == Tokens.type("'('") || type == Tokens.type("'['")) {
            open.addLast(type);
            depth++;
        } else if (type == Tokens.type("'{'")) {
            open.addLast(type);
        } else if (type == Tokens.type("')'") || type == Tokens.type("']'")) {
            // A stray closer (no bracket open) is the parser's to report; it changes nothing here.
            if (!open.isEmpty() && open.peekLast() != Tokens.type("'{'")) {
                open.removeLast();
                depth--;
            }
        } else if (type == Tokens.type("'}'")) {
            while (!open.isEmpty() && open.peekLast() != Tokens.type("'{'")) {
                open.removeLast();
                depth--;
            }
            if (!open.isEmpty()) open.removeLast();
        } else if (startsDeclaration(t)) {
            open.clear();
            depth = 0;
        }
    }

    /** A declaration keyword first on its line: where a top-level declaration starts. */
    static boolean startsDeclaration(Token t) {
        return t.getCharPositionInLine() == 0 && DECLARATIONS.contains(t.getText());
    }

    /** Keywords that start a top-level declaration: never inside a bracket. */
    static final java.util.Set<String> DECLARATIONS = java.util.Set.of("neuron", "circuit", "import", "test", "check");

    private Token remember(Token t) {
        lastType = t.getType();
        return t;
    }

    private Token implicitSemi(Token at) {
        CommonToken t = new CommonToken(at);
        t.setType(semi);
        t.setText(IMPLICIT);
        return t;
    }

    private static boolean endsStatement(int type) {
        return type == NetParser.ID || type == NetParser.NUMBER || type == NetParser.STRING
                || type == NetParser.LEARNABLE || type == Tokens.type("'?'")
                || type == Tokens.type("')'") || type == Tokens.type("']'") || type == Tokens.type("'}'");
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
