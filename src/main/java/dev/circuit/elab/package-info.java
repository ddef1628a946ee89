/**
 * Elaboration: from parsed files to one flat {@link dev.circuit.model.Netlist}. Reads imports
 * (through {@link dev.circuit.elab.Loader}), resolves names, checks arities, instantiates circuits,
 * turns neuron arguments into weighted sums, rejects cycles and double drivers, and orders the
 * neurons. It reports all it finds before stopping. It never evaluates anything.
 */
package dev.circuit.elab;
