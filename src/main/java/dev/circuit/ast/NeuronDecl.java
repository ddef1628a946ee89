package dev.circuit.ast;

import dev.circuit.diag.Pos;
import java.util.List;

/** {@code neuron nand(a, b) = step(-2*a - 2*b + 3)}: a reusable single perceptron. */
public record NeuronDecl(Ident name, List<Ident> params, Expr body, Pos pos) implements Decl {
    public NeuronDecl {
        params = List.copyOf(params);
    }
}
