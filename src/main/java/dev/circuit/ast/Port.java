package dev.circuit.ast;

import dev.circuit.diag.Pos;

/** A circuit input or output, or a wire: {@code a} or {@code a[N]}. {@code width} is null for one bit. */
public record Port(String name, Expr width, Pos pos) {
    public boolean isBus() {
        return width != null;
    }
}
