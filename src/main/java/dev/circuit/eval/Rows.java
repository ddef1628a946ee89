package dev.circuit.eval;

import dev.circuit.model.Terminal;
import java.util.List;

/**
 * Input rows by number. Row r spells the inputs as one binary number with the first input most
 * significant, so a truth table counts up the way people write one.
 */
public final class Rows {
    private Rows() {}

    /** Writes row {@code row}'s input bits into {@code in} (terminal order, bus bits LSB first). */
    public static void spread(List<Terminal> inputs, long row, double[] in) {
        int total = in.length;
        int at = 0;
        for (Terminal t : inputs) {
            int shift = total - at - t.width();
            long v = shift >= 64 ? 0 : (row >>> shift) & (t.width() >= 64 ? -1L : (1L << t.width()) - 1);
            for (int b = 0; b < t.width(); b++) in[at + b] = b < 64 ? (v >>> b) & 1 : 0;
            at += t.width();
        }
    }

    /** The number of the row whose input bits are {@code in}: the inverse of {@link #spread}, for at most 63 input bits. */
    public static long number(List<Terminal> inputs, double[] in) {
        if (in.length > 63) throw new IllegalArgumentException("a row of " + in.length + " input bits has no long number");
        long row = 0;
        int at = 0;
        for (Terminal t : inputs) {
            int shift = in.length - at - t.width();
            for (int b = 0; b < t.width(); b++) if (in[at + b] != 0) row |= 1L << (shift + b);
            at += t.width();
        }
        return row;
    }
}
