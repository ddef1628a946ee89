package dev.circuit.model;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A circuit elaborated into one flat graph. Nets are numbered 0..netCount-1; each is an input bit,
 * a constant, the output of a bit of state ({@link StateBit}), or the output of exactly one neuron.
 * Inputs come first, then constants, then state outputs, then neuron outputs. {@code neurons} is in
 * topological order: every neuron comes after the neurons it reads; state outputs are read like
 * inputs, so a loop through a flip-flop or a feedback wire is no cycle. {@code netNames} gives each
 * net's full path, for messages.
 */
public record Netlist(String name, List<Terminal> inputs, List<Terminal> outputs, List<Neuron> neurons,
                      List<Constant> constants, List<Param> params, List<String> netNames, List<StateBit> state) {
    public Netlist {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        neurons = List.copyOf(neurons);
        constants = List.copyOf(constants);
        params = List.copyOf(params);
        netNames = List.copyOf(netNames);
        state = List.copyOf(state);
    }

    /** A combinational netlist: no state. */
    public Netlist(String name, List<Terminal> inputs, List<Terminal> outputs, List<Neuron> neurons,
                   List<Constant> constants, List<Param> params, List<String> netNames) {
        this(name, inputs, outputs, neurons, constants, params, netNames, List.of());
    }

    /** True when the circuit has flip-flops or feedback wires: its outputs depend on the past. */
    public boolean isSequential() {
        return !state.isEmpty();
    }

    /** True when some state is a feedback wire: a cycle settles by iteration. */
    public boolean hasFeedback() {
        for (StateBit s : state) if (s.kind() == StateBit.Kind.FEEDBACK) return true;
        return false;
    }

    /** A net tied to a fixed value (the {@code 0} in {@code nand(a, 0)}). */
    public record Constant(int net, double value) {}

    public int netCount() {
        return netNames.size();
    }

    public int inputBits() {
        int bits = 0;
        for (Terminal t : inputs) bits += t.width();
        return bits;
    }

    /** True when every neuron is a step or threshold neuron with fixed weights: 0/1 in, 0/1 out. */
    public boolean isBoolean() {
        for (Neuron n : neurons) if (!n.activation().isHard() || !n.isFixed()) return false;
        for (Constant c : constants) if (c.value() != 0 && c.value() != 1) return false;
        return true;
    }

    /**
     * Starting values of the learnable parameters: the written value, or a draw from U(-1, 1) seeded
     * by {@code seed} and the parameter's index, so adding a parameter does not shift the others.
     */
    public double[] initialParams(long seed) {
        double[] v = new double[params.size()];
        for (Param p : params) {
            v[p.id()] = p.init() != null ? p.init().doubleValue()
                    : new SplittableRandom(seed * 0x9E3779B97F4A7C15L + p.id()).nextDouble(-1, 1);
        }
        return v;
    }

    /** Inputs then outputs: the terminals a check's property reads ({@link Prop.Term#terminal}). */
    public List<Terminal> terminals() {
        List<Terminal> all = new java.util.ArrayList<>(inputs);
        all.addAll(outputs);
        return all;
    }

    public Terminal input(String name) {
        return named(inputs, name);
    }

    public Terminal output(String name) {
        return named(outputs, name);
    }

    // Loops rather than streams in this class: a short run calls these once each, and each stream
    // or lambda costs its linkage in the interpreter (docs/BENCHMARKS.md, "Start-up").
    private static Terminal named(List<Terminal> terms, String name) {
        for (Terminal t : terms) if (t.name().equals(name)) return t;
        return null;
    }
}
