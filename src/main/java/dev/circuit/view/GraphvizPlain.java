package dev.circuit.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the layout Graphviz computed, from {@code dot -Tplain} text: node centres and sizes and
 * edge splines, in inches with y up, turned into pixels with y down. Only the lines the page needs
 * are read ({@code graph}, {@code node}, {@code edge}); the format is documented at
 * graphviz.org/docs/outputs/plain/.
 */
public final class GraphvizPlain {
    private static final double PX = 72;
    private static final double MARGIN = 12;

    private GraphvizPlain() {}

    /** The layout in {@code plain}; an {@link IllegalArgumentException} when the text is not plain output. */
    public static Layout parse(String plain) {
        double width = -1;
        double height = -1;
        Map<String, Layout.Box> nodes = new LinkedHashMap<>();
        Map<String, List<double[]>> edges = new LinkedHashMap<>();
        for (String line : plain.split("\r?\n")) {
            List<String> t = tokens(line);
            if (t.isEmpty()) continue;
            switch (t.get(0)) {
                case "graph":
                    width = num(t, 2) * PX;
                    height = num(t, 3) * PX;
                    break;
                case "node":
                    requireGraph(height);
                    nodes.put(t.get(1), new Layout.Box(MARGIN + num(t, 2) * PX, MARGIN + height - num(t, 3) * PX,
                            num(t, 4) * PX, num(t, 5) * PX));
                    break;
                case "edge": {
                    requireGraph(height);
                    int n = (int) num(t, 3);
                    double[] pts = new double[2 * n];
                    for (int i = 0; i < n; i++) {
                        pts[2 * i] = MARGIN + num(t, 4 + 2 * i) * PX;
                        pts[2 * i + 1] = MARGIN + height - num(t, 5 + 2 * i) * PX;
                    }
                    edges.computeIfAbsent(t.get(1) + "->" + t.get(2), k -> new ArrayList<>()).add(pts);
                    break;
                }
                default:
                    break;
            }
        }
        requireGraph(height);
        return new Layout(width + 2 * MARGIN, height + 2 * MARGIN, nodes, edges, "Graphviz dot");
    }

    private static void requireGraph(double height) {
        if (height < 0) throw new IllegalArgumentException("no 'graph' line: not Graphviz plain output");
    }

    private static double num(List<String> t, int i) {
        if (i >= t.size()) throw new IllegalArgumentException("short line in Graphviz plain output: " + String.join(" ", t));
        return Double.parseDouble(t.get(i));
    }

    /** Splits on blanks; a double-quoted token may hold blanks and backslash escapes. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < line.length()) i++;
                    sb.append(line.charAt(i++));
                }
                i++;
                out.add(sb.toString());
            } else {
                int start = i;
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) i++;
                out.add(line.substring(start, i));
            }
        }
        return out;
    }
}
