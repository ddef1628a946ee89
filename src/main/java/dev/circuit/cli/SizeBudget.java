package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.elab.Limits;
import picocli.CommandLine.Option;

/** {@code --max-size}, as every command that elaborates circuits takes it. */
final class SizeBudget {
    @Option(names = "--max-size", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_SIZE,
            description = "Refuse a design that grows beyond N units while it is built: each net, neuron, neuron input,"
                    + " instance and loop iteration is one (default: ${DEFAULT-VALUE}).")
    long maxSize;

    /** The limits --max-size asks for; a budget below 1 is a usage error. */
    Limits limits() {
        if (maxSize < 1) throw CircuitException.usage("--max-size takes a number of units of at least 1, not " + maxSize);
        return new Limits(maxSize);
    }
}
