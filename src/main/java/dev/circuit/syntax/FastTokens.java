package dev.circuit.syntax;

import dev.circuit.syntax.gen.NetParser;

/**
 * The tokens {@link FastParser} reads: the {@link Scanner}'s, with comments dropped and the newline
 * rule of {@link StatementEnds} applied (a newline becomes ';' or vanishes), as StatementTerminator
 * hands them to ANTLR's parser. Scanned as the parser asks for them, and only a window of them is
 * kept (a flat file of a million statements is read in little memory, as StatementPruner lets the
 * ANTLR parser do), except while a mark is open: the parser looks back only to re-read a name
 * followed by '<' that turned out not to be a call.
 */
final class FastTokens {
    private final Scanner scanner;
    private final StatementEnds ends = new StatementEnds();
    /** The buffered tokens, slot 0 being token number {@link #base}. */
    private int[] type = new int[256];
    private int[] start = new int[256];
    private int[] end = new int[256];
    private int[] line = new int[256];
    private int[] col = new int[256];
    private int base;
    private int count;
    /** The number of the current token. */
    private int at;
    private int marks;

    FastTokens(String text) {
        this.scanner = new Scanner(text);
    }

    // Each getter calls slot(k) before it names an array: slot may scan and grow the arrays, and in
    // type[slot(k)] Java would read the field before the call, so the old array.

    /** The type of the token {@code k} after the current one (0: the current one). */
    int type(int k) {
        int s = slot(k);
        return type[s];
    }

    /** Its line, from 1. */
    int line(int k) {
        int s = slot(k);
        return line[s];
    }

    /** Its column, from 0, in code points. */
    int col(int k) {
        int s = slot(k);
        return col[s];
    }

    /** The offset of its first code point in the text. */
    int start(int k) {
        int s = slot(k);
        return start[s];
    }

    /** The offset just past its last code point. */
    int end(int k) {
        int s = slot(k);
        return end[s];
    }

    /** Its text. */
    String text(int k) {
        int s = slot(k);
        return scanner.text(start[s], end[s]);
    }

    void consume() {
        at++;
    }

    /** Keeps the tokens from here on until {@link #reset} or {@link #release}; returns where to reset to. */
    int mark() {
        marks++;
        return at;
    }

    /** Goes back to {@code mark}. */
    void reset(int mark) {
        at = mark;
        marks--;
    }

    /** Keeps the current position; the tokens before it may go. */
    void release(int mark) {
        marks--;
    }

    /** The slot of token {@code k}, scanned if need be. Call it before reading an array: scanning may replace them. */
    private int slot(int k) {
        while (at + k >= base + count) scan();
        return at + k - base;
    }

    /** Buffers the next token the parser sees. */
    private void scan() {
        Scanner s = scanner;
        while (true) {
            int t = s.next();
            if (s.hidden) continue;
            if (t == NetParser.NL || t == Scanner.EOF) {
                if (ends.newlineEnds()) {
                    // The ';' a newline becomes, or the one before the end of the file (which comes next time).
                    ends.given(Literals.SEMI, true, s.startCol);
                    add(Literals.SEMI, s);
                    return;
                }
                if (t == NetParser.NL) continue;
            }
            ends.given(t, false, s.startCol);
            add(t, s);
            return;
        }
    }

    private void add(int t, Scanner s) {
        if (count == type.length) {
            int keep = marks > 0 ? 0 : at - base;
            if (keep > type.length / 2) {
                // Tokens before the current one are not read again: drop them.
                shift(keep);
            } else {
                grow();
            }
        }
        type[count] = t;
        start[count] = s.start;
        end[count] = s.end;
        line[count] = s.startLine;
        col[count] = s.startCol;
        count++;
    }

    private void shift(int n) {
        for (int[] a : new int[][] {type, start, end, line, col}) System.arraycopy(a, n, a, 0, count - n);
        count -= n;
        base += n;
    }

    private void grow() {
        type = java.util.Arrays.copyOf(type, type.length * 2);
        start = java.util.Arrays.copyOf(start, start.length * 2);
        end = java.util.Arrays.copyOf(end, end.length * 2);
        line = java.util.Arrays.copyOf(line, line.length * 2);
        col = java.util.Arrays.copyOf(col, col.length * 2);
    }
}
