package dev.circuit.ast;

import dev.circuit.diag.Pos;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code feedback q = 1, nq}: declares wires whose loops are meant (a latch made of gates), each with
 * its value before the first cycle. A loop must pass through such a wire or a {@code dff}; any
 * other loop is an error, so an accidental one is still caught.
 */
public record FeedbackDecl(List<Wire> wires, Pos pos) implements Stmt {
    public FeedbackDecl {
        wires = List.copyOf(wires);
    }

    /** One wire: {@code init} is null when not written (0); {@code text} is the number as written. */
    public record Wire(Port port, BigDecimal init, String text) {}
}
