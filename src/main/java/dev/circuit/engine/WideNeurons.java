package dev.circuit.engine;

import dev.circuit.model.Neuron;
import dev.circuit.model.Netlist;
import dev.circuit.model.Threshold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a network for the SAT engine builds its neurons: a neuron with at least {@link #MIN_FAN_IN}
 * inputs (or weights too large for the gate synthesiser's longs) is kept whole, as a threshold
 * constraint that {@link Cnf} encodes directly ({@link ThresholdCnf}); every other neuron becomes
 * gates ({@link NeuronSynth}). A kept neuron's output is a signal of its own: one of the network's
 * extra inputs, beyond the circuit's input bits, which {@link Cnf} defines by the constraint. Two
 * neurons with the same weights, threshold and input signals share it, as identical gates do.
 */
final class WideNeurons {
    /**
     * Fan-in from which a neuron is encoded as a threshold constraint rather than gates, measured
     * (docs/BENCHMARKS.md, "Wide neurons as threshold constraints"). The system property
     * {@code circuit.thresholdFanIn} overrides it, for that benchmark only: every verdict is exact
     * whichever encoding a neuron gets.
     */
    static final int MIN_FAN_IN = Math.max(1, Integer.getInteger("circuit.thresholdFanIn", 8));

    /** A kept neuron: {@code signal} is 1 exactly when the weighted sum of {@code inputs} reaches the threshold. */
    record Kept(int signal, Threshold form, int[] inputs) {}

    /** Fan-in from which a neuron is kept; 0 when none is (then every neuron is gates, or cannot be built). */
    private final int minFanIn;
    private final int firstInput;
    private final int capacity;
    private final List<Kept> kept = new ArrayList<>();
    private final Map<List<Object>, Integer> known = new HashMap<>();

    private WideNeurons(int minFanIn, int firstInput, int capacity) {
        this.minFanIn = minFanIn;
        this.firstInput = firstInput;
        this.capacity = capacity;
    }

    /** Every neuron as gates: the networks the enumerating engines run. */
    static WideNeurons none(int inputBits) {
        return new WideNeurons(0, inputBits, 0);
    }

    /**
     * Keeps the neurons of {@code nets} with at least {@code minFanIn} inputs (at least 1), and those
     * whose weights do not fit the gate synthesiser's longs, in a network whose first
     * {@code inputBits} inputs are the circuit's.
     */
    static WideNeurons keeping(int minFanIn, int inputBits, Netlist... nets) {
        if (minFanIn < 1) throw new IllegalArgumentException("fan-in " + minFanIn);
        int n = 0;
        for (Netlist net : nets) for (Neuron x : net.neurons()) if (keeps(x, minFanIn)) n++;
        return new WideNeurons(minFanIn, inputBits, n);
    }

    private static boolean keeps(Neuron n, int minFanIn) {
        return minFanIn > 0 && n.exact() != null && (n.fanIn() >= minFanIn || n.exact().longs() == null);
    }

    /** The network's inputs: the circuit's, then one per neuron this may keep. */
    int networkInputs() {
        return firstInput + capacity;
    }

    /** The neuron's output signal in {@code g}, or -1 when it cannot be built exactly. */
    int build(Gates g, Neuron n, int[] inputSignals) {
        if (!keeps(n, minFanIn)) return NeuronSynth.synth(g, n, inputSignals);
        List<Object> key = List.of(n.exact().weights(), n.exact().threshold(), Arrays.stream(inputSignals).boxed().toList());
        Integer same = known.get(key);
        if (same != null) return same;
        if (kept.size() == capacity) throw new IllegalStateException("more wide neurons than counted");
        int s = g.input(firstInput + kept.size());
        kept.add(new Kept(s, n.exact(), inputSignals.clone()));
        known.put(key, s);
        return s;
    }

    int circuitInputs() {
        return firstInput;
    }

    List<Kept> kept() {
        return kept;
    }
}
