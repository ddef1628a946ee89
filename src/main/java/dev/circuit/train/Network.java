package dev.circuit.train;

import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Terminal;
import java.util.List;

/**
 * A netlist compiled for training: flat arrays, a forward pass and a backward pass over the one
 * topological order the netlist already has (micrograd's design, with one node kind: the neuron).
 * Each neuron's forward rule {@code y = act(sum w*x + b)} and its backward rule sit side by side in
 * {@link #forward} and {@link #backward}; gradients are accumulated, so a batch is a sum of rows.
 * Not thread-safe: it holds the current weights (see {@link #load}).
 */
final class Network {
    private final Netlist net;
    final int[][] in;
    final double[][] scale;   // a fixed weight's value, or the scale of a learnable one
    final int[][] param;      // the parameter a weight reads, or -1 when fixed
    final double[] fixedBias; // the sum of the fixed bias terms
    final int[][] biasParam;
    final double[][] biasScale;
    final Activation[] act;
    // True for a hard neuron some parameter reaches: it trains as its sigmoid surrogate. A hard
    // neuron no parameter reaches (a fixed NAND on the inputs) stays exactly hard.
    final boolean[] soft;
    // True for a neuron some parameter reaches (its own or one upstream); the others need no backward.
    final boolean[] reached;
    final int[] out;
    // Fixed hard neurons no parameter reaches, in exact integer form (weights times 10^scale), so
    // step(0.1*a + 0.2*b - 0.3) is 0 at a = b = 1 here as in the evaluator; null when not exact.
    final long[][] exactW;
    final long[] exactThreshold;
    // The neurons with a learnable coefficient: the only ones load() must recompute.
    final int[] learnable;
    final int[] outputNets;
    final int[] constNets;
    final double[] constValues;
    final int inputBits;
    // The current weights: scale * params[param] folded in by load().
    private final double[][] w;
    private final double[] b;

