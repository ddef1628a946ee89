package dev.circuit.engine;

import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Neuron;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A hard neuron with fixed weights, on 0/1 inputs, as gates. Its weights are scaled to exact
 * integers; then the neuron is unfolded input by input into a decision diagram whose nodes are the
 * partial sums (two inputs reaching the same partial sum share the rest), pruned as soon as the
 * outcome is decided. For a NAND this is one gate. When the diagram would grow too large the
 * weighted sum is built as bit-sliced arithmetic instead.
 */
final class NeuronSynth {
    private static final int MAX_NODES = 4096;

    private NeuronSynth() {}

    /** The signal of the neuron's output, or -1 when its weights cannot be made exact integers. */
    static int synth(Gates g, Neuron n, int[] inputSignals) {
        long[] w = new long[n.fanIn()];
        long[] bias = new long[1];
        if (!integers(n, w, bias)) return -1;
        boolean strict = n.activation() == Activation.STEP;
        Unfold u = new Unfold(g, w, inputSignals, strict);
        int s = u.node(w.length, bias[0]);
        if (s != Unfold.GAVE_UP) return s;
        return arithmetic(g, w, bias[0], inputSignals, strict);
    }

    /** Scales decimal weights by a common power of ten; false if the result does not fit a long. */
    private static boolean integers(Neuron n, long[] w, long[] bias) {
        int scale = 0;
        for (Coef c : n.weights()) scale = Math.max(scale, c.scale().stripTrailingZeros().scale());
        for (Coef c : n.bias()) scale = Math.max(scale, c.scale().stripTrailingZeros().scale());
        if (scale > 18) return false;
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < w.length; i++) {
            BigInteger v = n.weights().get(i).scale().movePointRight(scale).toBigIntegerExact();
            total = total.add(v.abs());
            w[i] = v.longValue();
        }
        BigInteger b = n.bias().stream().map(Coef::scale).reduce(BigDecimal.ZERO, BigDecimal::add)
                .movePointRight(scale).toBigIntegerExact();
        total = total.add(b.abs());
        bias[0] = b.longValue();
        return total.bitLength() < 62;
    }

    private static final class Unfold {
        static final int GAVE_UP = -2;
        final Gates g;
        final long[] w;
        final int[] in;
        final boolean strict;
        /** Smallest and largest sum the first k inputs can still add. */
        final long[] min;
        final long[] max;
        final Map<Long, Integer>[] memo;
        int nodes;

        @SuppressWarnings("unchecked")
        Unfold(Gates g, long[] w, int[] in, boolean strict) {
            this.g = g;
            this.w = w;
            this.in = in;
            this.strict = strict;
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

        boolean fires(long z) {
            return strict ? z > 0 : z >= 0;
        }
    }

    private static int arithmetic(Gates g, long[] w, long bias, int[] in, boolean strict) {
        BitVec sum = BitVec.constant(bias);
        for (int i = 0; i < w.length; i++) {
            BitVec c = BitVec.constant(w[i]);
            int[] masked = new int[c.width()];
            for (int b = 0; b < masked.length; b++) masked[b] = g.and(c.bits[b], in[i]);
            sum = BitVec.add(g, sum, maskedVec(masked), Gates.FALSE);
        }
        int negative = sum.sign();
        return strict ? g.nor(negative, BitVec.isZero(g, sum)) : g.not(negative);
    }

    private static BitVec maskedVec(int[] twosComplement) {
        // Already two's complement (the constant's sign bit masked by the input): no zero to prepend.
        return BitVec.truncate(BitVec.unsigned(twosComplement), twosComplement.length);
    }
}
