package dev.circuit.ast;

import dev.circuit.diag.Pos;
import java.util.List;

/** {@code wire c[N+1], t}: declares internal signals, needed for buses. */
public record WireDecl(List<Port> wires, Pos pos) implements Stmt {
    public WireDecl {
        wires = List.copyOf(wires);
    }
}
