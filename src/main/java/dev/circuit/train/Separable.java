package dev.circuit.train;

import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
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

    /** One line per output bit of a truth table: the weights of a neuron that realises it, or why none does. */
    public static List<String> describe(Netlist net, Dataset rows) {
        List<String> bitNames = new ArrayList<>();
        for (Terminal t : net.inputs()) for (int b = 0; b < t.width(); b++) bitNames.add(t.bus() ? t.name() + "[" + b + "]" : t.name());
        List<String> out = new ArrayList<>();
        int j = 0;
        for (Terminal t : net.outputs()) {
            for (int b = 0; b < t.width(); b++, j++) {
                String name = t.bus() ? t.name() + "[" + b + "]" : t.name();
                double[] y = new double[rows.rows()];
                for (int r = 0; r < y.length; r++) y[r] = rows.targets()[r][j];
                int[] clash = contradiction(rows.inputs(), y);
                if (clash != null) {
                    var p = rows.where().get(clash[0]);
                    var q = rows.where().get(clash[1]);
                    out.add(name + " is not a function of the inputs: lines " + p.line() + " and " + q.line() + " of " + p.file()
                            + " give the same inputs different values, so no circuit realises it");
                    continue;
                }
                Optional<Answer> answer = decide(rows.inputs(), y);
                if (answer.isEmpty()) out.add("undecided for " + name);
                else if (answer.get().separable()) {
                    out.add("one threshold neuron realises " + name + scope(rows.inputs(), y, bitNames.size()) + ": step("
                            + sum(answer.get().weights(), bitNames) + ")");
                }
                else out.add(name + " is not linearly separable: no single threshold neuron realises it (it needs a hidden layer, as XOR does)");
            }
        }
        return out;
    }

    /**
     * "" when the rows give the output for every input combination; otherwise " on the 12 listed rows
     * (of 256)": a neuron found from part of a table is only known to fit that part. (Not being
     * separable needs no such qualifier: what no neuron fits in part, none fits in whole.)
     */
    private static String scope(double[][] inputs, double[] target, int inputBits) {
        java.util.Set<List<Double>> listed = new java.util.HashSet<>();
        for (int r = 0; r < inputs.length; r++) if (!Double.isNaN(target[r])) listed.add(Arrays.stream(inputs[r]).boxed().toList());
        if (inputBits < 63 && listed.size() == 1L << inputBits) return "";
        String all = inputBits < 63 ? Long.toString(1L << inputBits) : "2^" + inputBits;
        return " on the " + listed.size() + " listed row" + (listed.size() == 1 ? "" : "s") + " (of " + all + ")";
    }

    /** Two rows with equal inputs and different (cared-for) targets, or null. */
    private static int[] contradiction(double[][] inputs, double[] target) {
        java.util.Map<List<Double>, Integer> first = new java.util.HashMap<>();
        for (int r = 0; r < inputs.length; r++) {
            if (Double.isNaN(target[r])) continue;
            Integer seen = first.putIfAbsent(Arrays.stream(inputs[r]).boxed().toList(), r);
            if (seen != null && target[seen] != target[r]) return new int[] {seen, r};
        }
        return null;
    }

    /** {@code 2*a - 1*b + 3}: zero weights left out. */
    private static String sum(long[] w, List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (w[i] == 0) continue;
            sb.append(sb.length() == 0 ? (w[i] < 0 ? "-" : "") : (w[i] < 0 ? " - " : " + "));
            sb.append(Math.abs(w[i])).append('*').append(names.get(i));
        }
        long bias = w[names.size()];
        if (sb.length() == 0) return String.valueOf(bias);
        if (bias != 0) sb.append(bias < 0 ? " - " : " + ").append(Math.abs(bias));
        return sb.toString();
    }
}
