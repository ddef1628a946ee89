package dev.circuit.engine;

import dev.circuit.model.Neuron;
import dev.circuit.model.Threshold;
import java.util.HashMap;
import java.util.Map;

/**
 * A hard neuron with fixed weights, on 0/1 inputs, as gates, read from its exact integer form
 * ({@link Threshold}: fires when the sum of its weights reaches the threshold). The neuron is
 * unfolded input by input into a decision diagram whose nodes are the partial sums (two inputs reaching the same partial sum share the rest), pruned as soon as the
 * outcome is decided. For a NAND this is one gate. When the diagram would grow too large the
 * weighted sum is built as bit-sliced arithmetic instead.
 */
final class NeuronSynth {
    private static final int MAX_NODES = 4096;

    private NeuronSynth() {}

    /**
     * The signal of the neuron's output, or -1 when its exact form does not fit in longs
     * ({@link Threshold#longs}: the one overflow rule) or it has none.
     */
    static int synth(Gates g, Neuron n, int[] inputSignals) {
        if (n.exact() == null) return -1;
        long[] form = n.exact().longs();
        if (form == null) return -1;
        long[] w = java.util.Arrays.copyOf(form, n.fanIn());
        long threshold = form[n.fanIn()];
        Unfold u = new Unfold(g, w, inputSignals, threshold);
        int s = u.node(w.length, 0);
        if (s != Unfold.GAVE_UP) return s;
        return arithmetic(g, w, threshold, inputSignals);
    }

    private static final class Unfold {
        static final int GAVE_UP = -2;
        final Gates g;
        final long[] w;
        final int[] in;
        final long threshold;
        /** Smallest and largest sum the first k inputs can still add. */
        final long[] min;
        final long[] max;
        final Map<Long, Integer>[] memo;
        int nodes;

        @SuppressWarnings("unchecked")
        Unfold(Gates g, long[] w, int[] in, long threshold) {
            this.g = g;
            this.w = w;
            this.in = in;
            this.threshold = threshold;
            min = new long[w.length + 1];
            max = new long[w.length + 1];
            for (int k = 1; k <= w.length; k++) {
                min[k] = min[k - 1] + Math.min(0, w[k - 1]);
                max[k] = max[k - 1] + Math.max(0, w[k - 1]);
            }
            // Java cannot create an array of a generic type: the raw array is filled with typed maps only.
            @SuppressWarnings({"unchecked", "rawtypes"})
            Map<Long, Integer>[] m = new Map[w.length + 1];
            memo = m;
            for (int k = 0; k <= w.length; k++) memo[k] = new HashMap<>();
        }

        /** The function of inputs 0..k-1 given the sum so far. */
        int node(int k, long partial) {
            if (fires(partial + min[k])) return Gates.TRUE;
            if (!fires(partial + max[k])) return Gates.FALSE;
            Integer known = memo[k].get(partial);
            if (known != null) return known;
            if (++nodes > MAX_NODES) return GAVE_UP;
            int hi = node(k - 1, partial + w[k - 1]);
            int lo = hi == GAVE_UP ? GAVE_UP : node(k - 1, partial);
            if (lo == GAVE_UP) return GAVE_UP;
            int s = g.mux(in[k - 1], hi, lo);
            memo[k].put(partial, s);
            return s;
        }

        boolean fires(long sum) {
            return sum >= threshold;
        }
    }

    /** sum(w[i] * in[i]) - threshold as bit-sliced two's-complement arithmetic; fires when not negative. */
    private static int arithmetic(Gates g, long[] w, long threshold, int[] in) {
        BitVec sum = BitVec.constant(-threshold);
        for (int i = 0; i < w.length; i++) {
            BitVec c = BitVec.constant(w[i]);
            int[] masked = new int[c.width()];
            for (int b = 0; b < masked.length; b++) masked[b] = g.and(c.bits[b], in[i]);
            sum = BitVec.add(g, sum, maskedVec(masked), Gates.FALSE);
        }
        return g.not(sum.sign());
    }

    private static BitVec maskedVec(int[] twosComplement) {
        // Already two's complement (the constant's sign bit masked by the input): no zero to prepend.
        return BitVec.truncate(BitVec.unsigned(twosComplement), twosComplement.length);
    }
}
