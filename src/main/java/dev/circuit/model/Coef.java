package dev.circuit.model;

import java.math.BigDecimal;

/**
 * A weight or bias term: {@code scale} alone when fixed, {@code scale * params[param]} when learnable.
 * The scale is exact (as written), so hard neurons can be evaluated without rounding.
 */
public record Coef(BigDecimal scale, int param) {
    public static final int FIXED = -1;

    public Coef {
        if (scale == null) throw new IllegalArgumentException("scale must not be null");
        if (param < FIXED) throw new IllegalArgumentException("bad parameter index " + param);
    }

    public static Coef fixed(BigDecimal value) {
        return new Coef(value, FIXED);
    }

    public static Coef learnable(int param) {
        return new Coef(BigDecimal.ONE, param);
    }

    public boolean isFixed() {
        return param == FIXED;
    }

    public double value(double[] params) {
        return isFixed() ? scale.doubleValue() : scale.doubleValue() * params[param];
    }

    public Coef times(BigDecimal k) {
        return new Coef(scale.multiply(k), param);
    }
}
