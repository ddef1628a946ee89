package dev.circuit.elab;

import dev.circuit.ast.CheckDecl;
import dev.circuit.model.CircuitId;
import dev.circuit.model.Netlist;
import dev.circuit.model.Prop;

/**
 * A check bound to its circuit: the property in its resolved, typed form. A check over time
 * ({@code cycles > 0}) must hold in every cycle of every input sequence of {@code cycles} cycles
 * from the initial state; its property reads up to {@code history} cycles back ({@code prev}), and
 * is checked from the first cycle where all of those exist. A combinational check has
 * {@code cycles == 0} and {@code history == 0}.
 */
public record BoundCheck(CheckDecl decl, CircuitId target, Netlist net, Prop property, int cycles, int history)
        implements Bound {
    public BoundCheck {
        if (cycles < 0 || history < 0 || history > 0 && history >= cycles) {
            throw new IllegalArgumentException("a check reads back fewer cycles than it runs");
        }
    }

    public BoundCheck(CheckDecl decl, CircuitId target, Netlist net, Prop property) {
        this(decl, target, net, property, 0, 0);
    }

    /** True for a check over cycles of a circuit with state (or one that uses {@code prev}). */
    public boolean overTime() {
        return cycles > 0;
    }

    @Override public dev.circuit.diag.Pos pos() {
        return decl.pos();
    }
}
