/**
 * The bit-parallel engine. A Boolean circuit (hard neurons with fixed weights) and the property of
 * a check are both synthesised into one network of two-input gates ({@link Gates}); the network is
 * then evaluated on many rows at once, one bit per row in each 64-bit word. Reads the model and the
 * AST of check expressions; knows nothing of files, the CLI or how results are reported.
 */
package dev.circuit.engine;
