package dev.circuit.syntax;

import dev.circuit.syntax.gen.NetParser;

/**
 * The lexer rules of grammar/Net.g4, scanned by hand. ANTLR's generated lexer ({@code NetLexer})
 * deserialises its automaton and then simulates it, building its DFA as it goes; a short run pays
 * all of that cold, in the interpreter, for a file of a few hundred characters: without it,
 * {@code circuit eval} of the half adder takes about 15% less CPU time (docs/BENCHMARKS.md,
 * "Start-up").
 *
 * <p>The grammar stays the definition of the language. Token types come from its vocabulary, and
 * {@code ScannerTest} holds this scanner to {@code NetLexer} token by token (type, channel, text,
 * offsets, line and column) on every .net file of the repository and on random and mutated text, and
 * holds the syntax errors of a parse with either to be the same. The rules, and ANTLR's choice
 * between them (the longest match; between matches of one length, the rule written first, and the
 * literal tokens come before all named rules):
 *
 * <pre>
 * NUMBER     DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? | '0' [xX] [0-9a-fA-F_]+ | '0' [bB] [01_]+
 * LEARNABLE  '?' '-'? DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)?
 * ID         [A-Za-z_] [A-Za-z0-9_]*          (a keyword when the whole name is one)
 * STRING     '"' (~["\\\r\n] | '\\' .)* '"'
 * BAD_STRING '"' (~["\\\r\n] | '\\' .)*       (no closing quote on the line)
 * COMMENT    ('#' | '//') ~[\r\n]*            (hidden channel)
 * NL         '\r'? '\n' | '\r'
 * WS         [ \t\f\u00A0\uFEFF]+             (skipped)
 * ERRCHAR    any other character
 * </pre>
 *
 * Positions count code points, lines only at '\n', as ANTLR's do.
 *
 * <p>No ANTLR class is loaded here: the fast path ({@code FastParser}) reads these tokens directly,
 * and {@code ScannerSource} hands them to ANTLR's parser as ANTLR's tokens. The token types are the
 * generated parser's constants, which the compiler copies in (they load nothing), and the literal
 * tokens' types come from {@link Literals}.
 */
final class Scanner {
    /** The type of the end of the text (ANTLR's {@code Token.EOF}). */
    static final int EOF = -1;

    private final int[] text;
    /** The next code point to read, and where it is. */
    private int at;
    private int line = 1;
    private int col;

    /** The last token read: its type, first and past-the-end code point, line (from 1), column (from 0), channel. */
    int type;
    int start;
    int end;
    int startLine;
    int startCol;
    boolean hidden;

    Scanner(String text) {
        this.text = new int[text.codePointCount(0, text.length())];
        for (int i = 0, j = 0; i < text.length(); j++) {
            int c = text.codePointAt(i);
            this.text[j] = c;
            i += Character.charCount(c);
        }
    }

    /** The text of code points {@code from} up to, not including, {@code to}. */
    String text(int from, int to) {
        return new String(text, from, to - from);
    }

