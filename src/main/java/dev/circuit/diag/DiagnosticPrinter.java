package dev.circuit.diag;

/**
 * Renders diagnostics the way compilers do:
 * <pre>
 * circuits/bad.net:3:12: error: unknown signal 'q'
 *     sum = nand(q, b)
 *                ^
 * </pre>
 */
public final class DiagnosticPrinter {
    /** The most of a source line quoted under a message. */
    private static final int WIDTH = 150;

    private final Sources sources;

    public DiagnosticPrinter(Sources sources) {
        this.sources = sources;
    }

    public String render(Diagnostic d) {
        StringBuilder sb = new StringBuilder();
        append(sb, d);
        for (Diagnostic n : d.notes()) append(sb, n);
        return sb.toString();
    }

    private void append(StringBuilder sb, Diagnostic d) {
        sb.append(d.headline()).append('\n');
        Pos p = d.pos();
        if (!p.hasLine()) return;
        String line = sources.line(p.file(), p.line());
        if (line == null) return;
        String shown = line.replace('\t', ' ');
        int col = Math.max(1, Math.min(p.col(), shown.length() + 1));
        // A very long line (generated netlists) is shown as a window around the caret.
        if (shown.length() > WIDTH) {
            int from = Math.max(0, Math.min(col - 1 - WIDTH / 2, shown.length() - WIDTH));
            int to = Math.min(shown.length(), from + WIDTH);
            String window = (from > 0 ? "..." : "") + shown.substring(from, to) + (to < shown.length() ? "..." : "");
            col = col - from + (from > 0 ? 3 : 0);
            shown = window;
        }
        sb.append("    ").append(shown).append('\n');
        sb.append("    ").append(" ".repeat(col - 1)).append("^\n");
    }
}
