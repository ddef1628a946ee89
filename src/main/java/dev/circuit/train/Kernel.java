package dev.circuit.train;

import dev.circuit.model.Activation;

/**
 * A network's tapes compiled to JVM code by {@link TapeCompiler}: the same ops, in the same order,
 * with the operand indices as constants, so nothing is decoded per row. {@link FlatNet} runs its
 * tapes through one when the network is small enough, and interprets them otherwise.
 */
interface Kernel {
    /** The forward tape. */
    void forward(double[] m, double k, Activation[] act);

    /** The accumulating backward tape: gradients added to {@code grad}. */
    void accumulate(double[] m, double k, Activation[] act, double[] grad);

    /** The fused backward tape: each parameter's SGD step at {@code rate} as backward reaches it. */
    void fused(double[] m, double k, Activation[] act, double rate, double[] params);

    /** The reload tape: the weights and biases in {@code m} recomputed from {@code params}. */
    void reload(double[] m, double[] params);
}
