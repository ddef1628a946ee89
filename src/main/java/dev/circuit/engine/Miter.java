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
    private final Netlist b;
    private final BitMap map;
    /**
     * The gates the enumeration runs; null when only the SAT encoding can be built (a neuron whose
     * exact form does not fit in longs, which the SAT encoding keeps as a threshold constraint).
     */
    private final BitParallel.Network network;
    private final int neurons;

    private Miter(Netlist a, Netlist b, BitMap map, BitParallel.Network network) {
        this.a = a;
        this.b = b;
        this.map = map;
        this.network = network;
        this.neurons = a.neurons().size() + b.neurons().size();
    }

    /**
     * The miter of {@code a} and {@code b}, or null when neither its gates nor its SAT encoding can be
     * built exactly. Weights whose exact form does not fit in longs keep it off the gates (then it is
     * {@link #enumerable() not enumerable}) but not out of the SAT encoding, which encodes such a
     * neuron as a threshold constraint, at any number of input bits; the encoding fails only when
     * such a constraint's decision diagram is over its budget ({@link ThresholdCnf#MAX_NODES}), or
     * when a circuit is not Boolean.
     */
    public static Miter of(Netlist a, Netlist b, BitMap map) {
        int bits = a.inputBits();
        int outBits = outputBits(a);
        if (b.inputBits() != bits || map.inputs().length != bits || outputBits(b) != outBits || map.outputs().length != outBits) {
            throw new IllegalArgumentException("the bit map does not fit " + a.name() + " and " + b.name());
        }
        BitParallel.Network gates = network(a, b, map, WideNeurons.none(bits));
        if (gates != null) return new Miter(a, b, map, gates);
        Miter satOnly = new Miter(a, b, map, null);
        return satOnly.encoded(Integer.MAX_VALUE) == null ? null : satOnly;
    }

    /** Both netlists in one network on shared inputs, true where they agree; null when either cannot be built. */
    private static BitParallel.Network network(Netlist a, Netlist b, BitMap map, WideNeurons wide) {
        int bits = a.inputBits();
        Gates g = new Gates(wide.networkInputs());
        int[] inA = new int[bits];
        for (int i = 0; i < bits; i++) inA[i] = g.input(i);
        int[] wiring = map.inputs();
        int[] inB = new int[bits];
        for (int j = 0; j < bits; j++) inB[j] = inA[wiring[j]];
        int[][] termsA = BitParallel.terminals(g, a, inA, wide);
        int[][] termsB = termsA == null ? null : BitParallel.terminals(g, b, inB, wide);
        if (termsB == null) return null;
        int[] outA = outputSignals(termsA, a.inputs().size());
        int[] outB = outputSignals(termsB, b.inputs().size());
        int[] partner = map.outputs();
        int differ = Gates.FALSE;
        for (int j = 0; j < outB.length; j++) differ = g.or(differ, g.xor(outA[partner[j]], outB[j]));
        return new BitParallel.Network(g, g.not(differ));
    }

    private static int outputBits(Netlist n) {
        return n.outputs().stream().mapToInt(t -> t.width()).sum();
    }

    /** The output bits' signals, in order, from the terminals' (inputs first, then outputs). */
    private static int[] outputSignals(int[][] terms, int inputTerminals) {
        return java.util.Arrays.stream(terms, inputTerminals, terms.length).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    /**
     * Whether the bit-parallel engine runs the miter: its gates were built, and it has at most 2^62
     * rows (rows are numbered by a long). When not, only {@link #cnf()} decides it.
     */
    public boolean enumerable() {
        return network != null && a.inputBits() <= 62;
    }

    /**
     * The bit-parallel engine on the miter, or null when it is not {@link #enumerable()}. Its first
     * failing row is the first row, in A's row order, where the circuits differ.
     */
    public BitParallel enumeration(boolean generate) {
        return enumerable() ? BitParallel.compile(network, a, neurons, generate) : null;
    }

    /**
     * The miter in CNF: satisfiable exactly when some input makes the circuits differ; a model's
     * inputs are A's. Neurons with {@link WideNeurons#MIN_FAN_IN} inputs or more are encoded as
     * threshold constraints.
     */
    public Cnf cnf() {
        return cnf(WideNeurons.MIN_FAN_IN);
    }

    /** {@link #cnf()} keeping the neurons with at least {@code minFanIn} inputs as threshold constraints. */
    Cnf cnf(int minFanIn) {
        Cnf cnf = encoded(minFanIn);
        // A decision diagram over its budget: the wide neurons as gates (as in Cnf.miter). Building
        // the miter made sure that this, or the CNF of its threshold constraints, exists.
        return cnf != null ? cnf : encoded(Integer.MAX_VALUE);
    }

    private Cnf encoded(int minFanIn) {
        WideNeurons wide = WideNeurons.keeping(minFanIn, a.inputBits(), a, b);
        BitParallel.Network n = network(a, b, map, wide);
        return n == null ? null : Cnf.encode(n.gates(), n.property(), wide);
    }
}
