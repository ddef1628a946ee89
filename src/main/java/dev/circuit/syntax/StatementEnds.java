package dev.circuit.syntax;

import dev.circuit.syntax.gen.NetParser;
import java.util.ArrayDeque;

/**
 * The newline rule of {@link StatementTerminator}, on token types alone, so that the ANTLR parser
 * (through StatementTerminator) and the fast path ({@code FastParser}) end statements at the same
 * newlines: a newline ends a statement when the last token could end one (a name, a number, a
 * string, a learnable, a closing bracket) and no '(' or '[' is open. A '}' closes the brackets opened
 * since its '{', and a declaration keyword first on its line closes all of them (see
 * StatementTerminator for why).
 */
final class StatementEnds {
    /** Keywords that start a top-level declaration: never inside a bracket. */
    private static final int[] DECLARATIONS = {
        Literals.type("neuron"), Literals.type("circuit"), Literals.type("import"), Literals.type("test"), Literals.type("check")};

    /** The open brackets, innermost last: '(' and '[' (which hold newlines back) and '{'. */
    private final ArrayDeque<Integer> open = new ArrayDeque<>();
    /** How many of {@link #open} are '(' or '['. */
    private int depth;
    /** The type of the last token the parser was given, an inserted ';' included; 0 (ANTLR's invalid type) before any. */
    private int lastType;

    /** Whether a newline (or the end of the file) here ends a statement. */
    boolean newlineEnds() {
        return depth == 0 && endsStatement(lastType);
    }

    /** Records a token the parser is given (not a newline, not a comment): {@code inserted} for a ';' a newline became. */
    void given(int type, boolean inserted, int col) {
        lastType = type;
        if (inserted || type == Scanner.EOF) return;
        if (type == Literals.LPAREN || type == Literals.LBRACKET) {
            open.addLast(type);
            depth++;
        } else if (type == Literals.LBRACE) {
            open.addLast(type);
        } else if (type == Literals.RPAREN || type == Literals.RBRACKET) {
            // A stray closer (no bracket open) is the parser's to report; it changes nothing here.
            if (!open.isEmpty() && open.peekLast() != Literals.LBRACE) {
                open.removeLast();
                depth--;
            }
        } else if (type == Literals.RBRACE) {
            while (!open.isEmpty() && open.peekLast() != Literals.LBRACE) {
                open.removeLast();
                depth--;
            }
            if (!open.isEmpty()) open.removeLast();
        } else if (col == 0 && isDeclarationKeyword(type)) {
            open.clear();
            depth = 0;
        }
    }

    /** A declaration keyword: where a top-level declaration starts when it is first on its line. */
    static boolean isDeclarationKeyword(int type) {
        for (int d : DECLARATIONS) {
            if (d == type) return true;
        }
        return false;
    }

    private static boolean endsStatement(int type) {
        return type == NetParser.ID || type == NetParser.NUMBER || type == NetParser.STRING || type == NetParser.LEARNABLE
                || type == Literals.QUESTION || type == Literals.RPAREN || type == Literals.RBRACKET || type == Literals.RBRACE;
    }
}
