package dev.circuit.ast;

import dev.circuit.diag.Pos;

/** {@code check adder_n<16>: {cout, s} == a + b + cin}: a property over every input. */
public record CheckDecl(CircuitRef target, Expr property, Pos pos) implements Decl {}
