package dev.circuit.train;

import dev.circuit.model.Activation;
import java.util.Arrays;

/**
 * The trainer's fast path: a {@link Network} and its {@link Dataset} compiled once into tapes, flat
 * int arrays of op codes and operand indices, each run per row by a small switch loop over one
 * array of doubles (net values, their gradients, weights, scales). A row is the forward tape (an op
 * per neuron), the loss of each output, then the backward tape (the neurons some
 * parameter reaches, in reverse order). Every rule is the general path's, applied in
 * the same order to the same operands, so weights, losses and reports are the same bit for bit
 * (FlatNetOracleTest holds the two paths to that); what it saves is the per-neuron loops, arrays and
 * calls the general path pays on every row, which dominate on small networks.
 *
 * <p>It covers every option the trainer has (both losses, all optimizers, any batch size,
 * shuffling, surrogates, exact fixed hard neurons); {@link Trainer} keeps the general path as the
 * oracle and for {@code --general-trainer}. For online SGD on a network whose every parameter is
 * read by one coefficient, a second tape steps each parameter as soon as backward reaches it
 * (see {@link #SW}). Not thread-safe.
 *
 * <p>Why one file of about 480 lines: the tape builders and the tape interpreter share the op codes
 * and the operand layout of one array; split apart, each half would have to describe the other's
 * encoding, and {@link TapeCompiler} already mirrors the interpreter op for op.
 */
final class FlatNet {
    private static final byte KIND_PLAIN = 0; // act(z)
    private static final byte KIND_SOFT = 1; // a hard neuron some parameter reaches: the surrogate sigmoid(k z)
    private static final byte KIND_EXACT = 2; // a fixed hard neuron in exact integer arithmetic (on 0/1 inputs)

    private final int neurons;
    private final byte[] kind;
    private final Activation[] act;
    private final boolean[] backprop; // some parameter reaches the neuron: the others have nothing to pass back
    private final int[] out;
    // Neuron i's weights are the terms termStart[i] .. termStart[i+1]-1: input net, parameter (-1:
    // fixed), scale and, for EXACT neurons, the weight as an integer. The current weights (scale *
    // parameter) live in m.
    private final int[] termStart;
    private final int[] termIn;
    private final int[] termParam;
    private final double[] termScale;
    private final long[] termExact;
    private final boolean[] termBack; // the input is driven by a neuron some parameter reaches: backward passes dx to it
    // Neuron i's learnable bias terms are biasStart[i] .. biasStart[i+1]-1; its fixed ones are summed.
    private final int[] biasStart;
    private final int[] biasParam;
    private final double[] biasScale;
    private final double[] fixedBias;
    private final long[] exactThreshold;
    // Every parameter is read by exactly one coefficient: its gradient in a row is one term, so online
    // SGD can step it the moment backward reaches it (the fused tape, see SW).
    private final boolean fusable;
    private final int[] learnableTerms;
    private final int[] learnableNeurons;
    private final int[] outputNets;
    private final int[] constNets;
    private final double[] constValues;
    // The data, row after row.
    private final int inputBits;
    private final int outputBits;
    private final double[] x;
    private final double[] y;
    // One array of doubles for the tape: net values, dL/d(net), weighted sums, weights, biases and
    // the constants they are made of; the tapes hold indices into it.
    private final double[] m;
    private final int dn0; // dL/d(net j) is m[dn0 + j]; net j's value is m[j]
    private final int z0;
    private final int w0;
    private final int b0;
    private final int s0;
    private final int bs0;
    private final int fb0;
    private final int c0;
    private final int[] forwardTape;
    private final int[] accumulateTape;
    private final int[] fusedTape;
    /** The tapes as generated code ({@link TapeCompiler}), or null: then they are interpreted here. */
    private final Kernel kernel;
    /** False interprets every tape (for the tests that hold generated code to the interpreter). */
    static volatile boolean generateKernels = true;

