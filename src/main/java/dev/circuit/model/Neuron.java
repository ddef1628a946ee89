package dev.circuit.model;

import dev.circuit.diag.Pos;
import java.util.List;

/**
 * One perceptron of the flat graph: {@code out = act(sum(weights[i] * net[inputs[i]]) + sum(bias))}.
 * {@code path} is its instance path ({@code adder/fa3/g2}); {@code pos} is where it was written.
 * The bias is a list because a sum like {@code ?*a + ? + 3} has a learnable and a fixed part.
 */
public record Neuron(String path, Activation activation, int out, List<Integer> inputs, List<Coef> weights,
                     List<Coef> bias, Pos pos) {
    public Neuron {
        inputs = List.copyOf(inputs);
        weights = List.copyOf(weights);
        bias = List.copyOf(bias);
        if (inputs.size() != weights.size()) throw new IllegalArgumentException("one weight per input");
    }

    public int fanIn() {
        return inputs.size();
    }

    public boolean isFixed() {
        return weights.stream().allMatch(Coef::isFixed) && bias.stream().allMatch(Coef::isFixed);
    }

    public Neuron withInputs(List<Integer> newInputs, int newOut) {
        return new Neuron(path, activation, newOut, newInputs, weights, bias, pos);
    }
}
