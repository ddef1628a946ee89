package dev.circuit.elab;

import dev.circuit.diag.Diagnostic;
import dev.circuit.model.Netlist;
import java.util.List;

/** The result of elaboration: the flat netlist and the warnings found on the way. */
public record Elaborated(Netlist netlist, List<Diagnostic> warnings) {
    public Elaborated {
        warnings = List.copyOf(warnings);
    }
}
