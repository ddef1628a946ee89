package dev.circuit.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Losses and error measures as the training report prints them: six significant digits, plain
 * between 1e-4 and 1e6 ({@code 2.04980}, {@code 2328.94}) and in scientific notation outside
 * ({@code 3.11144e-09}), so a tiny loss is not a row of zeros and a huge one not a row of digits.
 * Trailing zeros are kept: they say how many digits are shown.
 */
final class LossText {
    private LossText() {}

    static String of(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) return new BigDecimal(v).round(new MathContext(6)).toPlainString();
        return String.format(Locale.ROOT, "%.5e", v);
    }
}
