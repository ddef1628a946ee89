package dev.circuit.cli;

import dev.circuit.Circuit;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Failure;
import dev.circuit.elab.Design;
import dev.circuit.model.Netlist;
import dev.circuit.model.StateBit;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** FILE, --top and --max-size, as every command that works on one circuit takes them, and reading that circuit. */
final class CircuitFile {
    @Parameters(index = "0", paramLabel = "FILE", description = "The .net file.")
    Path file;

    @Option(names = "--top", paramLabel = "NAME",
            description = "The circuit (default: the one named like the file, else the last one; 'adder_n<16>' names an instance).")
    String top;

    @Mixin
    SizeBudget size;

    /** Reads and elaborates the file, its top circuit being the one {@code --top} names; warnings go to stderr. */
    Design load(Env env) {
        Design d;
        try {
            d = Circuit.load(file, top, env.sources, size.limits());
        } catch (CircuitException ex) {
            throw asUsage(ex);
        }
        env.report(d.warnings());
        return d;
    }

    /**
     * A --top that names no circuit, or no instance the circuit allows, is the command line's fault
     * as much as a malformed one: every --top error is a usage error (exit 2), whichever stage found it.
     * The elaborator places such errors at the pseudo-file "--top".
     */
    static CircuitException asUsage(CircuitException ex) {
        return asUsage(ex, TOP);
    }

    /** The same for an option other than --top that names a circuit ({@code equiv --top-a}). */
    static CircuitException asUsage(CircuitException ex, String option) {
        boolean aboutTop = !ex.diagnostics().isEmpty() && ex.diagnostics().stream()
                .filter(d -> d.isError()).allMatch(d -> TOP.equals(d.pos().file()));
        if (!aboutTop || ex.failure() != Failure.INVALID_INPUT) return ex;
        // Usage errors print as "circuit: error: ...": the option's name stays in the message.
        return new CircuitException(Failure.USAGE, ex.diagnostics().stream()
                .map(d -> d.isError() ? Diagnostic.error(d.pos(), option + ": " + d.message()).withNotes(d.notes()) : d).toList());
    }

    private static final String TOP = "--top";

    /**
     * Refuses a circuit with state for a command that reads it as a function of its inputs alone
     * (a truth table, a trained function, ...), pointing at its first flip-flop or feedback wire.
     */
    static void requireCombinational(Netlist net, String command, String instead) {
        if (!net.isSequential()) return;
        StateBit first = net.state().get(0);
        String what = first.kind() == StateBit.Kind.FLIP_FLOP ? "a flip-flop" : "a feedback wire";
        throw new CircuitException(Failure.USAGE, List.of(Diagnostic.error(first.pos(), "'" + net.name() + "' has state ("
                + net.state().size() + (net.state().size() == 1 ? " bit" : " bits") + ", the first one " + what + " made here): `circuit "
                + command + "` works on circuits without state; " + instead)));
    }
}
