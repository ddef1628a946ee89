package dev.circuit.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Cones of influence of a gate network's inputs, and the choice they drive: which inputs vary
 * fastest in the engine's enumeration. Inside one block of rows only the fast inputs change; a gate
 * outside every fast input's cone is constant over the block and runs once per block instead of
 * once per word. So the fast inputs are chosen to make the union of their cones small: greedily,
 * the input that adds the fewest gates first. Nothing here is specific to a circuit: for an adder
 * checked against {@code a + b + cin} it picks the high bits (their carries and sums are the last
 * gates), but it reads only the network.
 */
final class Cones {
    private Cones() {}

    /**
     * For each signal, the inputs it depends on, as a bit mask (input i is bit i; at most 62
     * inputs); only the live signals are filled.
     */
    static long[] depends(Gates g, boolean[] live) {
        int first = g.firstGate();
        long[] dep = new long[g.signalCount()];
        for (int i = 0; i < g.inputCount(); i++) dep[g.input(i)] = 1L << i;
        for (int s = first; s < dep.length; s++) {
            if (live[s]) dep[s] = dep[g.a(s - first)] | dep[g.b(s - first)];
        }
        return dep;
    }

    /**
     * The position of each input in the enumeration order: the {@code fast} inputs whose cones'
     * union holds the fewest live gates take positions 0 .. fast-1, the others follow. Within each
     * group inputs keep the order of their row bits (least significant first), so that blocks in
     * enumeration order have increasing smallest rows ({@link BitParallel}'s search for the first
     * failing row depends on it) and a network with at most {@code fast} inputs is enumerated in
     * counting order. Ties go to the less significant row bit, which keeps counting order when
     * every input reaches every gate.
     */
    static int[] positions(Gates g, boolean[] live, int[] rowBits, int fast) {
        int n = g.inputCount();
        long[] dep = depends(g, live);
        // Gates with the same input set cost the same: count them once per set.
        Map<Long, Integer> bySet = new HashMap<>();
        for (int s = g.firstGate(); s < dep.length; s++) if (live[s]) bySet.merge(dep[s], 1, Integer::sum);
        long[] sets = new long[bySet.size()];
        int[] counts = new int[sets.length];
        int at = 0;
        for (Map.Entry<Long, Integer> e : bySet.entrySet()) {
            sets[at] = e.getKey();
            counts[at++] = e.getValue();
        }
        long chosen = 0;
        for (int step = 0; step < Math.min(fast, n); step++) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if ((chosen >>> i & 1) != 0) continue;
                long mask = chosen | 1L << i;
                long cost = 0;
                for (int k = 0; k < sets.length; k++) if ((sets[k] & mask) != 0) cost += counts[k];
                if (cost < bestCost || cost == bestCost && rowBits[i] < rowBits[best]) {
                    best = i;
                    bestCost = cost;
                }
            }
            chosen |= 1L << best;
        }
        List<Integer> fastOnes = new ArrayList<>();
        List<Integer> slowOnes = new ArrayList<>();
        for (int i = 0; i < n; i++) ((chosen >>> i & 1) != 0 ? fastOnes : slowOnes).add(i);
        fastOnes.sort((x, y) -> Integer.compare(rowBits[x], rowBits[y]));
        slowOnes.sort((x, y) -> Integer.compare(rowBits[x], rowBits[y]));
        int[] pos = new int[n];
        int p = 0;
        for (int i : fastOnes) pos[i] = p++;
        for (int i : slowOnes) pos[i] = p++;
        return pos;
    }

    /**
     * Which live gates must run on every word: those that depend on a fast input (position below
     * {@code fast}). The others are constant over a block. Indexed by signal.
     */
    static boolean[] varying(Gates g, boolean[] live, int[] positions, int fast) {
        long fastMask = 0;
        for (int i = 0; i < positions.length; i++) if (positions[i] < fast) fastMask |= 1L << i;
        long[] dep = depends(g, live);
        boolean[] varies = new boolean[dep.length];
        for (int s = g.firstGate(); s < dep.length; s++) varies[s] = live[s] && (dep[s] & fastMask) != 0;
        return varies;
    }

    /** Input bits, netlist order, of the inputs at positions below {@code fast}. */
    static int[] fastInputs(int[] positions, int fast) {
        return IntStream.range(0, positions.length).filter(i -> positions[i] < fast).toArray();
    }
}
