package dev.circuit.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact rational number, always in lowest terms with a positive denominator. A literal
 * {@code 0.1} is 1/10 and {@code x/3} divides exactly: the weights of hard neurons are compared
 * without rounding, so {@code (a + b + c)/3 >= 1} is exactly an AND.
 */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
    public static final Rational MINUS_ONE = new Rational(BigInteger.ONE.negate(), BigInteger.ONE);

    public Rational {
        if (num == null || den == null) throw new IllegalArgumentException("null part");
        if (den.signum() == 0) throw new ArithmeticException("zero denominator");
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) den = BigInteger.ONE;
    }

    public static Rational of(long n) {
        return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    public static Rational of(BigInteger n) {
        return new Rational(n, BigInteger.ONE);
    }

    /** The decimal exactly: 0.1 is 1/10. */
    public static Rational of(BigDecimal d) {
        if (d.scale() <= 0) return new Rational(d.toBigIntegerExact(), BigInteger.ONE);
        return new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    /**
     * A double as its shortest decimal ({@code 0.3} is 3/10, not the binary fraction nearest to it):
     * the value a user typed, or the decimal a learned weight is written back as.
     */
    public static Rational ofShortest(double v) {
        if (!Double.isFinite(v)) throw new ArithmeticException("not a finite number: " + v);
        return of(new BigDecimal(Double.toString(v)));
    }

    public Rational plus(Rational o) {
        if (den.equals(o.den)) return new Rational(num.add(o.num), den);
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational times(Rational o) {
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    public Rational dividedBy(Rational o) {
        if (o.num.signum() == 0) throw new ArithmeticException("division by zero");
        return new Rational(num.multiply(o.den), den.multiply(o.num));
    }

    public Rational negate() {
        return new Rational(num.negate(), den);
    }

    public Rational abs() {
        return num.signum() < 0 ? negate() : this;
    }

    public int signum() {
        return num.signum();
    }

    public boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    public boolean isZero() {
        return num.signum() == 0;
    }

    /** The nearest double (correctly rounded for values of ordinary size). */
    public double doubleValue() {
        if (isInteger()) return num.doubleValue();
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128).doubleValue();
    }

    /** The exact decimal when the denominator has only the factors 2 and 5, else null. */
    public BigDecimal toDecimal() {
        BigInteger d = den;
        int twos = d.getLowestSetBit();
        d = d.shiftRight(twos);
        int fives = 0;
        BigInteger five = BigInteger.valueOf(5);
        while (d.mod(five).signum() == 0) {
            d = d.divide(five);
            fives++;
        }
        if (!d.equals(BigInteger.ONE)) return null;
        int scale = Math.max(twos, fives);
        BigInteger scaled = num.multiply(BigInteger.TEN.pow(scale)).divide(den);
        return new BigDecimal(scaled, scale);
    }

    @Override
    public int compareTo(Rational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    /** {@code 3}, {@code -0.25}, or {@code 1/3} when no finite decimal is exact. */
    @Override
    public String toString() {
        BigDecimal d = toDecimal();
        if (d != null) return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        return num + "/" + den;
    }
}
