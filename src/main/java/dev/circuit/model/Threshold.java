package dev.circuit.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The one exact meaning of a hard neuron with fixed weights: it fires exactly when
 * {@code sum(weights[i] * x[i]) >= threshold}, all integers. It is computed once, when the neuron is
 * made, from the neuron's exact rational coefficients: they are brought to a common denominator
 * {@code scale} (and divided by their common factor), so the weighted sum z of the neuron is
 * {@code (sum(weights[i] * x[i]) + bias) / scale}. The activation's rule ({@code z > 0} for step,
 * {@code z >= 0} for a comparison) is folded into the threshold, so every back end (scalar
 * evaluation, gate synthesis, Verilog, margins) compares {@code sum >= threshold} and nothing else.
 *
 * <p>{@link #longs} is the one overflow rule: when every partial sum of the weights and the
 * threshold fits in {@link #LONG_BITS} bits, back ends may compute in {@code long}; otherwise they
 * use the BigInteger form or refuse the neuron, saying why.
 */
public record Threshold(List<BigInteger> weights, BigInteger bias, BigInteger scale, BigInteger threshold) {
    /** Bits within which sums of weights and the threshold may be computed in a long without overflow. */
    public static final int LONG_BITS = 62;

    public Threshold {
        weights = List.copyOf(weights);
        if (scale.signum() <= 0) throw new IllegalArgumentException("scale must be positive");
    }

    /** The exact form of {@code activation(sum(weights[i]*x[i]) + sum(bias))}; the activation must be hard. */
    public static Threshold of(Activation activation, List<Rational> weights, Rational bias) {
        if (!activation.isHard()) throw new IllegalArgumentException(activation + " is not a hard activation");
        BigInteger lcm = bias.den();
        for (Rational w : weights) lcm = lcm(lcm, w.den());
        BigInteger[] ints = new BigInteger[weights.size()];
        BigInteger g = BigInteger.ZERO;
        for (int i = 0; i < ints.length; i++) {
            Rational w = weights.get(i);
            ints[i] = w.num().multiply(lcm.divide(w.den()));
            g = g.gcd(ints[i]);
        }
        BigInteger b = bias.num().multiply(lcm.divide(bias.den()));
        g = g.gcd(b).gcd(lcm);
        if (g.signum() == 0) g = BigInteger.ONE;
        for (int i = 0; i < ints.length; i++) ints[i] = ints[i].divide(g);
        b = b.divide(g);
        BigInteger scale = lcm.divide(g);
        // z = (s + b) / scale with integer s: z > 0 is s >= 1 - b, z >= 0 is s >= -b.
        BigInteger t = activation.strict() ? BigInteger.ONE.subtract(b) : b.negate();
        return new Threshold(List.of(ints), b, scale, t);
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    public int fanIn() {
        return weights.size();
    }

    /** True when the integer sum of the given 0/1 inputs reaches the threshold. */
    public boolean fires(BigInteger sum) {
        return sum.compareTo(threshold) >= 0;
    }

    /** The neuron's weighted sum z for an integer input sum: {@code (sum + bias) / scale}. */
    public Rational z(BigInteger sum) {
        return new Rational(sum.add(bias), scale);
    }

    /**
     * The form in longs, or null when some sum could overflow: {@code [w0, ..., wn-1, threshold, bias,
     * scale]}. Within it, any sum of a subset of the weights, minus the threshold, fits in a long.
     */
    public long[] longs() {
        BigInteger total = threshold.abs().add(bias.abs());
        for (BigInteger w : weights) total = total.add(w.abs());
        if (total.bitLength() >= LONG_BITS || scale.bitLength() >= LONG_BITS) return null;
        long[] v = new long[weights.size() + 3];
        for (int i = 0; i < weights.size(); i++) v[i] = weights.get(i).longValueExact();
        v[weights.size()] = threshold.longValueExact();
        v[weights.size() + 1] = bias.longValueExact();
        v[weights.size() + 2] = scale.longValueExact();
        return v;
    }

    /**
     * The weighted sum on real-valued inputs (a hard neuron fed by sigmoid or linear outputs, or by
     * a real input), computed exactly: each input is read as its shortest decimal ({@code 0.3} is
     * 3/10, as a user types it), so {@code 3*h >= 0.9} holds at h = 0.3. Inputs must be finite.
     */
    public BigDecimal sumOn(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0) continue;
            sum = sum.add(new BigDecimal(weights.get(i)).multiply(new BigDecimal(Double.toString(values[i]))));
        }
        return sum;
    }

    /** True when an exact real sum ({@link #sumOn}) reaches the threshold. */
    public boolean fires(BigDecimal sum) {
        return sum.compareTo(new BigDecimal(threshold)) >= 0;
    }

    /** The neuron's weighted sum z for an exact real sum: {@code (sum + bias) / scale}, rounded once. */
    public double z(BigDecimal sum) {
        return sum.add(new BigDecimal(bias)).divide(new BigDecimal(scale), java.math.MathContext.DECIMAL64).doubleValue();
    }
}
