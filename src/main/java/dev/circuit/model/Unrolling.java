package dev.circuit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A circuit with flip-flops unrolled over {@code cycles} cycles into one combinational netlist: one
 * copy of the logic per cycle, cycle t's flip-flop outputs being cycle t-1's flip-flop inputs (their
 * initial values in cycle 0). Its inputs are every cycle's inputs, cycle 0's first, and its outputs
 * every cycle's outputs, cycle 0's first; terminal {@code name} of cycle t is named {@code name@t}.
 * Learnable coefficients keep their parameter ids, so every copy shares them: training the
 * unrolled netlist is backpropagation through time.
 *
 * <p>Feedback wires settle by iteration, which unrolls into no fixed network: a circuit with them
 * has no unrolling ({@link #of} returns null).
 */
public record Unrolling(Netlist net, Netlist original, int cycles) {
    public static Unrolling of(Netlist s, int k) {
        if (s.hasFeedback() || k < 1) return null;
        List<String> names = new ArrayList<>();
        List<Terminal> ins = new ArrayList<>();
        int[][] map = new int[k][s.netCount()];
        for (int t = 0; t < k; t++) {
            for (Terminal term : s.inputs()) {
                List<Integer> nets = new ArrayList<>();
                for (int n : term.nets()) {
                    map[t][n] = names.size();
                    nets.add(names.size());
                    names.add(s.netNames().get(n) + "@" + t);
                }
                ins.add(new Terminal(term.name() + "@" + t, term.bus(), nets, term.pos()));
            }
        }
        List<Netlist.Constant> consts = new ArrayList<>();
        int zero = -1;
        int one = -1;
        for (Netlist.Constant cst : s.constants()) {
            int at = names.size();
            names.add(s.netNames().get(cst.net()));
            consts.add(new Netlist.Constant(at, cst.value()));
            for (int t = 0; t < k; t++) map[t][cst.net()] = at;
            if (cst.value() == 0) zero = at;
            if (cst.value() == 1) one = at;
        }
        if (zero < 0) {
            zero = names.size();
            names.add("0");
            consts.add(new Netlist.Constant(zero, 0));
        }
        if (one < 0) {
            one = names.size();
            names.add("1");
            consts.add(new Netlist.Constant(one, 1));
        }
        List<Neuron> neurons = new ArrayList<>(s.neurons().size() * k);
        for (int t = 0; t < k; t++) {
            for (StateBit b : s.state()) map[t][b.q()] = t == 0 ? (b.init() ? one : zero) : map[t - 1][b.d()];
            for (Neuron n : s.neurons()) {
                List<Integer> inputs = new ArrayList<>(n.fanIn());
                for (int in : n.inputs()) inputs.add(map[t][in]);
                map[t][n.out()] = names.size();
                names.add(s.netNames().get(n.out()) + "@" + t);
                neurons.add(n.withInputs(inputs, map[t][n.out()]));
            }
        }
        List<Terminal> outs = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (Terminal term : s.outputs()) {
                List<Integer> nets = new ArrayList<>();
                for (int n : term.nets()) nets.add(map[t][n]);
                outs.add(new Terminal(term.name() + "@" + t, term.bus(), nets, term.pos()));
            }
        }
        return new Unrolling(new Netlist(s.name() + "@" + k, ins, outs, neurons, consts, s.params(), names), s, k);
    }

    /** The index, among the unrolled terminals (inputs then outputs), of terminal {@code i} of the original in cycle {@code t}. */
    public int terminal(int t, int i) {
        int nIn = original.inputs().size();
        int nOut = original.outputs().size();
        return i < nIn ? t * nIn + i : cycles * nIn + t * nOut + (i - nIn);
    }

    /** Where cycle t's input bits start among the unrolled input bits. */
    public int inputBitsAt(int t) {
        return t * original.inputBits();
    }

    /** Where cycle t's output bits start among the unrolled output bits. */
    public int outputBitsAt(int t) {
        return t * original.outputs().stream().mapToInt(Terminal::width).sum();
    }
}
