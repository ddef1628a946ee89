package dev.circuit.view;

import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layout of its own for when Graphviz is not installed, so {@code circuit view} works anywhere:
 * inputs, constants and state outputs (read like inputs) in the first column, each neuron one
 * column right of the deepest neuron it reads (the netlist's topological order makes that one pass),
 * outputs in the last column; within a column, nodes are sorted by the mean row of what they read,
 * which untangles most small circuits. Edges are straight lines (the page bends those that run back
 * into a state bit).
 */
public final class Layered {
    static final double COL = 150;
    static final double ROW = 64;
    static final double W = 84;
    static final double H = 38;
    static final double MARGIN = 40;

    private Layered() {}

    public static Layout of(Netlist net) {
        int[] rank = new int[net.netCount()];
        List<List<String>> cols = new ArrayList<>();
        Map<String, double[]> reads = new LinkedHashMap<>();
        List<String> first = new ArrayList<>();
        for (Terminal t : net.inputs()) for (int n : t.nets()) first.add("n" + n);
        for (Netlist.Constant c : net.constants()) first.add("n" + c.net());
        for (StateBit st : net.state()) first.add("n" + st.q());
        cols.add(first);
        int deepest = 0;
        for (Neuron n : net.neurons()) {
            int r = 0;
            for (int in : n.inputs()) r = Math.max(r, rank[in]);
            rank[n.out()] = r + 1;
            deepest = Math.max(deepest, r + 1);
            add(cols, r + 1, "n" + n.out());
            reads.put("n" + n.out(), n.inputs().stream().mapToDouble(Integer::doubleValue).toArray());
        }
        for (Terminal t : net.outputs()) {
            for (int b = 0; b < t.width(); b++) {
                String id = "out_" + t.name() + (t.bus() ? "_" + b : "");
                add(cols, deepest + 1, id);
                reads.put(id, new double[] {t.nets().get(b)});
            }
        }
        Map<String, Layout.Box> nodes = new LinkedHashMap<>();
        Map<Integer, Double> rowOfNet = new java.util.HashMap<>();
        int tallest = 0;
        for (int c = 0; c < cols.size(); c++) {
            List<String> col = new ArrayList<>(cols.get(c));
            if (c > 0) {
                col.sort(Comparator.comparingDouble(id -> {
                    double s = 0;
                    double[] r = reads.get(id);
                    for (double n : r) s += rowOfNet.getOrDefault((int) n, 0.0);
                    return r.length == 0 ? 0 : s / r.length;
                }));
            }
            for (int i = 0; i < col.size(); i++) {
                String id = col.get(i);
                if (id.startsWith("n")) rowOfNet.put(Integer.parseInt(id.substring(1)), (double) i);
                nodes.put(id, new Layout.Box(MARGIN + c * COL, MARGIN + i * ROW, W, H));
            }
            tallest = Math.max(tallest, col.size());
        }
        return new Layout(2 * MARGIN + (cols.size() - 1) * COL, 2 * MARGIN + Math.max(0, tallest - 1) * ROW,
                nodes, Map.of(), "layered (Graphviz not used)");
    }

    private static void add(List<List<String>> cols, int c, String id) {
        while (cols.size() <= c) cols.add(new ArrayList<>());
        cols.get(c).add(id);
    }
}
