package dev.circuit.model;

import dev.circuit.diag.Pos;
import java.util.List;

/**
 * One perceptron of the flat graph: {@code out = act(sum(weights[i] * net[inputs[i]]) + sum(bias))}.
 * {@code path} is its instance path ({@code adder/fa3/g2}); {@code pos} is where it was written.
 * The bias is a list because a sum like {@code ?*a + ? + 3} has a learnable and a fixed part.
 * {@code exact} is the neuron's exact integer form when it is hard with fixed weights (null
 * otherwise): every back end reads a hard neuron's meaning from it, and from nowhere else.
 */
public record Neuron(String path, Activation activation, int out, List<Integer> inputs, List<Coef> weights,
                     List<Coef> bias, Pos pos, Threshold exact) {
    public Neuron {
        inputs = List.copyOf(inputs);
        weights = List.copyOf(weights);
        bias = List.copyOf(bias);
        if (inputs.size() != weights.size()) throw new IllegalArgumentException("one weight per input");
        boolean hardFixed = activation.isHard() && allFixed(weights) && allFixed(bias);
        if (hardFixed != (exact != null)) throw new IllegalArgumentException("exact form iff hard and fixed");
        if (exact != null && exact.fanIn() != inputs.size()) throw new IllegalArgumentException("exact form fan-in");
    }

    /** A neuron whose exact form (when it has one) is computed from its coefficients. */
    public Neuron(String path, Activation activation, int out, List<Integer> inputs, List<Coef> weights,
                  List<Coef> bias, Pos pos) {
        this(path, activation, out, inputs, weights, bias, pos, exactForm(activation, weights, bias));
    }

    private static Threshold exactForm(Activation activation, List<Coef> weights, List<Coef> bias) {
        if (!activation.isHard() || !allFixed(weights) || !allFixed(bias)) return null;
        Rational b = Rational.ZERO;
        for (Coef c : bias) b = b.plus(c.scale());
        List<Rational> ws = new java.util.ArrayList<>(weights.size());
        for (Coef c : weights) ws.add(c.scale());
        return Threshold.of(activation, ws, b);
    }

    private static boolean allFixed(List<Coef> cs) {
        for (Coef c : cs) if (!c.isFixed()) return false;
        return true;
    }

    public int fanIn() {
        return inputs.size();
    }

    public boolean isFixed() {
        return allFixed(weights) && allFixed(bias);
    }

    public Neuron withInputs(List<Integer> newInputs, int newOut) {
        return new Neuron(path, activation, newOut, newInputs, weights, bias, pos, exact);
    }
}
