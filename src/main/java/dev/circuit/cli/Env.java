package dev.circuit.cli;

import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.DiagnosticPrinter;
import dev.circuit.diag.Severity;
import dev.circuit.diag.Sources;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every command shares in one run: the writers, the source texts for messages, flags. */
final class Env {
    /**
     * Warnings of one kind printed in full before the rest are counted: a generated file can raise
     * the same warning 100,000 times, and the first few say all there is to say.
     */
    static final int SAME_WARNINGS_SHOWN = 3;

    final PrintWriter out;
    final PrintWriter err;
    final Sources sources = new Sources();
    boolean debug;

    Env(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Prints the diagnostics in order. Errors are all printed; a warning whose kind (its message
     * with the quoted names and the numbers left out) was already shown {@link #SAME_WARNINGS_SHOWN}
     * times is counted instead, and each such kind ends with one line saying how many more there were.
     */
    void report(List<Diagnostic> diagnostics) {
        DiagnosticPrinter p = new DiagnosticPrinter(sources);
        Map<String, int[]> seen = new LinkedHashMap<>();
        Map<String, Diagnostic> first = new LinkedHashMap<>();
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.WARNING) {
                String kind = kind(d.message());
                int[] n = seen.computeIfAbsent(kind, k -> new int[1]);
                first.putIfAbsent(kind, d);
                if (++n[0] > SAME_WARNINGS_SHOWN) continue;
            }
            err.print(p.render(d));
        }
        for (Map.Entry<String, int[]> e : seen.entrySet()) {
            int more = e.getValue()[0] - SAME_WARNINGS_SHOWN;
            if (more <= 0) continue;
            err.println(String.format(Locale.ROOT, "... and %,d more warning%s like this: %s", more, more == 1 ? "" : "s",
                    first.get(e.getKey()).message()));
        }
        err.flush();
    }

    /** "signal 'spare' is never used" and "signal 't_7' is never used" are one kind. */
    static String kind(String message) {
        return message.replaceAll("'[^']*'", "''").replaceAll("[0-9]+", "#");
    }
}