    /** Reads the next token (skipping blanks) into the fields above and returns its type; {@link #EOF} at the end, again and again. */
    int next() {
        while (at < text.length) {
            int start = at;
            int startLine = line;
            int startCol = col;
            int c = text[at];
            int end;
            int type;
            boolean hidden = false;
            if (isSpace(c)) {
                end = at + 1;
                while (end < text.length && isSpace(text[end])) end++;
                advance(end);
                continue;
            } else if (c == '\n' || c == '\r') {
                end = c == '\r' && at + 1 < text.length && text[at + 1] == '\n' ? at + 2 : at + 1;
                type = NetParser.NL;
            } else if (c == '#' || c == '/' && at + 1 < text.length && text[at + 1] == '/') {
                end = at + 1;
                while (end < text.length && text[end] != '\r' && text[end] != '\n') end++;
                type = NetParser.COMMENT;
                hidden = true;
            } else if (c == '"') {
                end = at + 1;
                type = NetParser.BAD_STRING;
                while (end < text.length && text[end] != '\r' && text[end] != '\n') {
                    if (text[end] == '"') {
                        end++;
                        type = NetParser.STRING;
                        break;
                    }
                    if (text[end] == '\\') {
                        // A backslash takes any one character, a line end included; at the end of the
                        // text it takes none and is not part of the string.
                        if (end + 1 == text.length) break;
                        end++;
                    }
                    end++;
                }
            } else if (isDigit(c)) {
                end = number(at);
                type = NetParser.NUMBER;
            } else if (c == '?') {
                int d = at + 1 < text.length && text[at + 1] == '-' ? at + 2 : at + 1;
                if (d < text.length && isDigit(text[d])) {
                    end = exponent(fraction(digits(d)));
                    type = NetParser.LEARNABLE;
                } else {
                    end = at + 1;
                    type = Literals.BY_TEXT.get("?");
                }
            } else if (isNameStart(c)) {
                end = at + 1;
                while (end < text.length && isNamePart(text[end])) end++;
                Integer keyword = Literals.BY_TEXT.get(new String(text, at, end - at));
                type = keyword != null ? keyword : NetParser.ID;
            } else {
                Integer two = at + 1 < text.length ? Literals.BY_TEXT.get(new String(text, at, 2)) : null;
                Integer one = Literals.BY_TEXT.get(new String(text, at, 1));
                if (two != null) {
                    end = at + 2;
                    type = two;
                } else {
                    end = at + 1;
                    type = one != null ? one : NetParser.ERRCHAR;
                }
            }
            advance(end);
            return found(type, start, end, startLine, startCol, hidden);
        }
        return found(EOF, at, at, line, col, false);
    }

    private int found(int type, int start, int end, int line, int col, boolean hidden) {
        this.type = type;
        this.start = start;
        this.end = end;
        this.startLine = line;
        this.startCol = col;
        this.hidden = hidden;
        return type;
    }

    /** The end of the NUMBER that starts at {@code i} (a digit). */
    private int number(int i) {
        if (text[i] == '0' && i + 2 < text.length) {
            int x = text[i + 1];
            if ((x == 'x' || x == 'X') && isHexPart(text[i + 2])) {
                int end = i + 3;
                while (end < text.length && isHexPart(text[end])) end++;
                return end;
            }
            if ((x == 'b' || x == 'B') && isBinPart(text[i + 2])) {
                int end = i + 3;
                while (end < text.length && isBinPart(text[end])) end++;
                return end;
            }
        }
        return exponent(fraction(digits(i)));
    }

    /** The end of the digits from {@code i} (a digit). */
    private int digits(int i) {
        while (i < text.length && isDigit(text[i])) i++;
        return i;
    }

    /** After {@code i}: past a '.' and digits if they follow, else {@code i}. */
    private int fraction(int i) {
        return i + 1 < text.length && text[i] == '.' && isDigit(text[i + 1]) ? digits(i + 1) : i;
    }

    /** After {@code i}: past an exponent ({@code e5}, {@code E-3}) if one follows, else {@code i}. */
    private int exponent(int i) {
        if (i >= text.length || (text[i] != 'e' && text[i] != 'E')) return i;
        int d = i + 1 < text.length && (text[i + 1] == '+' || text[i + 1] == '-') ? i + 2 : i + 1;
        return d < text.length && isDigit(text[d]) ? digits(d) : i;
    }

    /** Moves to {@code end}, counting lines and columns as ANTLR does: a new line at each '\n'. */
    private void advance(int end) {
        for (; at < end; at++) {
            if (text[at] == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u00A0' || c == '\uFEFF';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(int c) {
        return isNameStart(c) || isDigit(c);
    }

    private static boolean isHexPart(int c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '_';
    }

    private static boolean isBinPart(int c) {
        return c == '0' || c == '1' || c == '_';
    }

    /** Where the scanner stands: the line (from 1) and column (from 0) of the next code point. */
    int line() { return line; }
    int col() { return col; }
}
