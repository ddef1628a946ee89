package dev.circuit.engine;

import java.util.Arrays;

/**
 * Which bits of two circuits A and B correspond, for a miter: B's input bit j is A's input bit
 * {@code inputs[j]}, and B's output bit j is compared with A's output bit {@code outputs[j]} (bits
 * in netlist order: terminals in order, bus bits least significant first). Each is a permutation:
 * every bit of one side has exactly one partner on the other, so the miter compares every output
 * and leaves no input free on one side only.
 */
public record BitMap(int[] inputs, int[] outputs) {
    public BitMap {
        inputs = permutation(inputs, "input");
        outputs = permutation(outputs, "output");
    }

    private static int[] permutation(int[] p, String what) {
        boolean[] seen = new boolean[p.length];
        for (int x : p) {
            if (x < 0 || x >= p.length || seen[x]) throw new IllegalArgumentException(what + " bits are not a permutation: " + Arrays.toString(p));
            seen[x] = true;
        }
        return p.clone();
    }

    @Override public int[] inputs() {
        return inputs.clone();
    }

    @Override public int[] outputs() {
        return outputs.clone();
    }

    /** B's input bits of a row given by A's input bits. */
    public double[] inputsOfB(double[] inputsOfA) {
        double[] b = new double[inputs.length];
        for (int j = 0; j < b.length; j++) b[j] = inputsOfA[inputs[j]];
        return b;
    }

    @Override public boolean equals(Object o) {
        return o instanceof BitMap m && Arrays.equals(inputs, m.inputs) && Arrays.equals(outputs, m.outputs);
    }

    @Override public int hashCode() {
        return 31 * Arrays.hashCode(inputs) + Arrays.hashCode(outputs);
    }

    @Override public String toString() {
        return "BitMap[inputs=" + Arrays.toString(inputs) + ", outputs=" + Arrays.toString(outputs) + "]";
    }
}
