package dev.circuit.syntax;

import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import dev.circuit.syntax.gen.NetParser;
import java.util.LinkedHashSet;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery, with our wording: "unexpected 'x', expected a name" rather than ANTLR's
 * "mismatched input", and bad characters or unterminated strings named as such.
 */
final class ErrorReporting {
    private ErrorReporting() {}

    /** The strategy: ANTLR's recovery, our messages. */
    static final class Strategy extends DefaultErrorStrategy {
        @Override
        protected void reportNoViableAlternative(Parser p, NoViableAltException e) {
            p.notifyErrorListeners(e.getOffendingToken(), unexpected(p, e.getOffendingToken(), null) + continuation(p, e.getOffendingToken()), e);
        }

        @Override
        protected void reportInputMismatch(Parser p, InputMismatchException e) {
            report(p, e.getOffendingToken(), e.getExpectedTokens(), e);
        }

        /** The message for an unexpected token, placed at the line end when a bracket was left open there. */
        private static void report(Parser p, Token t, IntervalSet expected, RecognitionException e) {
            Token open = unclosedAtLineEnd(p, t, expected);
            if (open != null) {
                String l = list(expected);
                String bracket = expected.contains(Tokens.type("')'")) ? "'('" : "'['";
                p.notifyErrorListeners(open, bracket + " is still open at the end of this line: expected "
                        + (l == null ? "')'" : l) + " (found " + Tokens.describe(t) + " on the next line)", e);
                return;
            }
            p.notifyErrorListeners(t, unexpected(p, t, expected) + continuation(p, t), e);
        }

        @Override
        protected void reportUnwantedToken(Parser p) {
            if (inErrorRecoveryMode(p)) return;
            beginErrorCondition(p);
            report(p, p.getCurrentToken(), getExpectedTokens(p), null);
        }

        @Override
        protected void reportMissingToken(Parser p) {
            if (inErrorRecoveryMode(p)) return;
            beginErrorCondition(p);
            Token t = p.getCurrentToken();
            String l = list(getExpectedTokens(p));
            p.notifyErrorListeners(t, "missing " + (l == null ? "a token" : l) + " before " + Tokens.describe(t), null);
        }
    }

    private static final Set<String> KEYWORDS = Set.of("neuron", "circuit", "import", "test", "check", "wire", "for", "in", "within", "feedback");

    /** Operators that cannot start a statement: found first on a line, they were meant to continue the line above. */
    private static final Set<String> CONTINUING = Set.of("+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=",
            "&", "|", "^", "<<", ">>", "?", ":", ",", "..");

    /**
     * A hint when a newline ended a statement the user meant to go on: an operator opening the next
     * line (a long line must break after an operator, not before), or a '{' on a line of its own.
     */
    static String continuation(Parser p, Token t) {
        // "circuit c(a) -> y" then "{" on the next line: the newline already ended the header.
        if (StatementTerminator.IMPLICIT.equals(t.getText()) && t.getTokenIndex() >= 0
                && "{".equals(tokenAt(p, t.getTokenIndex() + 1).getText())) {
            return "; put the '{' at the end of this line, not on the next one";
        }
        if (!CONTINUING.contains(t.getText()) || t.getTokenIndex() < 1) return "";
        Token before = tokenAt(p, t.getTokenIndex() - 1);
        if (!StatementTerminator.IMPLICIT.equals(before.getText())) return "";
        return "; the line above ended the statement: to continue it, break the line after an operator, not before";
    }

