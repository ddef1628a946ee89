package dev.circuit.interop;

import dev.circuit.eval.Values;
import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Rational;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Param;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A netlist as Graphviz DOT text. Every net that is an input bit, a constant, a state output or a
 * neuron output is one node named {@code n<net>}; outputs get their own nodes so a picture shows
 * where signals leave. Each state bit also gets a dashed edge from the net that loads it.
 * Neurons are grouped in one cluster per subcircuit instance, nested like the instance paths.
 * State is drawn so a reader sees it: a flip-flop is a grey 3-D box labelled {@code dff} with its
 * initial value, fed by a bold green edge labelled {@code d}; a feedback wire is a dashed node
 * labelled {@code feedback} with its initial value, fed by a dashed orange edge labelled
 * {@code feedback} from the neuron that drives it. Those edges do not rank the layout
 * ({@code constraint=false}), so state reads left to right like an input and the loop closes backwards.
 * The text depends only on the netlist (and the values shown), so it can be compared to a golden file.
 */
public final class Dot {
    /** Edge colours: positive weights blue, negative red, learnable ones of unknown sign grey. */
    static final String POSITIVE = "#1f62b4";
    static final String NEGATIVE = "#c62828";
    static final String UNKNOWN = "#757575";
    /** State edges: into a flip-flop green and bold, into a feedback wire orange and dashed. */
    static final String FLIP_FLOP = "#2e7d32";
    static final String FEEDBACK = "#ef6c00";

    private final Netlist net;
    private final double[] values;
    private final boolean flat;
    private final StringBuilder sb = new StringBuilder();
    private final double maxMagnitude;

    private Dot(Netlist net, double[] values, boolean flat) {
        this.net = net;
        this.values = values;
        this.flat = flat;
        double max = 0;
        for (Neuron n : net.neurons()) for (Coef c : n.weights()) max = Math.max(max, magnitude(c));
        this.maxMagnitude = max;
    }

    /**
     * The DOT text of {@code net}. {@code values} holds every net's value from one evaluation, or is
     * null for a picture without values. {@code flat} leaves instances ungrouped.
     */
    public static String render(Netlist net, double[] values, boolean flat) {
        return new Dot(net, values, flat).render();
    }

    private String render() {
        sb.append("digraph ").append(quote(net.name())).append(" {\n");
        sb.append("    rankdir=LR;\n");
        sb.append("    node [fontname=\"Helvetica\", fontsize=11];\n");
        sb.append("    edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.6];\n");
        for (Terminal t : net.inputs()) {
            for (int b = 0; b < t.width(); b++) {
                int n = t.nets().get(b);
                node(n, bit(t, b), "shape=circle, style=filled, fillcolor=\"#e8f0fe\"", "    ");
            }
        }
        for (Netlist.Constant c : net.constants()) {
            node(c.net(), Values.format(c.value()), "shape=plaintext", "    ");
        }
        for (StateBit b : net.state()) {
            if (b.kind() == StateBit.Kind.FLIP_FLOP) {
                node(b.q(), b.path() + "\ndff, init " + (b.init() ? 1 : 0), "shape=box3d, style=filled, fillcolor=\"#e0e0e0\"", "    ");
            } else {
                node(b.q(), b.path() + "\nfeedback, init " + (b.init() ? 1 : 0), "shape=ellipse, style=dashed, color=\"" + FEEDBACK + "\"", "    ");
            }
        }
        Cluster root = new Cluster("");
        String top = topPrefix();
        for (Neuron n : net.neurons()) {
            Cluster at = root;
            if (!flat) {
                String rel = n.path().startsWith(top) ? n.path().substring(top.length()) : n.path();
                String[] parts = rel.split("/");
                StringBuilder path = new StringBuilder();
                for (int i = 0; i < parts.length - 1; i++) {
                    path.append(i > 0 ? "/" : "").append(parts[i]);
                    at = at.child(path.toString());
                }
            }
            at.neurons.add(n);
        }
        int[] counter = {0};
        emit(root, "    ", counter);
        for (Terminal t : net.outputs()) {
            for (int b = 0; b < t.width(); b++) {
                String id = "out_" + t.name() + (t.bus() ? "_" + b : "");
                sb.append("    ").append(quote(id)).append(" [label=").append(quote(bit(t, b) + valueSuffix(t.nets().get(b))))
                        .append(", shape=doublecircle, style=filled, fillcolor=\"#fdf1d6\"];\n");
            }
        }
        for (Neuron n : net.neurons()) {
            for (int k = 0; k < n.fanIn(); k++) edge(n.inputs().get(k), n.out(), n.weights().get(k));
        }
        for (StateBit b : net.state()) {
            boolean ff = b.kind() == StateBit.Kind.FLIP_FLOP;
            String colour = ff ? FLIP_FLOP : FEEDBACK;
            sb.append("    n").append(b.d()).append(" -> n").append(b.q()).append(" [label=").append(quote(ff ? "d" : "feedback"))
                    .append(", color=\"").append(colour).append("\", fontcolor=\"").append(colour).append("\", style=")
                    .append(ff ? "bold" : "dashed").append(", constraint=false];\n");
        }
        for (Terminal t : net.outputs()) {
            for (int b = 0; b < t.width(); b++) {
                String id = "out_" + t.name() + (t.bus() ? "_" + b : "");
                sb.append("    n").append(t.nets().get(b)).append(" -> ").append(quote(id)).append(" [color=\"#9e9e9e\"];\n");
            }
        }
        sb.append("}\n");
        return sb.toString();
    }

