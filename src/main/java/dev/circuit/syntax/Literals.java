package dev.circuit.syntax;

import java.util.HashMap;
import java.util.Map;

/**
 * The literal tokens of grammar/Net.g4 and their types, without ANTLR: the generated parser's
 * vocabulary written out ({@code ScannerTest} holds the two to be the same), because reading the
 * vocabulary itself initialises {@code NetParser}, which deserialises its automaton.
 */
final class Literals {
    private Literals() {}

    /**
     * The literal tokens of grammar/Net.g4 by type, as in the generated parser's vocabulary: type
     * {@code i} is {@code LITERAL_NAMES[i]}, null for a named rule's token.
     */
    static final String[] LITERAL_NAMES = {
        null, ";", "import", "neuron", "(", ")", "=", "circuit", "->", "test", "within", "{", "}", "check", "for", ":",
        ",", "<", ">", "[", "]", "wire", "feedback", "in", "..", "|", "-", "*", "/", "%", "+", "~", "<<", ">>", "&",
        "^", "<=", ">=", "==", "!=", "?"};

    /** The literal tokens of the grammar ({@code ;}, {@code ->}, {@code circuit}) by their text. */
    static final Map<String, Integer> BY_TEXT = new HashMap<>();

    static {
        for (int i = 0; i < LITERAL_NAMES.length; i++) {
            if (LITERAL_NAMES[i] != null) BY_TEXT.put(LITERAL_NAMES[i], i);
        }
    }

    /** The type of the literal token {@code text} ({@code "("}, {@code "circuit"}). */
    static int type(String text) {
        Integer t = BY_TEXT.get(text);
        if (t == null) throw new IllegalStateException("no token '" + text + "' in the grammar");
        return t;
    }

    // The types the fast path and the newline rule test for.
    static final int SEMI = type(";");
    static final int LPAREN = type("(");
    static final int RPAREN = type(")");
    static final int LBRACKET = type("[");
    static final int RBRACKET = type("]");
    static final int LBRACE = type("{");
    static final int RBRACE = type("}");
    static final int QUESTION = type("?");
}