    /**
     * When a closing bracket is expected but the offending token opens a later line, the bracket was
     * most likely forgotten at the end of the line before: returns a token placed just after that
     * line's last token, where the message should point. Null otherwise.
     */
    private static Token unclosedAtLineEnd(Parser p, Token t, IntervalSet expected) {
        if (expected == null || t.getTokenIndex() < 1) return null;
        if (!expected.contains(Tokens.type("')'")) && !expected.contains(Tokens.type("']'"))) return null;
        Token prev = tokenAt(p, t.getTokenIndex() - 1);
        if (prev.getLine() >= t.getLine() || StatementTerminator.IMPLICIT.equals(prev.getText())) return null;
        org.antlr.v4.runtime.CommonToken at = new org.antlr.v4.runtime.CommonToken(prev);
        at.setCharPositionInLine(prev.getCharPositionInLine() + prev.getText().length());
        return at;
    }

    /** Token {@code i} of the stream, read ahead if the parser has not fetched it yet (get(i) alone would throw). */
    private static Token tokenAt(Parser p, int i) {
        org.antlr.v4.runtime.TokenStream ts = p.getTokenStream();
        return i < ts.index() ? ts.get(i) : ts.LT(i - ts.index() + 1);
    }

    static String unexpected(Parser p, Token t, IntervalSet expected) {
        if (t.getType() == NetParser.ERRCHAR) return "unexpected character " + Tokens.describe(t);
        if (t.getType() == NetParser.BAD_STRING) return "unterminated string: add the closing '\"'";
        if (expected != null && expected.contains(NetParser.ID) && KEYWORDS.contains(t.getText())) {
            return "'" + t.getText() + "' is a keyword; it cannot be used as a name";
        }
        Token before = p.getInputStream().LT(-1);
        if (before != null && before.getText().equals("?") && t.getType() == NetParser.NUMBER) {
            return "a learnable's starting value follows '?' without a space: write '?" + t.getText() + "'";
        }
        if (DECLARATIONS.contains(t.getText()) && inBody(p)) {
            return "unexpected '" + t.getText() + "' inside a circuit's body: a " + t.getText()
                    + " is written at the top level of the file, after the circuit's closing '}'";
        }
        String prevHint = bitsOfPrev(p, t);
        if (prevHint != null) return prevHint;
        if ("=".equals(t.getText()) && inCheck(p, t)) {
            return "unexpected '=' in a check, which compares: did you mean '=='?";
        }
        String msg = "unexpected " + Tokens.describe(t);
        if (expected != null && !expected.isNil()) {
            String l = list(expected);
            if (l != null) msg += ", expected " + l;
        }
        return msg;
    }

    /** Words that start a declaration: written at the top level only. */
    private static final Set<String> DECLARATIONS = Set.of("neuron", "circuit", "import", "test", "check");

    /** Whether the parser is inside a circuit's body (or a loop's, which is inside one). */
    private static boolean inBody(Parser p) {
        for (org.antlr.v4.runtime.RuleContext c = p.getContext(); c != null; c = c.parent) {
            if (c.getRuleIndex() == NetParser.RULE_block) return true;
        }
        return false;
    }

    /**
     * {@code prev(q)[7]}: bits are selected from a name, not from prev's value, so the index goes
     * inside, {@code prev(q[7])}. Null unless {@code t} is a '[' right after such a call.
     */
    private static String bitsOfPrev(Parser p, Token t) {
        if (!"[".equals(t.getText()) || t.getTokenIndex() < 4) return null;
        int i = t.getTokenIndex() - 1;
        if (!")".equals(tokenAt(p, i).getText())) return null;
        int depth = 0;
        for (; i >= 0; i--) {
            Token u = tokenAt(p, i);
            // Let go of by the pruner (StatementPruner): in a block, the statement ended at the ')' and
            // its tokens are gone, so whether it was prev(...) cannot be told; the plain message stands.
            if (u == null) return null;
            String x = u.getText();
            if (x.equals(")")) depth++;
            else if (x.equals("(") && --depth == 0) break;
        }
        if (i < 1 || tokenAt(p, i - 1) == null || !"prev".equals(tokenAt(p, i - 1).getText())) return null;
        boolean oneName = t.getTokenIndex() - i == 3 && tokenAt(p, i + 1).getType() == NetParser.ID;
        int at = t.getTokenIndex();
        String index = "]".equals(tokenAt(p, at + 2).getText()) ? tokenAt(p, at + 1).getText() : "...";
        String example = oneName ? "prev(" + tokenAt(p, i + 1).getText() + "[" + index + "])" : "prev(x[" + index + "])";
        return "unexpected '[' after prev(...): select the bits inside it, as in " + example;
    }

