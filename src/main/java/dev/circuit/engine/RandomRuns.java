package dev.circuit.engine;

import dev.circuit.eval.Simulator;
import dev.circuit.model.Netlist;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.util.SplittableRandom;

/**
 * N runs of a circuit with state on seeded random inputs: 64 runs per machine word on the
 * bit-parallel simulator ({@link SeqSim}) when the circuit is Boolean, else one run at a time on the
 * scalar simulator. Both read the same stimulus: for each cycle, for each word of 64 runs, one
 * random long per input bit, run r being lane r % 64 of word r / 64; so the engine never changes
 * what a run sees. A loop that does not settle is re-run on the scalar simulator, which names it.
 */
public final class RandomRuns {
    private RandomRuns() {}

    /** The runs' inputs and outputs, kept for every cycle or, with {@code lastOnly}, for the last. */
    public static final class Result {
        private final int runs;
        private final int from;
        private final int inBits;
        private final int outBits;
        /** [cycle - from][bit][word] */
        private final long[][][] in;
        private final long[][][] out;
        /** Set on the scalar path instead: [run][cycle - from][bit] */
        private final double[][][] scalarIn;
        private final double[][][] scalarOut;

        private Result(int runs, int from, int inBits, int outBits, long[][][] in, long[][][] out, double[][][] sIn, double[][][] sOut) {
            this.runs = runs;
            this.from = from;
            this.inBits = inBits;
            this.outBits = outBits;
            this.in = in;
            this.out = out;
            this.scalarIn = sIn;
            this.scalarOut = sOut;
        }

        public int runs() {
            return runs;
        }

        /** True when the runs went through the bit-parallel simulator. */
        public boolean bitParallel() {
            return in != null;
        }

        public double[] inputs(int run, int cycle) {
            return in != null ? lane(in[cycle - from], inBits, run) : scalarIn[run][cycle - from];
        }

        public double[] outputs(int run, int cycle) {
            return out != null ? lane(out[cycle - from], outBits, run) : scalarOut[run][cycle - from];
        }

        private static double[] lane(long[][] words, int bits, int run) {
            double[] v = new double[bits];
            for (int b = 0; b < bits; b++) v[b] = (words[b][run / 64] >>> (run % 64)) & 1;
            return v;
        }
    }

    public static Result run(Netlist net, int runs, int cycles, long seed, boolean lastOnly) {
        int words = (runs + 63) / 64;
        int inBits = net.inputBits();
        int outBits = net.outputs().stream().mapToInt(Terminal::width).sum();
        int from = lastOnly ? cycles - 1 : 0;
        SeqSim fast = SeqSim.compile(net, words, Simulator.settleLimit(net));
        SplittableRandom random = new SplittableRandom(seed);
        long[][] stim = new long[inBits][words];
        if (fast != null) {
            long[][][] ins = new long[cycles - from][][];
            long[][][] outs = new long[cycles - from][][];
            long[][] scratch = new long[outBits][words];
            for (int t = 0; t < cycles; t++) {
                for (int w = 0; w < words; w++) for (int i = 0; i < inBits; i++) stim[i][w] = random.nextLong();
                long[][] o = t >= from ? new long[outBits][words] : scratch;
                try {
                    fast.cycle(stim, o);
                } catch (SeqSim.Unsettled u) {
                    int run = u.word * 64 + Long.numberOfTrailingZeros(u.lanes);
                    // The scalar simulator names the loop (and throws); if it settles, the two disagree.
                    scalar(net, run + 1, t + 1, seed, true);
                    throw new IllegalStateException("the bit-parallel simulator found run " + run + " unsettled in cycle " + t
                            + " but the scalar one settles it");
                }
                if (t >= from) {
                    ins[t - from] = copy(stim);
                    outs[t - from] = o;
                }
            }
            return new Result(runs, from, inBits, outBits, ins, outs, null, null);
        }
        return scalar(net, runs, cycles, seed, lastOnly);
    }

    /** The same runs one at a time on the scalar simulator (the reference; the path of real-valued circuits). */
    static Result scalar(Netlist net, int runs, int cycles, long seed, boolean lastOnly) {
        int words = (runs + 63) / 64;
        int inBits = net.inputBits();
        int from = lastOnly ? cycles - 1 : 0;
        SplittableRandom random = new SplittableRandom(seed);
        Simulator[] sims = new Simulator[runs];
        for (int r = 0; r < runs; r++) sims[r] = new Simulator(net, net.initialParams(0));
        double[][][] ins = new double[runs][cycles - from][];
        double[][][] outs = new double[runs][cycles - from][];
        long[][] stim = new long[inBits][words];
        for (int t = 0; t < cycles; t++) {
            for (int w = 0; w < words; w++) for (int i = 0; i < inBits; i++) stim[i][w] = random.nextLong();
            for (int r = 0; r < runs; r++) {
                double[] x = new double[inBits];
                for (int i = 0; i < inBits; i++) x[i] = (stim[i][r / 64] >>> (r % 64)) & 1;
                double[] y = sims[r].step(x);
                if (t >= from) {
                    ins[r][t - from] = x;
                    outs[r][t - from] = y;
                }
            }
        }
        return new Result(runs, from, inBits, net.outputs().stream().mapToInt(Terminal::width).sum(), null, null, ins, outs);
    }

    private static long[][] copy(long[][] a) {
        long[][] c = new long[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
