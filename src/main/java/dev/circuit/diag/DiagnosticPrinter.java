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
        sb.append("    ").append(shown).append('\n');
        int col = Math.max(1, Math.min(p.col(), shown.length() + 1));
        sb.append("    ").append(" ".repeat(col - 1)).append("^\n");
    }
}
