/**
 * Scalar evaluation of a flat netlist in double precision: one input row at a time, every neuron in
 * topological order. It is the reference every faster engine is tested against. Hard neurons with
 * fixed weights are evaluated exactly when their inputs are 0/1 (scaled to longs, or as BigDecimal
 * when that would overflow), so {@code step(0.1*a + 0.2*b - 0.3)} is 0 at a=b=1, as the mathematics
 * says. Depends only on the model.
 */
package dev.circuit.eval;
