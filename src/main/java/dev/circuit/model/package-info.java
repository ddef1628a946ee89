/**
 * What every back end (evaluator, engine, verifier, trainer, exporters) reads: the flat circuit
 * ({@link dev.circuit.model.Netlist}: nets, neurons in topological order, learnable parameters) and
 * the typed values around it: exact coefficients ({@link dev.circuit.model.Rational},
 * {@link dev.circuit.model.Coef}) and each hard neuron's exact integer form
 * ({@link dev.circuit.model.Threshold}), the values a terminal takes ({@link dev.circuit.model.Domain}),
 * a check's bound property ({@link dev.circuit.model.Prop}), a circuit instance's identity
 * ({@link dev.circuit.model.CircuitId}), and the operators and activations as enums. It holds data
 * and the activation functions' math; it does not know how it was written (no AST) or how it is
 * evaluated in bulk, and depends on nothing in circuit but diag.
 */
package dev.circuit.model;
