package dev.circuit.elab;

import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.Decl;
import dev.circuit.ast.Ident;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.model.Activation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every neuron and circuit of a program by name. A name is defined once across all files. */
public final class Definitions {
    private static final Set<String> RESERVED = Set.of("X", "x");

    private final Map<String, NeuronDecl> neurons = new LinkedHashMap<>();
    private final Map<String, CircuitDecl> circuits = new LinkedHashMap<>();

    Definitions(Program program, Diagnostics diags) {
        Map<String, Ident> seen = new LinkedHashMap<>();
        // Imported files first, in import order, the root last: the order a reader meets the
        // definitions, so "first defined here" points at the one met first.
        List<SourceFile> files = new ArrayList<>(program.files());
        java.util.Collections.reverse(files);
        for (SourceFile f : files) {
            for (Decl d : f.decls()) {
                Ident name;
                if (d instanceof NeuronDecl n) name = n.name();
                else if (d instanceof CircuitDecl c) name = c.name();
                else continue;
                if (Activation.byName(name.name()).isPresent()) {
                    diags.error(name.pos(), "'" + name.name() + "' is an activation; choose another name");
                    continue;
                }
                if (name.name().equals(Elaborator.DFF) || name.name().equals(PropBinder.PREV)) {
                    diags.error(name.pos(), "'" + name.name() + "' is built in (" + (name.name().equals(Elaborator.DFF)
                            ? "a D flip-flop" : "a signal's value in the previous cycle") + "); choose another name");
                    continue;
                }
                if (RESERVED.contains(name.name())) {
                    diags.error(name.pos(), "'" + name.name() + "' means 'any value' in test tables; choose another name");
                    continue;
                }
                Ident first = seen.putIfAbsent(name.name(), name);
                if (first != null) {
                    diags.add(Diagnostic.error(name.pos(), "'" + name.name() + "' is already defined")
                            .withNotes(List.of(Diagnostic.note(first.pos(), "first defined here"))));
                    continue;
                }
                if (d instanceof NeuronDecl n) neurons.put(name.name(), n);
                else circuits.put(name.name(), (CircuitDecl) d);
            }
        }
    }

    public NeuronDecl neuron(String name) {
        return neurons.get(name);
    }

    public CircuitDecl circuit(String name) {
        return circuits.get(name);
    }

    /** Every defined name, for suggestions. */
    public List<String> names() {
        List<String> all = new ArrayList<>(neurons.keySet());
        all.addAll(circuits.keySet());
        return all;
    }
}
