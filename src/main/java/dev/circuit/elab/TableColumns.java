package dev.circuit.elab;

import dev.circuit.ast.Ident;
import dev.circuit.diag.Diagnostics;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A test table's header matched to a circuit's terminals; shared by the verifier and the trainer. */
public final class TableColumns {
    private TableColumns() {}

    /**
     * For each header name, the index of the terminal it names; null after reporting a name that is
     * not a terminal ({@code what}: "input" or "output") or that appears twice.
     */
    public static int[] match(List<Ident> header, List<Terminal> terms, String what, Netlist net, Diagnostics diags) {
        int[] idx = new int[header.size()];
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < header.size(); i++) {
            Ident h = header.get(i);
            idx[i] = -1;
            for (int k = 0; k < terms.size(); k++) if (terms.get(k).name().equals(h.name())) idx[i] = k;
            if (!seen.add(h.name())) {
                diags.error(h.pos(), "column '" + h.name() + "' appears twice");
                ok = false;
            } else if (idx[i] < 0) {
                diags.error(h.pos(), "'" + h.name() + "' is not an " + what + " of " + net.name() + " (" + what + "s: "
                        + terms.stream().map(Terminal::name).collect(Collectors.joining(", ")) + ")");
                ok = false;
            }
        }
        return ok ? idx : null;
    }

}
