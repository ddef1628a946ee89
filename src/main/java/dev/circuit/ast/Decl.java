package dev.circuit.ast;

import dev.circuit.diag.Pos;

/** A top-level declaration. */
public sealed interface Decl permits Import, NeuronDecl, CircuitDecl, TestDecl, CheckDecl {
    Pos pos();
}
