package dev.circuit.print;

import dev.circuit.ast.Comment;
import dev.circuit.diag.Pos;

/** Questions about the layout of the original text: blank lines, where a block closes, comment placement. */
final class SourceText {
    private final String text;
    private final String[] lines;
    private final int[] lineStart;

    SourceText(String text) {
        this.text = text;
        this.lines = text.split("\r\n|\r|\n", -1);
        this.lineStart = new int[lines.length + 1];
        int at = 0;
        int line = 0;
        lineStart[0] = 0;
        for (int i = 0; i < text.length() && line < lines.length; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (c == '\n' || c == '\r') lineStart[++line] = i + 1;
        }
        at = line;
        for (int l = at + 1; l <= lines.length; l++) lineStart[l] = text.length();
    }

    boolean blank(int line) {
        return line >= 1 && line <= lines.length && lines[line - 1].isBlank();
    }

    /** True when nothing but blanks precedes the comment on its line. */
    boolean ownLine(Comment c) {
        String l = lines[c.pos().line() - 1];
        int col = Math.min(c.pos().col() - 1, l.length());
        return l.substring(0, col).isBlank();
    }

    /** The line of the '}' closing the first block that opens at or after {@code from}; MAX_VALUE if none. */
    int closeLine(Pos from) {
        int i = offset(from);
        int depth = 0;
        boolean opened = false;
        int line = from.line();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') line++;
            else if (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n')) line++;
            if (c == '#' || (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
                continue;
            }
            if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') i += text.charAt(i) == '\\' ? 2 : 1;
            } else if (c == '{') {
                depth++;
                opened = true;
            } else if (c == '}' && opened && --depth == 0) {
                return line;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }

    private int offset(Pos p) {
        if (p.line() < 1 || p.line() > lines.length) return 0;
        return lineStart[p.line() - 1] + Math.max(0, p.col() - 1);
    }
}
