package dev.circuit.reference;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact fraction num/den with den &gt; 0, written for the reference alone (it deliberately shares
 * no code with the product's rational type). Fractions are not kept in lowest terms: the few
 * operations the reference needs are exact without it, and equality is by cross-multiplication.
 */
record Fraction(BigInteger num, BigInteger den) {
    static final Fraction ZERO = of(0);

    Fraction {
        if (den.signum() <= 0) throw new IllegalArgumentException("denominator must be positive: " + den);
    }

    static Fraction of(long n) {
        return new Fraction(BigInteger.valueOf(n), BigInteger.ONE);
    }

    /** The decimal exactly as written: 0.1 is 1/10, 25e-2 is 25/100. */
    static Fraction of(BigDecimal d) {
        return d.scale() <= 0 ? new Fraction(d.toBigIntegerExact(), BigInteger.ONE)
                : new Fraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    Fraction plus(Fraction o) {
        return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Fraction minus(Fraction o) {
        return plus(o.negate());
    }

    Fraction negate() {
        return new Fraction(num.negate(), den);
    }

    Fraction times(Fraction o) {
        return new Fraction(num.multiply(o.num), den.multiply(o.den));
    }

    /** Division by a positive fraction (the generator divides by positive literals only). */
    Fraction over(Fraction o) {
        if (o.num.signum() <= 0) throw new IllegalArgumentException("divisor must be positive: " + o);
        return new Fraction(num.multiply(o.den), den.multiply(o.num));
    }

    int signum() {
        return num.signum();
    }

    /** This fraction in lowest terms. */
    Fraction reduced() {
        BigInteger g = num.gcd(den);
        return g.signum() == 0 || g.equals(BigInteger.ONE) ? this : new Fraction(num.divide(g), den.divide(g));
    }

    /** The exact decimal, or null when there is none (the reduced denominator has a factor other than 2 and 5). */
    BigDecimal decimal() {
        Fraction r = reduced();
        BigInteger d = r.den;
        for (BigInteger p : new BigInteger[] {BigInteger.TWO, BigInteger.valueOf(5)}) {
            while (d.mod(p).signum() == 0) d = d.divide(p);
        }
        if (!d.equals(BigInteger.ONE)) return null;
        return new BigDecimal(r.num).divide(new BigDecimal(r.den)).stripTrailingZeros();
    }

    @Override
    public String toString() {
        Fraction r = reduced();
        return r.den.equals(BigInteger.ONE) ? r.num.toString() : r.num + "/" + r.den;
    }
}
