package dev.circuit.engine;

import dev.circuit.model.Netlist;

/**
 * Two Boolean circuits as one gate network that says whether they agree: both netlists are built
 * into one {@link Gates} on shared input signals (B's input bits wired to A's as a {@link BitMap}
 * says), each pair of corresponding output bits is XORed, and the XORs are OR-reduced. The network's
 * property is the negation: 1 on a row where every output agrees. The checks' two engines then run
 * it unchanged: enumeration finds the first row where it is 0, and the CNF asserts it 0, so a model
 * is an input where the circuits differ and unsatisfiability is a proof of equivalence. Structural
 * hashing merges the gates the two sides have in common, which is much of the work of proving
 * two similar circuits equal.
 *
 * <p>Rows are numbered, and input bits laid out, as A's ({@link dev.circuit.eval.Rows}).
 */
public final class Miter {
    private final Netlist a;
    private final BitParallel.Network network;
    private final int neurons;

    private Miter(Netlist a, BitParallel.Network network, int neurons) {
        this.a = a;
        this.network = network;
        this.neurons = neurons;
    }

    /**
     * The miter of {@code a} and {@code b}, or null when either cannot be built into gates exactly
     * (real-valued or learnable neurons, weights whose exact form does not fit in longs).
     */
    public static Miter of(Netlist a, Netlist b, BitMap map) {
        int bits = a.inputBits();
        int outBits = outputBits(a);
        if (b.inputBits() != bits || map.inputs().length != bits || outputBits(b) != outBits || map.outputs().length != outBits) {
            throw new IllegalArgumentException("the bit map does not fit " + a.name() + " and " + b.name());
        }
        Gates g = new Gates(bits);
        int[] inA = new int[bits];
        for (int i = 0; i < bits; i++) inA[i] = g.input(i);
        int[] wiring = map.inputs();
        int[] inB = new int[bits];
        for (int j = 0; j < bits; j++) inB[j] = inA[wiring[j]];
        int[][] termsA = BitParallel.terminals(g, a, inA);
        int[][] termsB = termsA == null ? null : BitParallel.terminals(g, b, inB);
        if (termsB == null) return null;
        int[] outA = outputSignals(termsA, a.inputs().size());
        int[] outB = outputSignals(termsB, b.inputs().size());
        int[] partner = map.outputs();
        int differ = Gates.FALSE;
        for (int j = 0; j < outB.length; j++) differ = g.or(differ, g.xor(outA[partner[j]], outB[j]));
        return new Miter(a, new BitParallel.Network(g, g.not(differ)), a.neurons().size() + b.neurons().size());
    }

    private static int outputBits(Netlist n) {
        return n.outputs().stream().mapToInt(t -> t.width()).sum();
    }

    /** The output bits' signals, in order, from the terminals' (inputs first, then outputs). */
    private static int[] outputSignals(int[][] terms, int inputTerminals) {
        return java.util.Arrays.stream(terms, inputTerminals, terms.length).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    /**
     * The bit-parallel engine on the miter, or null above 2^62 rows (rows are numbered by a long).
     * Its first failing row is the first row, in A's row order, where the circuits differ.
     */
    public BitParallel enumeration(boolean generate) {
        return a.inputBits() > 62 ? null : BitParallel.compile(network, a, neurons, generate);
    }

    /** The miter in CNF: satisfiable exactly when some input makes the circuits differ; a model's inputs are A's. */
    public Cnf cnf() {
        return Cnf.encode(network.gates(), network.property());
    }
}
