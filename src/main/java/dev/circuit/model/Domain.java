package dev.circuit.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The values one terminal of a circuit takes, the one rule that {@code eval}'s arguments, test
 * table cells, training data and Verilog test vectors are all checked against: a bus is an
 * unsigned integer of its width; a single wire of a Boolean circuit (hard neurons, fixed weights)
 * is a bit; a single wire of a real-valued circuit is any number.
 */
public sealed interface Domain {
    /**
     * Null when {@code v} is a value of this domain, else why not, naming the terminal by
     * {@code label} ("y is a bit (0 or 1), not 2", "4 does not fit a[2] (0..3)").
     */
    String refuse(String label, BigDecimal v, String written);

    /** As {@link #refuse(String, BigDecimal, String)}, the value shown in its plain form. */
    default String refuse(String label, BigDecimal v) {
        return refuse(label, v, text(v));
    }

    /** Writes {@code v} (a value of this domain) into {@code into} from {@code at}: one slot per bit. */
    void lay(BigDecimal v, double[] into, int at);

    /** What the domain is, for messages: "a bit (0 or 1)", "0..255", "any number". */
    String describe();

    static String text(BigDecimal v) {
        return v.scale() < 0 || v.scale() > 20 ? v.toString() : v.toPlainString();
    }

    public static Domain of(Netlist net, Terminal t) {
        if (t.bus()) return new Unsigned(t.width());
        return net.isBoolean() ? new Bit() : new Real();
    }

    record Bit() implements Domain {
        @Override public String refuse(String label, BigDecimal v, String written) {
            return v.compareTo(BigDecimal.ZERO) == 0 || v.compareTo(BigDecimal.ONE) == 0 ? null
                    : label + " is a bit (0 or 1), not " + written;
        }

        @Override public void lay(BigDecimal v, double[] into, int at) {
            into[at] = v.signum() == 0 ? 0 : 1;
        }

        @Override public String describe() {
            return "a bit (0 or 1)";
        }
    }

    record Unsigned(int width) implements Domain {
        @Override public String refuse(String label, BigDecimal v, String written) {
            boolean whole = v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0;
            if (whole && v.toBigInteger().bitLength() <= width) return null;
            return written + " does not fit " + label + "[" + width + "] (" + describe() + ")";
        }

        @Override public void lay(BigDecimal v, double[] into, int at) {
            BigInteger b = v.toBigInteger();
            for (int i = 0; i < width; i++) into[at + i] = b.testBit(i) ? 1 : 0;
        }

        @Override public String describe() {
            return "0.." + BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        }
    }

    record Real() implements Domain {
        @Override public String refuse(String label, BigDecimal v, String written) {
            // Out of a double's range the value would silently become Infinity or 0: refused, as 'inf' is.
            double d = v.doubleValue();
            if (Double.isInfinite(d)) return "'" + written + "' is too large for " + label + " (numbers go up to about 1.8e308)";
            if (d == 0 && v.signum() != 0) {
                return "'" + written + "' is too small for " + label + " to tell from 0 (the smallest is about 4.9e-324)";
            }
            return null;
        }

        @Override public void lay(BigDecimal v, double[] into, int at) {
            into[at] = v.doubleValue();
        }

        @Override public String describe() {
            return "any number";
        }
    }
}
