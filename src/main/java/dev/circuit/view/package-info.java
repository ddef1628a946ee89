/**
 * {@code circuit view}: one self-contained HTML page of a circuit (inline CSS and JavaScript, the
 * drawing painted on a canvas, nothing fetched), in which inputs toggle and values propagate live. Owns the page's data (the
 * netlist in topological order, each hard neuron's exact integer form from
 * {@link dev.circuit.model.Neuron#exact}, the circuit's test tables), the drawing's layout (from
 * Graphviz {@code plain} text or a layered layout of its own, instances nested as blocks) and the page template. The page holds
 * no second definition of a neuron: it compares {@code sum >= threshold} with the integers emitted
 * here. Must not write files or run programs (the CLI does both), nor re-derive a neuron's meaning.
 */
package dev.circuit.view;
