package dev.circuit.verify;

import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Pos;
import java.util.List;

/**
 * The result of one test table: how many rows ran (after expanding X) and the failures, each a
 * diagnostic at the failing row; {@code failed} counts them all. {@code engine} says how rows were
 * evaluated ("scalar engine", "bit-parallel engine", "sampled, not proven").
 */
public record TestOutcome(String file, String name, Pos pos, long rows, long failed, List<Diagnostic> failures,
                          String engine) {
    public TestOutcome {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failed == 0;
    }
}
