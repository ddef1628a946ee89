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
    private final StatementEnds ends = new StatementEnds();
    private Token pending;

    StatementTerminator(TokenSource lexer) {
        this.lexer = lexer;
    }

    @Override
    public Token nextToken() {
        if (pending != null) {
            Token t = pending;
            pending = null;
            return given(t, false);
        }
        while (true) {
            Token t = lexer.nextToken();
            // Comments (hidden channel) pass through but do not count as the line's last token:
            // "x = nand(a, b)  # why" must still end its statement.
            if (t.getChannel() != Token.DEFAULT_CHANNEL) return t;
            int type = t.getType();
            if (type == NetParser.NL) {
                if (ends.newlineEnds()) return given(implicitSemi(t), true);
                continue;
            }
            if (type == Token.EOF && ends.newlineEnds()) {
                pending = t;
                return given(implicitSemi(t), true);
            }
            return given(t, false);
        }
    }

    private Token given(Token t, boolean inserted) {
        ends.given(t.getType(), inserted, t.getCharPositionInLine());
        return t;
    }

    /** A declaration keyword first on its line: where a top-level declaration starts. */
    static boolean startsDeclaration(Token t) {
        return t.getCharPositionInLine() == 0 && StatementEnds.isDeclarationKeyword(t.getType());
    }

    private Token implicitSemi(Token at) {
        CommonToken t = new CommonToken(at);
        t.setType(Literals.SEMI);
        t.setText(IMPLICIT);
        return t;
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
