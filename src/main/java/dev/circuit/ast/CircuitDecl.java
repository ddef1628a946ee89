package dev.circuit.ast;

import dev.circuit.diag.Pos;
import java.util.List;

/** {@code circuit adder_n<N>(a[N], b[N], cin) -> (s[N], cout) { ... }}. */
public record CircuitDecl(Ident name, List<Ident> typeParams, List<Port> inputs, List<Port> outputs,
                          List<Stmt> body, Pos pos) implements Decl {
    public CircuitDecl {
        typeParams = List.copyOf(typeParams);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        body = List.copyOf(body);
    }
}
