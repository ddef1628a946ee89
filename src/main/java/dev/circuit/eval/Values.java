package dev.circuit.eval;

import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Reading and printing signal values: bits, bus integers and reals. */
public final class Values {
    private Values() {}

    /** A value for people: whole numbers without a point, others to 6 significant digits. */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A value for machines: the shortest text that reads back as the same double. */
    public static String exact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    /**
     * A bus read as an unsigned integer, or null when a bit is not exactly 0 or 1 (a real-valued
     * circuit's outputs are not bits).
     */
    public static BigInteger busValue(double[] bits, int from, int width) {
        BigInteger v = BigInteger.ZERO;
        for (int i = width - 1; i >= 0; i--) {
            double b = bits[from + i];
            if (b != 0 && b != 1) return null;
            v = v.shiftLeft(1);
            if (b == 1) v = v.setBit(0);
        }
        return v;
    }

    /** The printed value of a terminal whose bits start at {@code from}. */
    public static String terminal(Terminal t, double[] bits, int from, boolean binary) {
        if (!t.bus()) return format(bits[from]);
        BigInteger v = busValue(bits, from, t.width());
        if (v == null) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = t.width() - 1; i >= 0; i--) sb.append(format(bits[from + i])).append(i > 0 ? " " : "]");
            return sb.toString();
        }
        if (!binary) return v.toString();
        String s = v.toString(2);
        return "0b" + "0".repeat(t.width() - s.length()) + s;
    }
}
