package dev.circuit.ast;

import dev.circuit.diag.Pos;

/**
 * {@code check adder_n<16>: {cout, s} == a + b + cin}: a property over every input. With
 * {@code cycles} ({@code check counter for 8 cycles: ...}) the circuit has state and the property
 * must hold in every cycle of every input sequence that long; null for a combinational check.
 */
public record CheckDecl(CircuitRef target, Expr cycles, Expr property, Pos pos) implements Decl {
    public CheckDecl(CircuitRef target, Expr property, Pos pos) {
        this(target, null, property, pos);
    }
}
