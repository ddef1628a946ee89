package dev.circuit.engine;

import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.util.Arrays;
import java.util.List;

/**
 * Simulates many runs of a Boolean circuit with state at once: 64 runs per machine word, in
 * {@code words} words, one bit of each run in each lane. The circuit is synthesised into gates whose
 * inputs are the circuit's input bits and its state outputs; one cycle evaluates the gates, lets the
 * feedback wires settle as {@code eval.Simulator} does (all lanes step together; a settled lane
 * stays settled, since its inputs no longer change), reads the outputs and clocks the flip-flops.
 * {@code eval.Simulator} is the reference it is held to (SeqSimAgreesWithSimulatorTest).
 */
public final class SeqSim {
    /** Some lanes' loops did not settle within the limit: which word, which lanes. */
    public static final class Unsettled extends RuntimeException {
        public final int word;
        public final long lanes;

        Unsettled(int word, long lanes) {
            super("a loop did not settle", null, false, false);
            this.word = word;
            this.lanes = lanes;
        }
    }

    private final int words;
    private final int inputBits;
    private final int outputBits;
    private final byte[] op;
    private final int[] a;
    private final int[] b;
    private final int first;
    /** Signal values: [signal][word]. Signal 0 is false, 1 true, then inputs, state outputs, gates. */
    private final long[][] val;
    private final int[] outSig;
    private final int[] flopQ;
    private final int[] flopD;
    private final boolean[] flopInit;
    private final int[] fbQ;
    private final int[] fbD;
    private final boolean[] fbInit;
    private final long[][] next;
    private final int settleLimit;
    private final int gates;

    private SeqSim(int words, int inputBits, int outputBits, Gates g, int[] outSig, int[] flopQ, int[] flopD, boolean[] flopInit,
                   int[] fbQ, int[] fbD, boolean[] fbInit, int settleLimit) {
        this.words = words;
        this.inputBits = inputBits;
        this.outputBits = outputBits;
        this.outSig = outSig;
        this.flopQ = flopQ;
        this.flopD = flopD;
        this.flopInit = flopInit;
        this.fbQ = fbQ;
        this.fbD = fbD;
        this.fbInit = fbInit;
        this.settleLimit = settleLimit;
        this.first = g.firstGate();
        int n = g.signalCount();
        // Only the gates an output or a state input needs.
        boolean[] live = new boolean[n];
        for (int s : outSig) live[s] = true;
        for (int s : flopD) live[s] = true;
        for (int s : fbD) live[s] = true;
        for (int s = n - 1; s >= first; s--) {
            if (!live[s]) continue;
            live[g.a(s - first)] = true;
            live[g.b(s - first)] = true;
        }
        int count = 0;
        for (int s = first; s < n; s++) if (live[s]) count++;
        op = new byte[count];
        a = new int[count];
        b = new int[count];
        int[] outOf = new int[count];
        int k = 0;
        for (int s = first; s < n; s++) {
            if (!live[s]) continue;
            op[k] = (byte) g.op(s - first).ordinal();
            a[k] = g.a(s - first);
            b[k] = g.b(s - first);
            outOf[k++] = s;
        }
        this.gateOut = outOf;
        this.gates = count;
        this.val = new long[n][words];
        Arrays.fill(val[Gates.TRUE], -1L);
        this.next = new long[Math.max(flopQ.length, fbQ.length)][words];
        reset();
    }

    private final int[] gateOut;

    /**
     * The simulator of {@code net} for {@code words * 64} runs, or null when the circuit is not
     * Boolean or its neurons cannot be made into gates exactly (then only the scalar simulator applies).
     */
    public static SeqSim compile(Netlist net, int words, int settleLimit) {
        if (!net.isBoolean() || words < 1) return null;
        List<StateBit> state = net.state();
        int inputBits = net.inputBits();
        Gates g = new Gates(inputBits + state.size());
        int[] signal = new int[net.netCount()];
        for (int i = 0; i < inputBits; i++) signal[i] = g.input(i);
        for (Netlist.Constant c : net.constants()) signal[c.net()] = g.constant(c.value() == 1);
        for (int j = 0; j < state.size(); j++) signal[state.get(j).q()] = g.input(inputBits + j);
        for (Neuron n : net.neurons()) {
            int[] ins = n.inputs().stream().mapToInt(k -> signal[k]).toArray();
            int s = NeuronSynth.synth(g, n, ins);
            if (s < 0) return null;
            signal[n.out()] = s;
        }
        int outputBits = net.outputs().stream().mapToInt(Terminal::width).sum();
        int[] outSig = new int[outputBits];
        int k = 0;
        for (Terminal t : net.outputs()) for (int n : t.nets()) outSig[k++] = signal[n];
        List<StateBit> flops = state.stream().filter(s -> s.kind() == StateBit.Kind.FLIP_FLOP).toList();
        List<StateBit> fbs = state.stream().filter(s -> s.kind() == StateBit.Kind.FEEDBACK).toList();
        return new SeqSim(words, inputBits, outputBits, g, outSig,
                flops.stream().mapToInt(s -> signal[s.q()]).toArray(), flops.stream().mapToInt(s -> signal[s.d()]).toArray(),
                bools(flops), fbs.stream().mapToInt(s -> signal[s.q()]).toArray(), fbs.stream().mapToInt(s -> signal[s.d()]).toArray(),
                bools(fbs), settleLimit);
    }

