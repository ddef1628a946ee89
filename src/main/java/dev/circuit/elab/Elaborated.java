package dev.circuit.elab;

import dev.circuit.diag.Diagnostic;
import dev.circuit.model.Netlist;
import java.util.List;

/**
 * The result of elaboration: the flat netlist, the warnings found on the way, and the integer
 * parameters the top circuit was instantiated with ({@code N=16} for {@code adder_n<16>}).
 */
public record Elaborated(Netlist netlist, List<Diagnostic> warnings, java.util.Map<String, Long> params) {
    public Elaborated {
        warnings = List.copyOf(warnings);
        params = java.util.Map.copyOf(params);
    }
}
