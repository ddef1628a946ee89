package dev.circuit.elab;

import dev.circuit.ast.TestDecl;
import dev.circuit.model.CircuitId;
import dev.circuit.model.Netlist;

/**
 * A test table checked against its circuit: header column i is input terminal {@code inCol[i]} (or
 * output terminal {@code outCol[i]}), every row has the header's cells, and every cell is a value
 * of its column ({@link dev.circuit.model.Domain}) or X.
 */
public record BoundTest(TestDecl decl, CircuitId target, Netlist net, int[] inCol, int[] outCol) implements Bound {
    public BoundTest {
        inCol = inCol.clone();
        outCol = outCol.clone();
    }
    @Override public dev.circuit.diag.Pos pos() {
        return decl.pos();
    }

    // The column arrays are read in every row's loop, so the accessors hand out the arrays
    // themselves: readers must not change them.
}
