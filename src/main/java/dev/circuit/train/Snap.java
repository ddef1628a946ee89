package dev.circuit.train;

import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Values;
import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained circuit made hard, then checked. {@link #frozen} is the circuit as the written file will
 * read (learned values as fixed numbers, activations as written); {@link #snapped} also replaces
 * every real-valued neuron by a hard step of the same z (sigmoid(z) &gt; 0.5 exactly when z &gt; 0):
 * the one snapping rule, which {@code circuit verilog --snap} uses too. For a truth table the snapped circuit is run on every input combination: the rows where
 * it disagrees with the frozen one (read at 0.5), the data rows it gets wrong, and each snapped
 * neuron's margin, the smallest |z| it saw (how far from flipping it is).
 */
public final class Snap {
    /** Input bits up to which every combination is checked; wider circuits are checked on the data rows. */
    static final int EXHAUSTIVE_BITS = 16;
    /** Rows listed per kind of finding; the rest are counted. */
    static final int SHOWN = 16;

    private Snap() {}

    public record Margin(String neuron, double minAbsZ) {}

    public record Report(long checked, boolean exhaustive, long disagreeing, List<String> disagreements,
                         long failing, List<String> failures, List<Margin> margins) {
        public boolean passes() {
            return failing == 0;
        }
    }

    /** The snapped netlist and what changed, for the message. */
    public record Result(Netlist netlist, int neuronsHardened, int coefficientsFrozen) {}

    /** The circuit with the learned values fixed into it; activations as written. */
    public static Netlist frozen(Netlist net, double[] params) {
        return rebuild(net, params, false).netlist();
    }

    /**
     * The circuit made hard: learned values fixed, and every real-valued neuron replaced by a step
     * of the same z, which fires where sigmoid is above 1/2, tanh above 0, and linear and relu above 0.
     * This is the one snapping rule: training's verdict and Verilog export both use it.
     */
    public static Netlist snapped(Netlist net, double[] params) {
        return apply(net, params).netlist();
    }

    /** As {@link #snapped}, with counts of what changed. */
    public static Result apply(Netlist net, double[] params) {
        return rebuild(net, params, true);
    }

    private static Result rebuild(Netlist net, double[] params, boolean snap) {
        List<Neuron> ns = new ArrayList<>();
        int hardened = 0;
        int frozen = 0;
        for (Neuron n : net.neurons()) {
            Activation a = n.activation();
            if (snap && !a.isHard()) {
                a = Activation.STEP;
                hardened++;
            }
            for (Coef c : n.weights()) if (!c.isFixed()) frozen++;
            for (Coef c : n.bias()) if (!c.isFixed()) frozen++;
            ns.add(new Neuron(n.path(), a, n.out(), n.inputs(), fix(n.weights(), params), fix(n.bias(), params), n.pos()));
        }
        Netlist out = new Netlist(net.name(), net.inputs(), net.outputs(), ns, net.constants(), List.of(), net.netNames(), net.state());
        return new Result(out, hardened, frozen);
    }

    private static List<Coef> fix(List<Coef> cs, double[] params) {
        return cs.stream().map(c -> c.isFixed() ? c : c.frozenAt(params[c.param()])).toList();
    }

    /** Checks the snapped circuit against the data's truth table and the frozen circuit. */
    public static Report check(Netlist net, double[] params, Dataset data) {
        Netlist frozen = frozen(net, params);
        Netlist snapped = snapped(net, params);
        Evaluator soft = new Evaluator(frozen, new double[0]);
        Evaluator hard = new Evaluator(snapped, new double[0]);
        boolean[] watched = new boolean[net.neurons().size()];
        for (int i = 0; i < watched.length; i++) {
            Neuron n = net.neurons().get(i);
            watched[i] = !n.isFixed() && snapped.neurons().get(i).activation().isHard();
        }
        double[] minZ = new double[watched.length];
        java.util.Arrays.fill(minZ, Double.POSITIVE_INFINITY);
        java.util.Map<Neuron, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < snapped.neurons().size(); i++) index.put(snapped.neurons().get(i), i);
        Evaluator.Trace trace = (n, z, y) -> {
            int i = index.get(n);
            if (watched[i]) minZ[i] = Math.min(minZ[i], Math.abs(z));
        };
        int bits = net.inputBits();
        boolean exhaustive = bits <= EXHAUSTIVE_BITS;
        long combos = exhaustive ? 1L << bits : data.rows();
        double[] state = soft.newState();
        double[] hardState = hard.newState();
        long disagreeing = 0;
        List<String> disagreements = new ArrayList<>();
        for (long k = 0; k < combos; k++) {
            double[] x = exhaustive ? spread(k, bits) : data.inputs()[(int) k];
            soft.run(x, state, null);
            hard.run(x, hardState, trace);
            double[] s = soft.outputBits(state);
            double[] h = hard.outputBits(hardState);
            boolean differ = false;
            for (int j = 0; j < s.length; j++) if ((s[j] >= 0.5 ? 1 : 0) != h[j]) differ = true;
            if (differ) {
                disagreeing++;
                if (disagreements.size() < SHOWN) {
                    disagreements.add(row(net.inputs(), x) + ": trained " + row(net.outputs(), s) + ", snapped " + row(net.outputs(), h));
                }
            }
        }
        long failing = 0;
        List<String> failures = new ArrayList<>();
        for (int r = 0; r < data.rows(); r++) {
            double[] h = hard.outputs(data.inputs()[r]);
            double[] y = data.targets()[r];
            boolean bad = false;
            for (int j = 0; j < y.length; j++) if (!Double.isNaN(y[j]) && h[j] != y[j]) bad = true;
            if (bad) {
                failing++;
                if (failures.size() < SHOWN) {
                    failures.add(data.where().get(r) + ": " + row(net.inputs(), data.inputs()[r]) + ": snapped "
                            + row(net.outputs(), h) + ", expected " + row(net.outputs(), y));
                }
            }
        }
        List<Margin> margins = new ArrayList<>();
        for (int i = 0; i < watched.length; i++) if (watched[i]) margins.add(new Margin(net.neurons().get(i).path(), minZ[i]));
        return new Report(combos, exhaustive, disagreeing, disagreements, failing, failures, margins);
    }

    /** Row k of a truth table: the first input bit is the most significant, as {@code circuit table} counts. */
    private static double[] spread(long k, int bits) {
        double[] x = new double[bits];
        for (int b = 0; b < bits; b++) x[b] = (k >>> (bits - 1 - b)) & 1;
        return x;
    }

    private static String row(List<Terminal> terms, double[] bits) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (Terminal t : terms) {
            if (sb.length() > 0) sb.append(' ');
            String v = k < bits.length && !t.bus() && Double.isNaN(bits[k]) ? "X" : Values.terminal(t, bits, k, false);
            sb.append(t.name()).append('=').append(v);
            k += t.width();
        }
        return sb.toString();
    }
}
