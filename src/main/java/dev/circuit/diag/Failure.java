package dev.circuit.diag;

/**
 * What kind of failure ended a command, and the process exit code it maps to. This is the single
 * exception-to-exit-code map of the tool; docs/CLI.md lists the same codes.
 */
public enum Failure {
    /** A test table row or a check did not hold. */
    TEST_FAILED(1),
    /** The command line was wrong: unknown option, wrong number of inputs, unparsable value. */
    USAGE(2),
    /** A .net (or data) file is invalid: syntax, names, cycles, arity. */
    INVALID_INPUT(3),
    /** A file could not be read or written. */
    IO(4),
    /** Training diverged or could not run. */
    TRAINING(5),
    /** No check failed, but a SAT proof ended unknown at its timeout: neither a pass nor a failure found. */
    UNKNOWN(6),
    /** A bug in circuit itself. */
    INTERNAL(70);

    public final int exitCode;

    Failure(int exitCode) {
        this.exitCode = exitCode;
    }
}