    Network(Netlist net) {
        this.net = net;
        List<Neuron> ns = net.neurons();
        int n = ns.size();
        in = new int[n][];
        scale = new double[n][];
        param = new int[n][];
        fixedBias = new double[n];
        biasParam = new int[n][];
        biasScale = new double[n][];
        act = new Activation[n];
        soft = new boolean[n];
        reached = new boolean[n];
        exactW = new long[n][];
        exactThreshold = new long[n];
        out = new int[n];
        w = new double[n][];
        boolean[] reachedNet = new boolean[net.netCount()];
        b = new double[n];
        for (int i = 0; i < n; i++) {
            Neuron nr = ns.get(i);
            in[i] = nr.inputs().stream().mapToInt(Integer::intValue).toArray();
            scale[i] = nr.weights().stream().mapToDouble(c -> c.scale().doubleValue()).toArray();
            param[i] = nr.weights().stream().mapToInt(Coef::param).toArray();
            w[i] = new double[in[i].length];
            List<Coef> learnableBias = nr.bias().stream().filter(c -> !c.isFixed()).toList();
            fixedBias[i] = nr.bias().stream().filter(Coef::isFixed).mapToDouble(c -> c.scale().doubleValue()).sum();
            biasParam[i] = learnableBias.stream().mapToInt(Coef::param).toArray();
            biasScale[i] = learnableBias.stream().mapToDouble(c -> c.scale().doubleValue()).toArray();
            act[i] = nr.activation();
            out[i] = nr.out();
            boolean r = !nr.isFixed();
            for (int x : in[i]) r |= reachedNet[x];
            reachedNet[out[i]] = r;
            this.reached[i] = r;
            soft[i] = r && act[i].isHard();
            if (!r && act[i].isHard()) exact(i, nr);
        }
        learnable = java.util.stream.IntStream.range(0, n).filter(i -> !ns.get(i).isFixed()).toArray();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < w[i].length; k++) w[i][k] = scale[i][k];
            b[i] = fixedBias[i];
        }
        outputNets = net.outputs().stream().flatMap(t -> t.nets().stream()).mapToInt(Integer::intValue).toArray();
        constNets = net.constants().stream().mapToInt(Netlist.Constant::net).toArray();
        constValues = net.constants().stream().mapToDouble(Netlist.Constant::value).toArray();
        inputBits = net.inputs().stream().mapToInt(Terminal::width).sum();
    }

    /** A fixed hard neuron's exact form in longs ({@link dev.circuit.model.Threshold#longs}), when it fits. */
    private void exact(int i, Neuron nr) {
        long[] form = nr.exact().longs();
        if (form == null) return;
        exactW[i] = java.util.Arrays.copyOf(form, nr.fanIn());
        exactThreshold[i] = form[nr.fanIn()];
    }

    Netlist netlist() {
        return net;
    }

    int neurons() {
        return act.length;
    }

    int outputBits() {
        return outputNets.length;
    }

    int inputBits() {
        return inputBits;
    }

    /** True when some hard neuron trains as its surrogate, whose slope then matters. */
    boolean hasSurrogates() {
        for (boolean s : soft) if (s) return true;
        return false;
    }

    int paramCount() {
        return net.params().size();
    }

    int netCount() {
        return net.netCount();
    }

    /** Folds the parameter vector into the weights; call after every update. Fixed neurons never change. */
    void load(double[] params) {
        for (int i : learnable) {
            for (int k = 0; k < w[i].length; k++) w[i][k] = param[i][k] < 0 ? scale[i][k] : scale[i][k] * params[param[i][k]];
            double s = fixedBias[i];
            for (int k = 0; k < biasParam[i].length; k++) s += biasScale[i][k] * params[biasParam[i][k]];
            b[i] = s;
        }
    }

    /**
     * Forward: fills {@code nets} with every net's value and {@code z} with every neuron's weighted
     * sum, hard neurons that parameters reach replaced by their surrogate of slope {@code k} (see {@link Surrogate}).
     */
    void forward(double[] inputs, double[] nets, double[] z, double k) {
        System.arraycopy(inputs, 0, nets, 0, inputBits);
        for (int c = 0; c < constNets.length; c++) nets[constNets[c]] = constValues[c];
        for (int i = 0; i < act.length; i++) {
            int[] ins = in[i];
            if (exactW[i] != null && exactHard(i, nets)) continue;
            double[] ws = w[i];
            double s = b[i];
            for (int j = 0; j < ins.length; j++) s += ws[j] * nets[ins[j]];
            z[i] = s;
            nets[out[i]] = soft[i] ? Surrogate.apply(s, k) : act[i].apply(s);
        }
    }

    /** Evaluates a fixed hard neuron exactly when its inputs are all 0 or 1; false when they are not. */
    private boolean exactHard(int i, double[] nets) {
        long sum = 0;
        int[] ins = in[i];
        long[] ew = exactW[i];
        for (int k = 0; k < ins.length; k++) {
            double v = nets[ins[k]];
            if (v == 1) sum += ew[k];
            else if (v != 0) return false;
        }
        // z is only needed by backward for neurons some parameter reaches; this one has none
        nets[out[i]] = sum >= exactThreshold[i] ? 1 : 0;
        return true;
    }

    /** The output bits after {@link #forward}, in terminal order. */
    void outputs(double[] nets, double[] into) {
        for (int j = 0; j < outputNets.length; j++) into[j] = nets[outputNets[j]];
    }

    /**
     * Backward: given dL/d(output bit) in {@code dOut}, adds dL/d(param) to {@code grad}. Walks the
     * neurons in reverse topological order, so a net's gradient is complete (every reader has added
     * its share) before the neuron that drives it passes it on. {@code dNets} is scratch space.
     */
    void backward(double[] nets, double[] z, double k, double[] dOut, double[] grad, double[] dNets) {
        java.util.Arrays.fill(dNets, 0);
        for (int j = 0; j < outputNets.length; j++) dNets[outputNets[j]] += dOut[j];
        for (int i = act.length - 1; i >= 0; i--) {
            double dy = dNets[out[i]];
            if (dy == 0) continue;
            double y = nets[out[i]];
            double dz = dy * (soft[i] ? Surrogate.derivative(y, k) : act[i].derivative(z[i], y));
            int[] bp = biasParam[i];
            for (int j = 0; j < bp.length; j++) grad[bp[j]] += dz * biasScale[i][j];
            int[] ins = in[i];
            int[] ps = param[i];
            double[] ws = w[i];
            for (int j = 0; j < ins.length; j++) {
                double x = nets[ins[j]];
                if (ps[j] >= 0) grad[ps[j]] += dz * scale[i][j] * x;
                dNets[ins[j]] += dz * ws[j];
            }
        }
    }
}
