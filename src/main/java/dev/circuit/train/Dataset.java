package dev.circuit.train;

import dev.circuit.diag.Pos;
import java.util.List;

/**
 * Training rows for one circuit: one value per input bit and one target per output bit, both in
 * terminal order (bus bits least significant first). A NaN target is "don't care" (an X in a test
 * table) and adds nothing to the loss. {@code where} gives each row's place in its source, for reports.
 */
public record Dataset(String source, double[][] inputs, double[][] targets, List<Pos> where) {
    public Dataset {
        if (inputs.length != targets.length || where.size() != inputs.length) {
            throw new IllegalArgumentException("one target row and one place per input row");
        }
        where = List.copyOf(where);
    }

    public int rows() {
        return inputs.length;
    }

    /** True when every input and every cared-for target is 0 or 1: a truth table. */
    public boolean isBoolean() {
        for (int r = 0; r < inputs.length; r++) {
            for (double v : inputs[r]) if (v != 0 && v != 1) return false;
            for (double v : targets[r]) if (!Double.isNaN(v) && v != 0 && v != 1) return false;
        }
        return true;
    }
}
