package dev.circuit.interop;

import java.util.Optional;

/**
 * Finds one threshold neuron for a small Boolean function when there is one: integer weights in
 * [-{@value #MAX_WEIGHT}, {@value #MAX_WEIGHT}] and a threshold t with f(x) = [w·x >= t] on every
 * input. Exhaustive over weight vectors, smallest total |w| first, so the result is stable and plain
 * (the majority of three is {@code a + b + c >= 2}, not {@code 3a + 3b + 3c >= 5}).
 */
final class ThresholdFit {
    static final int MAX_WEIGHT = 3;
    /** Beyond this many inputs the search is not worth it: (2*3+1)^5 weight vectors times 32 rows. */
    static final int MAX_INPUTS = 5;

    /** Weights and threshold: {@code sum(weights[i] * x[i]) >= threshold}. */
    record Fit(int[] weights, int threshold) {}

    private ThresholdFit() {}

    /** {@code table[row]} is f at the input whose bit i is input i. */
    static Optional<Fit> find(boolean[] table, int inputs) {
        if (inputs > MAX_INPUTS) return Optional.empty();
        Fit best = null;
        int bestCost = Integer.MAX_VALUE;
        int span = 2 * MAX_WEIGHT + 1;
        int[] w = new int[inputs];
        int combos = 1;
        for (int i = 0; i < inputs; i++) combos *= span;
        for (int c = 0; c < combos; c++) {
            int rest = c;
            int cost = 0;
            for (int i = 0; i < inputs; i++) {
                w[i] = rest % span - MAX_WEIGHT;
                rest /= span;
                cost += Math.abs(w[i]);
            }
            if (cost >= bestCost) continue;
            int minOn = Integer.MAX_VALUE;
            int maxOff = Integer.MIN_VALUE;
            for (int row = 0; row < table.length; row++) {
                int s = 0;
                for (int i = 0; i < inputs; i++) if ((row >>> i & 1) == 1) s += w[i];
                if (table[row]) minOn = Math.min(minOn, s);
                else maxOff = Math.max(maxOff, s);
            }
            if (maxOff < minOn) {
                // Any t in (maxOff, minOn] works; minOn is what the function's own rows show.
                int t = minOn == Integer.MAX_VALUE ? maxOff + 1 : minOn;
                best = new Fit(w.clone(), t);
                bestCost = cost;
            }
        }
        return Optional.ofNullable(best);
    }
}
