package dev.circuit.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the page draws each node and edge, in SVG pixels with y pointing down. Node ids are those
 * of {@link dev.circuit.interop.Dot}: {@code n<net>} for an input bit, a constant or a neuron,
 * {@code out_<name>} ({@code out_<name>_<bit>} for a bus) for an output. An edge's key is
 * {@code from->to}; it holds one point list per parallel edge (a neuron reading one net twice), in
 * the order the edges were written, as cubic Bezier control points (start, then three per segment)
 * when Graphviz routed it, or empty when the page should draw a straight line.
 */
public record Layout(double width, double height, Map<String, Box> nodes, Map<String, List<double[]>> edges, String engine) {
    public Layout {
        nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(edges));
    }

    /** A node's centre and size. */
    public record Box(double x, double y, double w, double h) {}
}
