package dev.circuit.elab;

import dev.circuit.diag.Diagnostic;
import dev.circuit.model.CircuitId;
import dev.circuit.model.Netlist;
import java.util.List;
import java.util.Map;

/**
 * One elaborated circuit instance: its identity, the flat netlist, the warnings found on the way,
 * and the integer parameters it was instantiated with ({@code N=16} for {@code adder_n<16>}).
 */
public record Elaborated(CircuitId id, Netlist netlist, List<Diagnostic> warnings, Map<String, Long> params) {
    public Elaborated {
        warnings = List.copyOf(warnings);
        params = Map.copyOf(params);
    }
}
