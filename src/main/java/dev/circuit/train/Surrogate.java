package dev.circuit.train;

import dev.circuit.model.Activation;

/**
 * The smooth stand-in for a hard neuron while training. {@code step(z)} and {@code z >= 0} have a zero
 * derivative almost everywhere, so gradient descent could never move their weights. During training
 * each hard neuron that a learnable coefficient reaches (its own, or one upstream) computes
 * {@code sigmoid(k*z)} instead, whose derivative is {@code k*y*(1-y)}; the slope k grows over the run
 * (see {@link #slope}) so the soft neuron approaches the hard one it stands for. Smooth activations,
 * and hard neurons no parameter reaches, are used as they are (see {@link Network}).
 */
final class Surrogate {
    /** Slope at the first epoch and at the last: a gentle start, a nearly hard finish. */
    static final double FIRST_SLOPE = 1;
    static final double LAST_SLOPE = 4;

    private Surrogate() {}

    /** The slope k for an epoch: geometric from {@link #FIRST_SLOPE} to {@link #LAST_SLOPE}. */
    static double slope(int epoch, int epochs) {
        if (epochs <= 1) return FIRST_SLOPE;
        double t = Math.min(1, (double) epoch / (epochs - 1));
        return FIRST_SLOPE * Math.pow(LAST_SLOPE / FIRST_SLOPE, t);
    }

    /** Forward rule of a hard neuron while training: sigmoid(k z). */
    static double apply(double z, double k) {
        return Activation.SIGMOID.apply(k * z);
    }

    /** Backward rule, next to its forward rule: dy/dz = k y (1 - y), given y = apply(z, k). */
    static double derivative(double y, double k) {
        return k * y * (1 - y);
    }
}
