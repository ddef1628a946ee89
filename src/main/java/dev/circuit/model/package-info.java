/**
 * The flat circuit: nets, neurons in topological order, learnable parameters. This is what every
 * back end (evaluator, verifier, trainer, exporters) consumes. It holds data and the activation
 * functions' math; it does not know how it was written (no AST) or how it is evaluated in bulk.
 */
package dev.circuit.model;