    /**
     * Whether {@code t} is in a check: the statement it is in (back to the last statement end)
     * starts with 'check'. The parser's own context does not say: a check ends where its expression
     * does, so the '=' of {@code check c: sum = a + b} is already outside it.
     */
    private static boolean inCheck(Parser p, Token t) {
        int sep = Tokens.type("';'");
        Token first = null;
        for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
            Token u = tokenAt(p, i);
            // A token the pruner has let go of (StatementPruner) ended a statement of a block, which
            // the parser took as complete before it met t ('y = a' of 'y = a=b'): no check is in a block.
            if (u == null) return false;
            if (u.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (u.getType() == sep) break;
            first = u;
        }
        return first != null && "check".equals(first.getText());
    }

    /** "a name", "'(' or ','"; null when the set is too large to help. */
    private static String list(IntervalSet set) {
        Set<String> names = new LinkedHashSet<>();
        for (int type : set.toArray()) names.add(Tokens.expected(type));
        if (names.isEmpty() || names.size() > 5) return null;
        String[] ns = names.toArray(String[]::new);
        if (ns.length == 1) return ns[0];
        return String.join(", ", java.util.Arrays.copyOf(ns, ns.length - 1)) + " or " + ns[ns.length - 1];
    }

    /** Sends every syntax error into the stage's diagnostics. */
    static final class Collector extends BaseErrorListener {
        private final String file;
        private final String text;
        private final Diagnostics diags;

        Collector(String file, String text, Diagnostics diags) {
            this.file = file;
            this.text = text;
            this.diags = diags;
        }

        private int lastLine = -1;
        private int lastDeclaration = Integer.MIN_VALUE;

        /**
         * One error per declaration: after the first point where a declaration stopped making sense,
         * ANTLR's recovery guesses at where it resumes, and what it trips on next (the next line, the
         * next 'circuit') is a consequence, not another mistake. Declarations are told apart by
         * their keyword at the start of a line, so a declaration the parser lost track of still
         * counts as one. Each other declaration's first error is reported.
         */
        @Override
        public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg, RecognitionException e) {
            if (line == lastLine) return;
            if (r instanceof Parser p && offending instanceof Token t && t.getTokenIndex() >= 0) {
                int declaration = declarationOf(p, t);
                if (declaration == lastDeclaration) return;
                lastDeclaration = declaration;
            }
            lastLine = line;
            Pos at = new Pos(file, line, col + 1);
            if (offending instanceof Token t && t.getType() == Token.EOF) at = endOfLastLine();
            diags.error(at, msg);
        }

        /**
         * The token index of the keyword that starts the declaration {@code t} is in; -1 before the
         * first. Errors come in file order, so the scan back stops at the last error's declaration:
         * a file full of errors is still read in linear time.
         */
        private int declarationOf(Parser p, Token t) {
            int stop = Math.max(lastDeclaration, 0);
            for (int i = t.getTokenIndex(); i >= stop; i--) {
                Token u = tokenAt(p, i);
                if (u != null && StatementTerminator.startsDeclaration(u)) return i;
            }
            return lastDeclaration == Integer.MIN_VALUE ? -1 : lastDeclaration;
        }

        /** Where "end of file" is shown: just after the last non-blank line, not on an empty line. */
        private Pos endOfLastLine() {
            String[] lines = text.split("\r\n|\r|\n", -1);
            int n = lines.length;
            while (n > 1 && lines[n - 1].isBlank()) n--;
            return new Pos(file, n, lines[n - 1].stripTrailing().length() + 1);
        }
    }
}
