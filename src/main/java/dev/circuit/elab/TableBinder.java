package dev.circuit.elab;

import dev.circuit.ast.Ident;
import dev.circuit.ast.TestDecl;
import dev.circuit.diag.Diagnostics;
import dev.circuit.model.CircuitId;
import dev.circuit.model.Domain;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a test table to its circuit: header names to terminals, every row's cell count to the
 * header's, and every cell to its column's values. All of a table's errors are reported together.
 */
final class TableBinder {
    private TableBinder() {}

    /** The bound table, or null after reporting what is wrong with it. */
    static BoundTest bind(TestDecl t, CircuitId id, Netlist net, Diagnostics diags) {
        int errors = diags.errorsReported();
        int[] inCol = TableColumns.match(t.inputs(), net.inputs(), "input", net, diags);
        int[] outCol = TableColumns.match(t.outputs(), net.outputs(), "output", net, diags);
        // Loops, not streams: every short run binds the tables of its file (docs/BENCHMARKS.md, "Start-up").
        Set<String> named = new HashSet<>();
        for (Ident i : t.inputs()) named.add(i.name());
        List<String> missing = new ArrayList<>();
        for (Terminal in : net.inputs()) if (!named.contains(in.name())) missing.add(in.name());
        // After a misspelt column ('c' for 'b') the missing input is the same mistake: say it once.
        if (!missing.isEmpty() && inCol != null) {
            diags.error(t.pos(), "test " + net.name() + " has no column for input" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; every input needs one (write X for any value)");
        }
        if (net.isSequential() && !t.sequence()) {
            diags.error(t.pos(), "'" + id + "' has state (" + Words.count(net.state().size(), "bit")
                    + " of state), so its rows are successive cycles: write 'test " + id + " sequence {'");
        }
        if (t.outputs().isEmpty()) diags.error(t.pos(), "test " + net.name() + " has no output column");
        // A table that checks nothing must not report PASS.
        if (t.rows().isEmpty()) {
            diags.error(t.pos(), "test " + net.name() + " has a header but no rows; add a row such as '"
                    + "0 ".repeat(t.inputs().size()) + "| " + "0 ".repeat(t.outputs().size()).trim() + "'");
        }
        for (TestDecl.Row r : t.rows()) {
            if (r.inputs().size() != t.inputs().size() || r.outputs().size() != t.outputs().size()) {
                diags.error(r.pos(), "row has " + r.inputs().size() + " | " + r.outputs().size() + " cells; the header has "
                        + t.inputs().size() + " | " + t.outputs().size());
                continue;
            }
            if (inCol == null || outCol == null) continue;
            for (int i = 0; i < inCol.length; i++) fits(r.inputs().get(i), net, net.inputs().get(inCol[i]), diags);
            for (int i = 0; i < outCol.length; i++) fits(r.outputs().get(i), net, net.outputs().get(outCol[i]), diags);
        }
        if (diags.errorsReported() > errors || inCol == null || outCol == null) return null;
        return new BoundTest(t, id, net, inCol, outCol);
    }

    /** A cell outside its column's values is an error at the cell, never a row that passes. */
    private static void fits(TestDecl.Cell c, Netlist net, Terminal t, Diagnostics diags) {
        if (c.isAny()) return;
        String why = Domain.of(net, t).refuse(t.name(), c.value(), c.toString());
        if (why != null) diags.error(c.pos(), why);
    }
}
