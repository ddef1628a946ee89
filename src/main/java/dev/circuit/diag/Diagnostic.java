package dev.circuit.diag;

import java.util.List;

/**
 * One message about the user's input, always tied to a place. {@code notes} point at related places
 * (where a name was first defined, each hop of a cycle).
 */
public record Diagnostic(Severity severity, Pos pos, String message, List<Diagnostic> notes) {
    public Diagnostic {
        if (severity == null || pos == null || message == null) throw new IllegalArgumentException("incomplete diagnostic");
        notes = List.copyOf(notes);
    }

    public static Diagnostic error(Pos pos, String message) {
        return new Diagnostic(Severity.ERROR, pos, message, List.of());
    }

    public static Diagnostic warning(Pos pos, String message) {
        return new Diagnostic(Severity.WARNING, pos, message, List.of());
    }

    public static Diagnostic note(Pos pos, String message) {
        return new Diagnostic(Severity.NOTE, pos, message, List.of());
    }

    public Diagnostic withNotes(List<Diagnostic> more) {
        return new Diagnostic(severity, pos, message, more);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line of the rendered form, without source excerpt: {@code file:line:col: error: msg}. */
    public String headline() {
        return pos + ": " + severity.label() + ": " + message;
    }
}
