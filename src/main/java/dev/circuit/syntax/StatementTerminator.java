package dev.circuit.syntax;

import dev.circuit.syntax.gen.NetLexer;
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
 */
final class StatementTerminator implements TokenSource {
    /** Display text of an inserted ';' in messages. */
    static final String IMPLICIT = "<end of line>";

    private final NetLexer lexer;
    private final int semi;
    private int depth;
    private int lastType = Token.INVALID_TYPE;
    private Token pending;

    StatementTerminator(NetLexer lexer) {
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
            if (type == NetLexer.NL) {
                if (depth == 0 && endsStatement(lastType)) return remember(implicitSemi(t));
                continue;
            }
            if (type == Token.EOF && depth == 0 && endsStatement(lastType)) {
                pending = t;
                return remember(implicitSemi(t));
            }
            if (type == Tokens.type("'('") || type == Tokens.type("'['")) depth++;
            if ((type == Tokens.type("')'") || type == Tokens.type("']'")) && depth > 0) depth--;
            return remember(t);
        }
    }

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
        return type == NetLexer.ID || type == NetLexer.NUMBER || type == NetLexer.STRING
                || type == NetLexer.LEARNABLE || type == Tokens.type("'?'")
                || type == Tokens.type("')'") || type == Tokens.type("']'") || type == Tokens.type("'}'");
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
