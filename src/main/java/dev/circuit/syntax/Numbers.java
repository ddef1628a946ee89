package dev.circuit.syntax;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Number literals: decimal ({@code 3}, {@code -0.5}, {@code 1e-3}), hex ({@code 0xC8}), binary ({@code 0b1100}). */
public final class Numbers {
    /** Digits before or after the point that a literal may have. */
    public static final int MAX_DIGITS = 1000;

    private Numbers() {}

    /** Parses a literal; throws NumberFormatException with a readable message when it is not one. */
    public static BigDecimal parse(String text) {
        String t = text.strip();
        boolean neg = t.startsWith("-");
        String body = neg || t.startsWith("+") ? t.substring(1) : t;
        BigDecimal v;
        if (body.length() > 2 && body.charAt(0) == '0' && (body.charAt(1) == 'x' || body.charAt(1) == 'X')) {
            v = new BigDecimal(new BigInteger(digits(body.substring(2), text), 16));
        } else if (body.length() > 2 && body.charAt(0) == '0' && (body.charAt(1) == 'b' || body.charAt(1) == 'B')) {
            v = new BigDecimal(new BigInteger(digits(body.substring(2), text), 2));
        } else {
            if (body.isEmpty() || !(Character.isDigit(body.charAt(0)) || body.charAt(0) == '.'))
                throw new NumberFormatException("'" + text + "' is not a number");
            try {
                v = new BigDecimal(body);
            } catch (NumberFormatException e) {
                // BigDecimal refuses an exponent past an int: a number, but far out of range.
                if (body.matches("[0-9]*\\.?[0-9]*[eE][+-]?[0-9]+")) throw outOfRange(text);
                throw new NumberFormatException("'" + text + "' is not a number");
            }
        }
        // Every number becomes an exact rational; 1e999999999 would be a billion-digit integer.
        long digits = (long) v.precision() - v.scale();
        if (v.signum() != 0 && (digits > MAX_DIGITS || -v.scale() > MAX_DIGITS || v.scale() > MAX_DIGITS)) {
            throw outOfRange(text);
        }
        return neg ? v.negate() : v;
    }

    private static NumberFormatException outOfRange(String text) {
        return new NumberFormatException("'" + text + "' is out of range: numbers are limited to " + MAX_DIGITS + " digits");
    }

    private static String digits(String s, String whole) {
        String d = s.replace("_", "");
        if (d.isEmpty()) throw new NumberFormatException("'" + whole + "' has no digits");
        return d;
    }
}
