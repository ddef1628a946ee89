package dev.circuit.ast;

import dev.circuit.diag.Pos;

/** A statement in a circuit body. Statements form a dataflow graph: their order has no meaning. */
public sealed interface Stmt permits Assign, WireDecl, FeedbackDecl, ForLoop {
    Pos pos();
}
