package dev.circuit.syntax;

import dev.circuit.syntax.gen.NetParser;
import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/** Token types by their literal, and how tokens are named in messages. */
final class Tokens {
    // The parser's vocabulary, which is the lexer's: NetLexer, which deserialises its automaton when
    // loaded, is not loaded at all outside the tests (Scanner).
    private static final Vocabulary VOCAB = NetParser.VOCABULARY;
    private static final Map<String, Integer> BY_LITERAL = new HashMap<>();

    static {
        for (int i = 0; i <= VOCAB.getMaxTokenType(); i++) {
            String lit = VOCAB.getLiteralName(i);
            if (lit != null) BY_LITERAL.put(lit, i);
        }
    }

    private Tokens() {}

    /** The type of a literal token such as {@code "';'"} (quotes included, as ANTLR names it). */
    static int type(String literal) {
        Integer t = BY_LITERAL.get(literal);
        if (t == null) throw new IllegalStateException("no token " + literal + " in the grammar");
        return t;
    }

    /** How a token that was found is shown: {@code 'x'}, "end of line", "end of file". */
    static String describe(Token t) {
        if (t.getType() == Token.EOF) return "end of file";
        if (StatementTerminator.IMPLICIT.equals(t.getText())) return "end of line";
        String text = t.getText().replace("\n", "\\n");
        return "'" + text + "'";
    }

    /** How an expected token type is shown. */
    static String expected(int type) {
        if (type == Token.EOF) return "end of file";
        if (type == NetParser.ID) return "a name";
        if (type == NetParser.NUMBER) return "a number";
        if (type == NetParser.STRING) return "a string";
        if (type == NetParser.LEARNABLE) return "'?'";
        if (type == type("';'")) return "end of line";
        String lit = VOCAB.getLiteralName(type);
        return lit != null ? lit : VOCAB.getDisplayName(type);
    }
}