    /** The top circuit's own prefix ({@code adder/}), which every neuron path starts with. */
    private String topPrefix() {
        if (net.neurons().isEmpty()) return "";
        String p = net.neurons().get(0).path();
        int slash = p.indexOf('/');
        return slash < 0 ? "" : p.substring(0, slash + 1);
    }

    private void emit(Cluster c, String indent, int[] counter) {
        String inner = indent;
        if (!c.path.isEmpty()) {
            sb.append(indent).append("subgraph cluster_").append(counter[0]++).append(" {\n");
            inner = indent + "    ";
            sb.append(inner).append("label=").append(quote(c.path)).append(";\n");
            sb.append(inner).append("style=rounded; color=\"#b0b0b0\"; fontname=\"Helvetica\"; fontsize=10;\n");
        }
        for (Neuron n : c.neurons) {
            // With values, a neuron that fires is filled, so the active paths stand out.
            boolean on = values != null && values[n.out()] == 1;
            node(n.out(), neuronLabel(n), on ? "shape=box, style=\"rounded,filled\", fillcolor=\"#ffe08a\"" : "shape=box, style=rounded", inner);
        }
        for (Cluster child : c.children.values()) emit(child, inner, counter);
        if (!c.path.isEmpty()) sb.append(indent).append("}\n");
    }

    private void node(int n, String label, String attrs, String indent) {
        sb.append(indent).append('n').append(n).append(" [label=").append(quote(label + valueSuffix(n))).append(", ")
                .append(attrs).append("];\n");
    }

    private String valueSuffix(int n) {
        return values == null ? "" : "\n= " + Values.format(values[n]);
    }

    private String neuronLabel(Neuron n) {
        String name = n.path().substring(n.path().lastIndexOf('/') + 1);
        String bias = bias(n.bias());
        if (n.activation() == Activation.THRESHOLD) {
            // sum + bias >= 0 is how a comparison is stored; show it the way it was written: sum >= t.
            String t = negatedBias(n.bias());
            return name + "\nsum >= " + (t == null ? "-(" + bias + ")" : t);
        }
        return name + "\n" + n.activation().keyword() + ", bias " + bias;
    }

    private String bias(List<Coef> bias) {
        if (bias.isEmpty()) return "0";
        List<String> parts = new ArrayList<>();
        Rational fixed = Rational.ZERO;
        boolean anyFixed = false;
        for (Coef c : bias) {
            if (c.isFixed()) {
                fixed = fixed.plus(c.scale());
                anyFixed = true;
            } else {
                parts.add(coef(c));
            }
        }
        if (anyFixed) parts.add(0, fixed.toString());
        return String.join(" + ", parts);
    }

    private String negatedBias(List<Coef> bias) {
        Rational sum = Rational.ZERO;
        for (Coef c : bias) {
            if (!c.isFixed()) return null;
            sum = sum.plus(c.scale());
        }
        return sum.negate().toString();
    }

    private void edge(int from, int to, Coef w) {
        String colour;
        Double v = known(w);
        if (v == null) colour = UNKNOWN;
        else colour = v < 0 ? NEGATIVE : POSITIVE;
        double width = maxMagnitude == 0 ? 1 : 0.8 + 2.7 * magnitude(w) / maxMagnitude;
        sb.append("    n").append(from).append(" -> n").append(to).append(" [label=").append(quote(coef(w)))
                .append(", color=\"").append(colour).append("\", fontcolor=\"").append(colour).append('"')
                .append(", penwidth=").append(String.format(Locale.ROOT, "%.2f", width));
        if (!w.isFixed()) sb.append(", style=dashed");
        sb.append("];\n");
    }

    /** A weight as text: {@code -2}, or {@code ?0.5} for a learnable one (its start value when known). */
    private String coef(Coef c) {
        if (c.isFixed()) return c.scale().toString();
        Param p = net.params().get(c.param());
        if (p.init() == null) return c.scale().equals(Rational.ONE) ? "?" : c.scale() + "*?";
        return "?" + Rational.of(p.init()).times(c.scale());
    }

    /** The weight's value when it is known before training: fixed, or learnable with a written start. */
    private Double known(Coef c) {
        if (c.isFixed()) return c.scale().doubleValue();
        Param p = net.params().get(c.param());
        return p.init() == null ? null : Rational.of(p.init()).times(c.scale()).doubleValue();
    }

    private double magnitude(Coef c) {
        Double v = known(c);
        return v == null ? 1 : Math.abs(v);
    }

    private static String bit(Terminal t, int b) {
        return t.bus() ? t.name() + "[" + b + "]" : t.name();
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** One instance: its path below the top, the neurons directly in it, its sub-instances in order. */
    private static final class Cluster {
        final String path;
        final List<Neuron> neurons = new ArrayList<>();
        final Map<String, Cluster> children = new LinkedHashMap<>();

        Cluster(String path) {
            this.path = path;
        }

        Cluster child(String childPath) {
            return children.computeIfAbsent(childPath, Cluster::new);
        }
    }
}
