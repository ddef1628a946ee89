package dev.circuit.model;

/**
 * A weight or bias term: {@code scale} alone when fixed, {@code scale * params[param]} when learnable.
 * The scale is an exact rational (a literal {@code 0.1} is 1/10, {@code x/3} divides exactly), so hard
 * neurons are evaluated without rounding.
 */
public record Coef(Rational scale, int param) {
    public static final int FIXED = -1;

    public Coef {
        if (scale == null) throw new IllegalArgumentException("scale must not be null");
        if (param < FIXED) throw new IllegalArgumentException("bad parameter index " + param);
    }

    public static Coef fixed(Rational value) {
        return new Coef(value, FIXED);
    }

    public static Coef learnable(int param) {
        return new Coef(Rational.ONE, param);
    }

    public boolean isFixed() {
        return param == FIXED;
    }

    public double value(double[] params) {
        return isFixed() ? scale.doubleValue() : scale.doubleValue() * params[param];
    }

    public Coef times(Rational k) {
        return new Coef(scale.times(k), param);
    }

    /** The fixed value of a learnable coefficient at {@code value} (written back as its shortest decimal). */
    public Coef frozenAt(double value) {
        return isFixed() ? this : fixed(scale.times(Rational.ofShortest(value)));
    }
}
