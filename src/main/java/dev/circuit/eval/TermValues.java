package dev.circuit.eval;

import dev.circuit.model.Terminal;
import java.math.BigInteger;
import java.util.List;

/**
 * The value of each terminal in one row, inputs then outputs, read as unsigned integers: a bus of
 * up to 63 bits as a long (the fast path every check narrower than that takes), a wider one as a
 * BigInteger. One instance is reused row after row.
 */
public final class TermValues {
    /** Terminals of this width or less are held as longs. */
    static final int LONG_WIDTH = 63;

    private final long[] small;
    /** Null at a terminal held in {@link #small}. */
    private final BigInteger[] wide;

    public TermValues(int terminals) {
        small = new long[terminals];
        wide = new BigInteger[terminals];
    }

    /** Reads terminals {@code from ..} from their bits (terminal order, bus bits LSB first). */
    public void read(List<Terminal> terms, double[] bits, int from) {
        int at = 0;
        for (int i = 0; i < terms.size(); i++) {
            int w = terms.get(i).width();
            if (w <= LONG_WIDTH) {
                long v = 0;
                for (int b = w - 1; b >= 0; b--) v = (v << 1) | (bits[at + b] == 1 ? 1 : 0);
                small[from + i] = v;
                wide[from + i] = null;
            } else {
                BigInteger v = BigInteger.ZERO;
                for (int b = 0; b < w; b++) if (bits[at + b] == 1) v = v.setBit(b);
                wide[from + i] = v;
            }
            at += w;
        }
    }

    /** Sets terminal {@code i} (tests and engines that hold values rather than bits). */
    public void set(int i, BigInteger v) {
        if (v.signum() < 0) throw new IllegalArgumentException("terminals read as unsigned");
        if (v.bitLength() <= LONG_WIDTH) {
            small[i] = v.longValue();
            wide[i] = null;
        } else {
            wide[i] = v;
        }
    }

    /** Bits {@code lo .. lo+width-1} of terminal {@code i}, for {@code width <= 63}. */
    public long bits(int i, int lo, int width) {
        long mask = (1L << width) - 1;
        BigInteger w = wide[i];
        if (w == null) return lo >= 64 ? 0 : (small[i] >>> lo) & mask;
        return (lo == 0 ? w : w.shiftRight(lo)).longValue() & mask;
    }

    /** Bits {@code lo .. lo+width-1} of terminal {@code i}, of any width. */
    public BigInteger big(int i, int lo, int width) {
        BigInteger w = wide[i];
        BigInteger v = w != null ? w.shiftRight(lo) : BigInteger.valueOf(lo >= 64 ? 0 : small[i] >>> lo);
        return v.bitLength() <= width ? v : v.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }

    /** Terminal {@code i}'s value in decimal. */
    public String text(int i) {
        return wide[i] != null ? wide[i].toString() : Long.toString(small[i]);
    }
}
