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

    /** The value of each terminal in a row: its bits read as an unsigned integer (up to 63 bits). */
    public static void values(List<Terminal> terms, double[] bits, long[] into, int from) {
        int at = 0;
        for (int i = 0; i < terms.size(); i++) {
            long v = 0;
            int w = terms.get(i).width();
            for (int b = w - 1; b >= 0; b--) v = (v << 1) | (bits[at + b] == 1 ? 1 : 0);
            into[from + i] = v;
            at += w;
        }
    }
}
