package dev.circuit.elab;

import dev.circuit.ast.CheckDecl;
import dev.circuit.model.CircuitId;
import dev.circuit.model.Netlist;
import dev.circuit.model.Prop;

/** A check bound to its circuit: the property in its resolved, typed form. */
public record BoundCheck(CheckDecl decl, CircuitId target, Netlist net, Prop property) implements Bound {
    @Override public dev.circuit.diag.Pos pos() {
        return decl.pos();
    }
}
