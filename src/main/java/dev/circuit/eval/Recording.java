package dev.circuit.eval;

import dev.circuit.model.Netlist;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulation showed, cycle by cycle: each cycle's input bits and output bits (terminal order,
 * bus bits LSB first), and, when asked for, every net's settled value. Cycle t's outputs were read
 * after its inputs settled and before the clock edge that ended it.
 */
public record Recording(Netlist net, List<double[]> inputs, List<double[]> outputs, List<double[]> nets) {
    public Recording {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        nets = nets == null ? null : List.copyOf(nets);
        if (inputs.size() != outputs.size() || nets != null && nets.size() != inputs.size()) {
            throw new IllegalArgumentException("one row of each per cycle");
        }
    }

    public int cycles() {
        return inputs.size();
    }

    /**
     * Runs {@code cycles} cycles from the initial state; cycle t takes {@code stimulus[t]} (one value
     * per input bit). {@code allNets} keeps every net of every cycle (for a waveform of the insides).
     * A loop that does not settle ends it with {@link Simulator.Oscillation}.
     */
    public static Recording of(Netlist net, double[] params, double[][] stimulus, int cycles, boolean allNets) {
        if (stimulus.length < cycles) throw new IllegalArgumentException("a stimulus row per cycle");
        Simulator sim = new Simulator(net, params);
        List<double[]> ins = new ArrayList<>(cycles);
        List<double[]> outs = new ArrayList<>(cycles);
        List<double[]> all = allNets ? new ArrayList<>(cycles) : null;
        for (int t = 0; t < cycles; t++) {
            double[] settled = sim.settle(stimulus[t], null);
            ins.add(stimulus[t].clone());
            outs.add(sim.outputBits());
            if (all != null) all.add(settled.clone());
            sim.clock();
        }
        return new Recording(net, ins, outs, all);
    }
}