    /**
     * One run of {@code cycles} cycles on this engine, as {@code Recording.of} makes it on the scalar
     * simulator; null when the engine does not apply (a circuit it cannot build, an input that is not
     * a bit) or a loop does not settle (the scalar simulator then names it).
     */
    public static dev.circuit.eval.Recording recording(Netlist net, double[][] stimulus, int cycles) {
        SeqSim sim = compile(net, 1, dev.circuit.eval.Simulator.settleLimit(net));
        if (sim == null) return null;
        long[][] in = new long[net.inputBits()][1];
        long[][] out = new long[sim.outputBits][1];
        List<double[]> ins = new java.util.ArrayList<>(cycles);
        List<double[]> outs = new java.util.ArrayList<>(cycles);
        for (int t = 0; t < cycles; t++) {
            for (int i = 0; i < in.length; i++) {
                double v = stimulus[t][i];
                if (v != 0 && v != 1) return null;
                in[i][0] = v == 1 ? 1 : 0;
            }
            try {
                sim.cycle(in, out);
            } catch (Unsettled u) {
                return null;
            }
            double[] o = new double[out.length];
            for (int b = 0; b < o.length; b++) o[b] = out[b][0] & 1;
            ins.add(stimulus[t].clone());
            outs.add(o);
        }
        return new dev.circuit.eval.Recording(net, ins, outs, null);
    }

    private static boolean[] bools(List<StateBit> s) {
        boolean[] out = new boolean[s.size()];
        for (int i = 0; i < out.length; i++) out[i] = s.get(i).init();
        return out;
    }

    public int words() {
        return words;
    }

    /** Gates evaluated per cycle (per settle step), for 64 × words runs. */
    public int gates() {
        return gates;
    }

    /** Every run back to its initial state. */
    public void reset() {
        for (int j = 0; j < flopQ.length; j++) Arrays.fill(val[flopQ[j]], flopInit[j] ? -1L : 0L);
        for (int j = 0; j < fbQ.length; j++) Arrays.fill(val[fbQ[j]], fbInit[j] ? -1L : 0L);
    }

    /**
     * One cycle of every run: input bit i of the runs of word w is {@code in[i][w]} (one lane a run);
     * the outputs read after settling go to {@code out[bit][w]}; then the clock edge. Throws
     * {@link Unsettled} when some run's loop does not settle.
     */
    public void cycle(long[][] in, long[][] out) {
        for (int i = 0; i < inputBits; i++) System.arraycopy(in[i], 0, val[2 + i], 0, words);
        run();
        if (fbQ.length > 0) settle();
        for (int i = 0; i < outputBits; i++) System.arraycopy(val[outSig[i]], 0, out[i], 0, words);
        for (int j = 0; j < flopQ.length; j++) System.arraycopy(val[flopD[j]], 0, next[j], 0, words);
        for (int j = 0; j < flopQ.length; j++) System.arraycopy(next[j], 0, val[flopQ[j]], 0, words);
    }

    private void settle() {
        for (int step = 0; ; step++) {
            long[] changed = new long[words];
            boolean any = false;
            for (int j = 0; j < fbQ.length; j++) {
                long[] q = val[fbQ[j]];
                long[] d = val[fbD[j]];
                for (int w = 0; w < words; w++) {
                    long c = q[w] ^ d[w];
                    changed[w] |= c;
                    any |= c != 0;
                }
            }
            if (!any) return;
            if (step >= settleLimit) {
                for (int w = 0; w < words; w++) if (changed[w] != 0) throw new Unsettled(w, changed[w]);
            }
            for (int j = 0; j < fbQ.length; j++) System.arraycopy(val[fbD[j]], 0, next[j], 0, words);
            for (int j = 0; j < fbQ.length; j++) System.arraycopy(next[j], 0, val[fbQ[j]], 0, words);
            run();
        }
    }

    private void run() {
        Op.run(op, gateOut, a, b, val, words);
    }
}