    FlatNet(Network n, Dataset data) {
        neurons = n.neurons();
        kind = new byte[neurons];
        act = n.act.clone();
        backprop = n.reached.clone();
        out = n.out.clone();
        termStart = new int[neurons + 1];
        biasStart = new int[neurons + 1];
        for (int i = 0; i < neurons; i++) {
            termStart[i + 1] = termStart[i] + n.in[i].length;
            biasStart[i + 1] = biasStart[i] + n.biasParam[i].length;
        }
        int terms = termStart[neurons];
        termIn = new int[terms];
        termParam = new int[terms];
        termScale = new double[terms];
        termExact = new long[terms];
        biasParam = new int[biasStart[neurons]];
        biasScale = new double[biasStart[neurons]];
        for (int i = 0; i < neurons; i++) {
            kind[i] = n.soft[i] ? KIND_SOFT : n.exactW[i] != null ? KIND_EXACT : KIND_PLAIN;
            int t0 = termStart[i];
            System.arraycopy(n.in[i], 0, termIn, t0, n.in[i].length);
            System.arraycopy(n.param[i], 0, termParam, t0, n.in[i].length);
            System.arraycopy(n.scale[i], 0, termScale, t0, n.in[i].length);
            if (n.exactW[i] != null) System.arraycopy(n.exactW[i], 0, termExact, t0, n.in[i].length);
            System.arraycopy(n.biasParam[i], 0, biasParam, biasStart[i], n.biasParam[i].length);
            System.arraycopy(n.biasScale[i], 0, biasScale, biasStart[i], n.biasScale[i].length);
        }
        boolean[] backNet = new boolean[n.netCount()];
        for (int i = 0; i < neurons; i++) backNet[out[i]] = backprop[i];
        termBack = new boolean[terms];
        for (int t = 0; t < terms; t++) termBack[t] = backNet[termIn[t]];
        fixedBias = n.fixedBias.clone();
        exactThreshold = n.exactThreshold.clone();
        learnableNeurons = n.learnable.clone();
        int[] uses = new int[n.paramCount()];
        for (int p : termParam) if (p >= 0) uses[p]++;
        for (int p : biasParam) uses[p]++;
        // (plain loops, no streams: this runs inside the timed training, and a lambda's first use costs milliseconds)
        boolean once = true;
        for (int u : uses) once &= u == 1;
        fusable = once;
        int learnable = 0;
        for (int p : termParam) if (p >= 0) learnable++;
        learnableTerms = new int[learnable];
        for (int t = 0, j = 0; t < terms; t++) if (termParam[t] >= 0) learnableTerms[j++] = t;
        outputNets = n.outputNets.clone();
        constNets = n.constNets.clone();
        constValues = n.constValues.clone();
        inputBits = n.inputBits();
        outputBits = n.outputBits();
        int rows = data.rows();
        x = new double[rows * inputBits];
        y = new double[rows * outputBits];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data.inputs()[r], 0, x, r * inputBits, inputBits);
            System.arraycopy(data.targets()[r], 0, y, r * outputBits, outputBits);
        }
        int nets = n.netCount();
        dn0 = nets;
        z0 = dn0 + nets;
        w0 = z0 + neurons;
        b0 = w0 + terms;
        s0 = b0 + neurons;
        bs0 = s0 + terms;
        fb0 = bs0 + biasScale.length;
        c0 = fb0 + neurons;
        m = new double[c0 + constValues.length];
        System.arraycopy(fixedBias, 0, m, fb0, neurons);
        System.arraycopy(termScale, 0, m, w0, terms); // fixed weights; reload sets the learnable ones
        System.arraycopy(fixedBias, 0, m, b0, neurons);
        System.arraycopy(termScale, 0, m, s0, terms);
        System.arraycopy(biasScale, 0, m, bs0, biasScale.length);
        System.arraycopy(constValues, 0, m, c0, constValues.length);
        forwardTape = forwardTape();
        accumulateTape = backwardTape(false);
        fusedTape = fusable ? backwardTape(true) : null;
        kernel = generateKernels ? TapeCompiler.compile(forwardTape, accumulateTape, fusedTape, reloadTape()) : null;
    }

    /** "generated code" or "interpreted tapes": how rows run, for tests and reports. */
    String mode() {
        return kernel != null ? "generated code" : "interpreted tapes";
    }

    // The ops. Operands follow the op code, as indices into m (or into params and grad); each
    // forward op's backward rule is named beside it. s is the weighted sum being built, dz the
    // gradient of the neuron being walked back. Every tape ends with END.
    static final int END = 0;
    /**
     * Forward of a sigmoid neuron: s = bias m[a] + the sum of weight * net over its e (weight, net)
     * pairs in order, then z m[b] = s and y m[c] = sigmoid(s). Backward: DZ_SIGMOID, then GB, GW and
     * DX (or SB, SW and RB) for its terms.
     */
    static final int SIGMOID = 1;
    /** As SIGMOID for a hard neuron some parameter reaches: y = the surrogate sigmoid(k s). Backward: DZ_SOFT. */
    static final int SOFT = 2;
    /** As SIGMOID with neuron d's own activation. Backward: DZ_ANY. */
    static final int ACT = 3;
    /** Forward: fixed hard neuron a in exact integers when its inputs are bits, then jump to b (past its float ops). */
    static final int EXACT = 4;
    /** Backward of SIGMOID: dy = dL/dy m[a], cleared; jump to c when 0, else dz = dy * sigmoid'(y m[b]). */
    static final int DZ_SIGMOID = 5;
    /** Backward of SOFT: as DZ_SIGMOID with the surrogate's derivative. */
    static final int DZ_SOFT = 6;
    /** Backward of ACT: as DZ_SIGMOID with neuron d's activation, at z m[c]; jumps to e. */
    static final int DZ_ANY = 7;
    /** Backward of a learnable bias term: grad[a] += dz * scale m[b]. */
    static final int GB = 8;
    /** Backward of a weight term, for the weight: grad[a] += dz * scale m[b] * net m[c]. */
    static final int GW = 9;
    /** Backward of a weight term, for its input: dL/d(net) m[b] += dz * weight m[a]. */
    static final int DX = 10;
    /** GB and its SGD step at once: params[a] -= rate * (dz * m[b]). */
    static final int SB = 11;
    /**
     * GW and its SGD step at once: params[a] -= rate * (dz * m[b] * m[c]), and the weight m[d]
     * refolded. The general path adds each parameter's one gradient term to a zeroed sum, steps, and
     * folds the parameter back into the weight: equal bit for bit, since 0 + g is g except that
     * g = -0.0 gives +0.0, and p - rate*(+0.0) equals p - rate*(-0.0) for every p but -0.0, which
     * the caller rules out (no subtraction makes a -0.0 that was not there).
     */
    static final int SW = 12;
    /** After SB: the bias m[a] refolded: fixed part m[b], then c terms (scale m[.], parameter) in order. */
    static final int RB = 13;
    /** Reload of a learnable weight: m[a] = scale m[b] * params[c]. (The reload tape is RW and RB ops.) */
    static final int RW = 14;

    /** The forward tape: every neuron in topological order. */
    private int[] forwardTape() {
        IntList t = new IntList();
        for (int i = 0; i < neurons; i++) {
            int exactAt = -1;
            if (kind[i] == KIND_EXACT) {
                t.add(EXACT, i, 0);
                exactAt = t.size() - 1;
            }
            int op = kind[i] == KIND_SOFT ? SOFT : act[i] == Activation.SIGMOID ? SIGMOID : ACT;
            t.add(op, b0 + i, z0 + i, out[i], i, termStart[i + 1] - termStart[i]);
            for (int k = termStart[i]; k < termStart[i + 1]; k++) t.add(w0 + k, termIn[k]);
            if (exactAt >= 0) t.set(exactAt, t.size());
        }
        t.add(END);
        return t.toArray();
    }

    /** The backward tape: neurons some parameter reaches, in reverse order; with {@code fused}, SGD steps in place of gradients. */
    private int[] backwardTape(boolean fused) {
        IntList t = new IntList();
        for (int i = neurons - 1; i >= 0; i--) {
            if (!backprop[i]) continue;
            int o = out[i];
            if (kind[i] == KIND_SOFT) t.add(DZ_SOFT, dn0 + o, o, 0);
            else if (act[i] == Activation.SIGMOID) t.add(DZ_SIGMOID, dn0 + o, o, 0);
            else t.add(DZ_ANY, dn0 + o, o, z0 + i, i, 0);
            int skipAt = t.size() - 1;
            for (int j = biasStart[i]; j < biasStart[i + 1]; j++) t.add(fused ? SB : GB, biasParam[j], bs0 + j);
            for (int k = termStart[i]; k < termStart[i + 1]; k++) {
                int p = termParam[k];
                if (fused) {
                    if (termBack[k]) t.add(DX, w0 + k, dn0 + termIn[k]);
                    if (p >= 0) t.add(SW, p, s0 + k, termIn[k], w0 + k);
                } else {
                    if (p >= 0) t.add(GW, p, s0 + k, termIn[k]);
                    if (termBack[k]) t.add(DX, w0 + k, dn0 + termIn[k]);
                }
            }
            if (fused && biasStart[i] < biasStart[i + 1]) {
                t.add(RB, b0 + i, fb0 + i, biasStart[i + 1] - biasStart[i]);
                for (int j = biasStart[i]; j < biasStart[i + 1]; j++) t.add(bs0 + j, biasParam[j]);
            }
            t.set(skipAt, t.size());
        }
        t.add(END);
        return t.toArray();
    }

    /** A growable int array for building tapes. */
    private static final class IntList {
        private int[] a = new int[64];
        private int n;

        void add(int... v) {
            if (n + v.length > a.length) a = Arrays.copyOf(a, Math.max(2 * a.length, n + v.length));
            System.arraycopy(v, 0, a, n, v.length);
            n += v.length;
        }

        void set(int at, int v) {
            a[at] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /**
     * One epoch over the rows {@code order}, a step after every {@code batch} of them (batches
     * without a cared-for term are skipped); returns the summed loss of all batches, each measured
     * before its step. {@code cared[row]} counts a row's cared-for outputs. The weights must be
     * {@link #reload reloaded} from {@code params} before the first epoch; each step reloads them.
     *
     * <p>Each part (epoch, row, forward, backward) is its own small method: the JIT compiles small
     * methods early and quickly, where one big one waited behind a long compile on a busy machine.
     */
    double epoch(int[] order, int[] cared, int batch, double k, Loss loss, Optimizer opt, double rate, double[] params,
                 double[] grad) {
        int rows = order.length;
        boolean fused = fusedTape != null && batch == 1 && opt instanceof Optimizer.Sgd && !hasNegativeZero(params);
        double lossSum = 0;
        for (int from = 0; from < rows; from += batch) {
            int to = Math.min(rows, from + batch);
            int n = 0;
            for (int r = from; r < to; r++) n += cared[order[r]];
            if (n == 0) continue;
            if (fused) {
                lossSum += row(order[from], n, k, loss, grad, 0, rate, params);
                continue;
            }
            Arrays.fill(grad, 0);
            double batchLoss = 0;
            for (int r = from; r < to; r++) batchLoss = row(order[r], n, k, loss, grad, batchLoss, 0, null);
            lossSum += batchLoss;
            opt.step(params, grad, rate);
            reload(params);
        }
        return lossSum;
    }

    /**
     * One row of a batch of {@code n} cared-for terms: forward, the loss of each output beside its
     * derivative (which seeds backward), backward; returns {@code lossSum} plus the row's loss terms.
     * Without {@code params} the gradient is added to {@code grad}; with it, each parameter takes its
     * SGD step at {@code rate} as backward reaches it (the fused tape).
     */
    private double row(int row, int n, double k, Loss loss, double[] grad, double lossSum, double rate, double[] params) {
        double[] m = this.m;
        int xr = row * inputBits;
        for (int j = 0; j < inputBits; j++) m[j] = x[xr + j];
        for (int c = 0; c < constNets.length; c++) m[constNets[c]] = m[c0 + c];
        if (kernel != null) kernel.forward(m, k, act);
        else forward(k);
        int yr = row * outputBits;
        for (int j = 0; j < outputBits; j++) {
            double target = y[yr + j];
            double d = 0;
            if (!Double.isNaN(target)) {
                double yhat = m[outputNets[j]];
                lossSum += loss.value(yhat, target);
                d = loss.derivative(yhat, target);
                if (n != 1) d /= n; // x / 1 is x exactly: online steps skip the division
            }
            m[dn0 + outputNets[j]] += d;
        }
        if (kernel != null) {
            if (params == null) kernel.accumulate(m, k, act, grad);
            else kernel.fused(m, k, act, rate, params);
        } else if (params == null) {
            backward(accumulateTape, k, grad, 0, null);
        } else {
            backward(fusedTape, k, grad, rate, params);
        }
        return lossSum;
    }

    /** Runs the forward tape: each neuron's y = act(sum w*x + b). */
    private void forward(double k) {
        int[] code = forwardTape;
        double[] m = this.m;
        int pc = 0;
        while (true) {
            switch (code[pc]) {
                case SIGMOID, SOFT, ACT -> {
                    int op = code[pc];
                    double s = m[code[pc + 1]];
                    int end = pc + 6 + 2 * code[pc + 5];
                    for (int q = pc + 6; q < end; q += 2) s += m[code[q]] * m[code[q + 1]];
                    m[code[pc + 2]] = s;
                    m[code[pc + 3]] = op == SIGMOID ? Activation.SIGMOID.apply(s) : op == SOFT ? Surrogate.apply(s, k) : act[code[pc + 4]].apply(s);
                    pc = end;
                }
                case EXACT -> pc = exactHard(code[pc + 1]) ? code[pc + 2] : pc + 3;
                default -> {
                    return;
                }
            }
        }
    }

    /**
     * Runs a backward tape: dz = dy * act'(z), then dw += dz * x and dx += dz * w for each weight
     * (or the fused SGD step). A neuron's dL/dy is read once, here, and cleared for the next row.
     */
    private void backward(int[] code, double k, double[] grad, double rate, double[] params) {
        double[] m = this.m;
        double dz = 0;
        int pc = 0;
        while (true) {
            switch (code[pc]) {
                case DZ_SIGMOID, DZ_SOFT, DZ_ANY -> {
                    int op = code[pc];
                    int dn = code[pc + 1];
                    double dy = m[dn];
                    m[dn] = 0;
                    int next = op == DZ_ANY ? pc + 5 : pc + 3;
                    if (dy == 0) {
                        pc = code[next];
                    } else {
                        double yi = m[code[pc + 2]];
                        dz = dy * (op == DZ_SIGMOID ? Activation.SIGMOID.derivative(0, yi) : op == DZ_SOFT ? Surrogate.derivative(yi, k)
                                : act[code[pc + 4]].derivative(m[code[pc + 3]], yi));
                        pc = next + 1;
                    }
                }
                case GB -> {
                    grad[code[pc + 1]] += dz * m[code[pc + 2]];
                    pc += 3;
                }
                case GW -> {
                    grad[code[pc + 1]] += dz * m[code[pc + 2]] * m[code[pc + 3]];
                    pc += 4;
                }
                case DX -> {
                    m[code[pc + 2]] += dz * m[code[pc + 1]];
                    pc += 3;
                }
                case SB -> {
                    params[code[pc + 1]] -= rate * (dz * m[code[pc + 2]]);
                    pc += 3;
                }
                case SW -> {
                    int p = code[pc + 1];
                    params[p] -= rate * (dz * m[code[pc + 2]] * m[code[pc + 3]]);
                    m[code[pc + 4]] = m[code[pc + 2]] * params[p];
                    pc += 5;
                }
                case RB -> {
                    double sum = m[code[pc + 2]];
                    int end = pc + 4 + 2 * code[pc + 3];
                    for (int q = pc + 4; q < end; q += 2) sum += m[code[q]] * params[code[q + 1]];
                    m[code[pc + 1]] = sum;
                    pc = end;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private static boolean hasNegativeZero(double[] params) {
        for (double p : params) if (Double.doubleToRawLongBits(p) == Long.MIN_VALUE) return true;
        return false;
    }

    /** Folds the parameters into the weights of the neurons that hold them (what {@link Network#load} does). */
    void reload(double[] params) {
        if (kernel != null) {
            kernel.reload(m, params);
            return;
        }
        for (int t : learnableTerms) m[w0 + t] = termScale[t] * params[termParam[t]];
        for (int i : learnableNeurons) {
            double s = fixedBias[i];
            for (int j = biasStart[i]; j < biasStart[i + 1]; j++) s += biasScale[j] * params[biasParam[j]];
            m[b0 + i] = s;
        }
    }

    /** {@link #reload} as a tape for the kernel: the same products and sums, in the same order. */
    private int[] reloadTape() {
        IntList t = new IntList();
        for (int w : learnableTerms) t.add(RW, w0 + w, s0 + w, termParam[w]);
        for (int i : learnableNeurons) {
            t.add(RB, b0 + i, fb0 + i, biasStart[i + 1] - biasStart[i]);
            for (int j = biasStart[i]; j < biasStart[i + 1]; j++) t.add(bs0 + j, biasParam[j]);
        }
        t.add(END);
        return t.toArray();
    }

    /** A fixed hard neuron in integers when its inputs are all 0 or 1 (see Network); false when they are not. */
    private boolean exactHard(int i) {
        long sum = 0;
        for (int t = termStart[i]; t < termStart[i + 1]; t++) {
            double v = m[termIn[t]];
            if (v == 1) sum += termExact[t];
            else if (v != 0) return false;
        }
        m[out[i]] = sum >= exactThreshold[i] ? 1 : 0;
        return true;
    }
}
