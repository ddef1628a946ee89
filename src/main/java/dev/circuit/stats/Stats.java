package dev.circuit.stats;

import dev.circuit.model.Activation;
import java.util.List;
import java.util.Map;

/**
 * Figures about one elaborated circuit. {@code depth} is the longest chain of neurons from an input,
 * constant or state bit to an output or a flip-flop's input (in a circuit with state, the longest
 * path a clock cycle must settle through, not only the ones that reach an output); {@code coefficients} counts weights and bias terms as written (a bias
 * {@code ? + 3} is two). {@code instances} and {@code namedNeurons} count by definition name,
 * largest first; {@code widestNeuron} is the path of a neuron with the largest fan-in (null if none).
 */
public record Stats(String circuit, int inputs, int inputBits, int outputs, int outputBits, int neurons,
                    Map<Activation, Integer> byActivation, int fixedCoefficients, int learnableCoefficients,
                    int parameters, int depth, int largestFanIn, String widestNeuron,
                    List<Count> instances, List<Count> namedNeurons, int flipFlops, int feedbackWires) {
    public Stats {
        byActivation = Map.copyOf(byActivation);
        instances = List.copyOf(instances);
        namedNeurons = List.copyOf(namedNeurons);
        if (neurons < 0 || depth < 0 || largestFanIn < 0 || flipFlops < 0 || feedbackWires < 0) throw new IllegalArgumentException("negative count");
    }

    /** How many times a definition is used. */
    public record Count(String name, int count) {
        public Count {
            if (count < 1) throw new IllegalArgumentException("a count is at least 1");
        }
    }
}
