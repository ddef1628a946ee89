/**
 * Elaboration: from parsed files to a {@link dev.circuit.elab.Design}. Reads imports (through
 * {@link dev.circuit.elab.Loader}); {@link dev.circuit.elab.DesignBuilder} checks every neuron and
 * non-generic circuit of every file, flattens each circuit instance a command, test or check names
 * into one {@link dev.circuit.model.Netlist} (by {@link dev.circuit.model.CircuitId}), and binds the
 * root file's test tables and checks to them (a check's property becomes a
 * {@link dev.circuit.model.Prop}). The {@link dev.circuit.elab.Elaborator} walks circuits, statements
 * and instances into a {@link dev.circuit.elab.NetGraph}, which rejects cycles and double drivers and
 * orders the neurons; what they build is charged to one size budget per design
 * ({@link dev.circuit.elab.Limits}), which stops a design too large at the statement that overran it.
 * It reports all it finds before stopping. It evaluates integer expressions
 * (widths, indices, parameters) and nothing else: no circuit is run here.
 */
package dev.circuit.elab;
