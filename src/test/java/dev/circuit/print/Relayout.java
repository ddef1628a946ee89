package dev.circuit.print;

import java.util.Random;
import java.util.Set;

/**
 * A canonical text laid out again the way people write: lines split where the grammar lets a
 * statement go on (after an operator, a comma, {@code =}, {@code ->} or a check's {@code :}, after an
 * opening bracket and before a closing one), comments at the ends of lines and on lines of their own,
 * blank lines, odd indentation, {@code ;} joining statements, CRLF line ends. The text means the same:
 * it parses to the same AST (docs/LANGUAGE.md, "Statements end at the end of a line").
 *
 * <p>It reads the printer's own layout, which is what makes a simple scan enough: binary operators
 * are spaced ({@code " + "}) except the tight {@code *} and {@code /}; unary operators are not; one
 * statement or declaration a line; test tables are the only lines where a newline ends a row.
 */
final class Relayout {
    /** Spaced operators after which a line may break; '?' is left out: a line ending in '?' ends there (a learnable). */
    private static final Set<String> SPACED = Set.of("*", "/", "%", "+", "-", "<<", ">>", "<", "<=", ">", ">=", "==", "!=",
            "&", "^", "|", ":", "=", "->");

    private final Random rnd;
    private final StringBuilder out = new StringBuilder();
    private int comments;

    private Relayout(long seed) {
        this.rnd = new Random(seed);
    }

    static String of(String canonical, long seed) {
        return new Relayout(seed).relayout(canonical);
    }

    private String relayout(String text) {
        String[] lines = text.split("\n", -1);
        boolean inTest = false;
        boolean inBody = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) break;
            if (line.startsWith("test ")) inTest = true;
            if (line.startsWith("circuit ")) inBody = true;
            // A table row ends at its newline, so its line stays whole; only its indentation and comments change.
            if (inTest) out.append(indent(line)).append(line.strip());
            else line(line);
            if (line.equals("}")) {
                inTest = false;
                inBody = false;
            }
            boolean last = i + 1 >= lines.length || lines[i + 1].isEmpty() && i + 2 >= lines.length;
            String next = last ? "" : lines[i + 1].strip();
            // Two statements of a body on one line, joined by ';'.
            if (inBody && !inTest && !line.endsWith("{") && !line.strip().equals("}") && !next.isEmpty() && !next.startsWith("}")
                    && rnd.nextInt(8) == 0) {
                out.append(rnd.nextBoolean() ? "; " : " ;");
                continue;
            }
            endOfLine(!inTest);
        }
        String s = out.toString();
        return rnd.nextInt(10) == 0 ? s.replace("\n", "\r\n") : s;
    }

    /** One line outside a test table, with breaks where the grammar allows them. */
    private void line(String line) {
        int start = 0;
        while (start < line.length() && line.charAt(start) == ' ') start++;
        out.append(indent(line));
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') out.append(line.charAt(++i));
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
                out.append(c);
                continue;
            }
            // Before a closing bracket, inside it.
            if ((c == ')' || c == ']') && depth > 0 && rnd.nextInt(12) == 0) lineBreak();
            out.append(c);
            if (c == '(' || c == '[') depth++;
            if (c == ')' || c == ']') depth--;
            boolean breakable = c == '(' || c == '[' || c == ',' || (c == '*' || c == '/') && line.charAt(i + 1) != ' ';
            String op = spacedOperator(line, i);
            if (op != null) {
                out.append(op, 1, op.length());
                i += op.length() - 1;
                breakable = true;
            }
            if (breakable && rnd.nextInt(4) == 0) {
                lineBreak();
                // The space after the operator or comma is layout the break replaces.
                if (i + 1 < line.length() && line.charAt(i + 1) == ' ') i++;
            } else if (c == ' ' && rnd.nextInt(6) == 0) {
                out.append(rnd.nextBoolean() ? "  " : "\t");
            }
        }
    }

    /** The operator starting at {@code i} when it stands between spaces (the printer's binary form), or null. */
    private static String spacedOperator(String line, int i) {
        if (i == 0 || line.charAt(i - 1) != ' ' && line.charAt(i) != ':') return null;
        int end = line.indexOf(' ', i);
        if (end < 0) return null;
        String op = line.substring(i, end);
        return SPACED.contains(op) ? op : null;
    }

    /** A line break that continues the statement: maybe a comment first, maybe blank and comment lines after. */
    private void lineBreak() {
        // Right after a tight '/', a '//' comment would read as '///': a space keeps them apart.
        boolean afterSlash = out.charAt(out.length() - 1) == '/';
        if (rnd.nextInt(3) == 0) out.append(rnd.nextBoolean() || afterSlash ? " " : "").append(comment());
        out.append('\n');
        extraLines();
        out.append(" ".repeat(rnd.nextInt(12)));
    }

    /** The end of a statement's line: maybe a trailing comment, then maybe blank and comment lines. */
    private void endOfLine(boolean blanks) {
        if (rnd.nextInt(4) == 0) out.append(" ".repeat(rnd.nextInt(3))).append(comment());
        if (rnd.nextInt(10) == 0) out.append(' ');
        out.append('\n');
        if (blanks || rnd.nextBoolean()) extraLines();
    }

    private void extraLines() {
        while (rnd.nextInt(5) == 0) {
            out.append(rnd.nextBoolean() ? "" : " ".repeat(rnd.nextInt(9)) + comment()).append('\n');
        }
    }

    private String indent(String line) {
        int canonical = line.length() - line.stripLeading().length();
        return rnd.nextInt(4) == 0 ? " ".repeat(rnd.nextInt(9)) : " ".repeat(canonical);
    }

    private String comment() {
        comments++;
        return (rnd.nextBoolean() ? "# c" : "// c") + comments;
    }
}
