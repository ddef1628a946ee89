package dev.circuit.elab;

import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import java.util.List;

/**
 * Which circuit a file means: the one named like the file ({@code adder.net} means {@code adder}),
 * else the last circuit the file defines, else its last neuron.
 */
public final class Tops {
    private Tops() {}

    public static CircuitRef choose(Program program) {
        // The name up to its last '.' (not a regular expression: compiling one cost a short run milliseconds).
        String file = program.root().path().getFileName().toString();
        String stem = file.lastIndexOf('.') < 0 ? file : file.substring(0, file.lastIndexOf('.'));
        List<CircuitDecl> circuits = program.root().decls(CircuitDecl.class);
        List<NeuronDecl> neurons = program.root().decls(NeuronDecl.class);
        Pos at = Pos.file(program.root().name());
        for (CircuitDecl c : circuits) if (c.name().name().equals(stem)) return usable(c, at);
        for (NeuronDecl n : neurons) if (n.name().name().equals(stem)) return new CircuitRef(stem, List.of(), n.pos());
        if (!circuits.isEmpty()) return usable(circuits.get(circuits.size() - 1), at);
        if (!neurons.isEmpty()) {
            NeuronDecl n = neurons.get(neurons.size() - 1);
            return new CircuitRef(n.name().name(), List.of(), n.pos());
        }
        throw new CircuitException(Failure.INVALID_INPUT, at, "the file defines no circuit or neuron");
    }

    private static CircuitRef usable(CircuitDecl c, Pos at) {
        if (!c.typeParams().isEmpty()) {
            throw new CircuitException(Failure.USAGE, at, "circuit '" + c.name().name() + "' has parameters; name an instance, e.g. --top '"
                    + c.name().name() + "<4>'");
        }
        return new CircuitRef(c.name().name(), List.of(), c.pos());
    }
}
