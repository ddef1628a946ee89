package dev.circuit.elab;

import dev.circuit.diag.Diagnostic;
import dev.circuit.model.CircuitId;
import java.util.List;
import java.util.Map;

/**
 * What elaboration makes of a file and its imports, and all that the back ends read: every
 * circuit instance that a command, a test or a check names, flattened once ({@code circuits}, by
 * identity); the root file's test tables and checks, bound to those circuits; and the warnings.
 * Every neuron and non-generic circuit of every file has been elaborated to get here, so a
 * broken definition is an error whatever the command. {@code top} is the circuit the command is
 * about, or null when it asked for none (as {@code circuit test} does).
 */
public record Design(Program program, Map<CircuitId, Elaborated> circuits, List<BoundTest> tests, List<BoundCheck> checks,
                     CircuitId top, List<Diagnostic> warnings) {
    public Design {
        circuits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(circuits));
        tests = List.copyOf(tests);
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }

    /** The command's circuit. */
    public Elaborated topCircuit() {
        if (top == null) throw new IllegalStateException("no top circuit was asked for");
        return circuits.get(top);
    }

    /** The tables whose circuit is {@code id}, in file order. */
    public List<BoundTest> testsOf(CircuitId id) {
        return tests.stream().filter(t -> t.target().equals(id)).toList();
    }
}
