package dev.circuit.elab;

import dev.circuit.diag.Pos;

/** A test table or a check of the root file, bound to its circuit: what {@code circuit test} runs. */
public sealed interface Bound permits BoundTest, BoundCheck {
    /** Where it is written; the file's tables and checks run in this order. */
    Pos pos();
}
