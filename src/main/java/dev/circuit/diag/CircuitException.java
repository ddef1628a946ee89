package dev.circuit.diag;

import java.util.List;

/** The one exception type that carries user-facing diagnostics out of a stage. */
public final class CircuitException extends RuntimeException {
    private final Failure failure;
    private final List<Diagnostic> diagnostics;

    public CircuitException(Failure failure, List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? failure.name() : diagnostics.get(0).headline());
        this.failure = failure;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public CircuitException(Failure failure, Pos pos, String message) {
        this(failure, List.of(Diagnostic.error(pos, message)));
    }

    public static CircuitException usage(String message) {
        return new CircuitException(Failure.USAGE, Pos.file("circuit"), message);
    }

    public Failure failure() {
        return failure;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
