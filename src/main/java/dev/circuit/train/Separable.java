package dev.circuit.train;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Can one threshold neuron realise a Boolean function? Decided by Rosenblatt's perceptron rule on
 * integer weights: it stops with a solution when the rows are linearly separable (the convergence
 * theorem), and when they are not its weights stay bounded (the cycling theorem), so some state at
 * the start of an epoch must come back. Seeing a state again is therefore a proof that no weights
 * exist, not a guess after a time-out. The answer uses {@code step} semantics: z &gt; 0 gives 1.
 */
public final class Separable {
    /** Epochs after which the answer is "unknown" (never reached on the small tables this is for). */
    static final int MAX_EPOCHS = 1_000_000;

    private Separable() {}

    /** Integer weights (one per input bit) then the bias, or empty when none exist. */
    public record Answer(boolean separable, long[] weights) {}

    /** Rows with a NaN target are skipped. Returns empty when undecided within {@link #MAX_EPOCHS}. */
    public static Optional<Answer> decide(double[][] inputs, double[] target) {
        int n = inputs.length == 0 ? 0 : inputs[0].length;
        long[] w = new long[n + 1];
        Set<List<Long>> seen = new HashSet<>();
        for (int epoch = 0; epoch < MAX_EPOCHS; epoch++) {
            if (!seen.add(Arrays.stream(w).boxed().toList())) return Optional.of(new Answer(false, null));
            boolean mistake = false;
            for (int r = 0; r < inputs.length; r++) {
                double y = target[r];
                if (Double.isNaN(y)) continue;
                long z = w[n];
                for (int i = 0; i < n; i++) if (inputs[r][i] != 0) z += w[i];
                int sign = y == 1 && z <= 0 ? 1 : y == 0 && z > 0 ? -1 : 0;
                if (sign == 0) continue;
                mistake = true;
                for (int i = 0; i < n; i++) if (inputs[r][i] != 0) w[i] += sign;
                w[n] += sign;
            }
            if (!mistake) return Optional.of(new Answer(true, w.clone()));
        }
        return Optional.empty();
    }
}
