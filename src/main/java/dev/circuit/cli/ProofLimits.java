package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import picocli.CommandLine.Option;

/** {@code --threads} and {@code --timeout}, as the commands that prove things (test, equiv) take them. */
final class ProofLimits {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for an enumeration (default: all cores).")
    Integer threads;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "End a SAT proof that takes longer as UNKNOWN (never a pass; exit code 6). Default: no limit.")
    Long timeout;

    /** All cores by default, at least 1. */
    int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) throw CircuitException.usage("--threads takes a number of threads of at least 1, not " + t);
        return t;
    }

    /** In milliseconds: 0 (none) by default, else at least a second. */
    long timeoutMillis() {
        if (timeout != null && (timeout < 1 || timeout > Long.MAX_VALUE / 1000)) {
            throw CircuitException.usage("--timeout takes a number of seconds of at least 1, not " + timeout);
        }
        return timeout == null ? 0 : timeout * 1000;
    }
}
