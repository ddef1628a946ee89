package dev.circuit.ast;

import dev.circuit.diag.Pos;
import java.util.List;

/** A circuit named with its parameters, as in {@code test adder_n<4>} or {@code --top adder_n<16>}. */
public record CircuitRef(String name, List<Expr> args, Pos pos) {
    public CircuitRef {
        args = List.copyOf(args);
    }
}
