package dev.circuit.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what one stage finds, so a stage reports every error it can before stopping. A stage ends
 * with {@link #check}, which throws when anything was an error.
 */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();
    private final java.util.Set<Diagnostic> seen = new java.util.HashSet<>();
    private int errorsReported;

    public Diagnostic error(Pos pos, String message) {
        return add(Diagnostic.error(pos, message));
    }

    public Diagnostic warning(Pos pos, String message) {
        return add(Diagnostic.warning(pos, message));
    }

    /** Adds a diagnostic; the same message at the same place (say, from every instance of a circuit) is kept once. */
    public Diagnostic add(Diagnostic d) {
        if (d.isError()) errorsReported++;
        if (seen.add(d)) all.add(d);
        return d;
    }

    public void addAll(List<Diagnostic> ds) {
        for (Diagnostic d : ds) add(d);
    }

    /**
     * How many errors were added so far, repeats included (a repeat is kept once but still counts),
     * so a stage can tell whether one step found an error.
     */
    public int errorsReported() {
        return errorsReported;
    }

    public boolean hasErrors() {
        for (Diagnostic d : all) if (d.isError()) return true;
        return false;
    }

    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    public List<Diagnostic> warnings() {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : all) if (!d.isError()) out.add(d);
        return java.util.Collections.unmodifiableList(out);
    }

    /** Throws a {@link CircuitException} holding everything collected if any of it is an error. */
    public void check() {
        if (hasErrors()) throw new CircuitException(Failure.INVALID_INPUT, all());
    }
}
