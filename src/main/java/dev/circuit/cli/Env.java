package dev.circuit.cli;

import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.DiagnosticPrinter;
import dev.circuit.diag.Sources;
import java.io.PrintWriter;
import java.util.List;

/** What every command shares in one run: the writers, the source texts for messages, flags. */
final class Env {
    final PrintWriter out;
    final PrintWriter err;
    final Sources sources = new Sources();
    boolean debug;

    Env(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    void report(List<Diagnostic> diagnostics) {
        DiagnosticPrinter p = new DiagnosticPrinter(sources);
        for (Diagnostic d : diagnostics) err.print(p.render(d));
        err.flush();
    }
}
