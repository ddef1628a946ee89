/**
 * Scalar evaluation of a flat netlist in double precision: one input row at a time, every neuron in
 * topological order. It is the reference every faster engine is tested against. A hard neuron with
 * fixed weights is evaluated exactly when its inputs are 0/1, from its exact form
 * ({@link dev.circuit.model.Threshold}: in longs, or BigInteger when that could overflow), so
 * {@code step(0.1*a + 0.2*b - 0.3)} is 0 at a=b=1, as the mathematics says; real-valued activations
 * stay in doubles. A row's terminals read as unsigned integers of any width ({@link
 * dev.circuit.eval.TermValues}) are what a check's property reads. A circuit with state runs cycle by
 * cycle on {@link dev.circuit.eval.Simulator}, which settles feedback wires and clocks flip-flops
 * around the evaluator: the reference for every engine over cycles. Depends only on the model.
 */
package dev.circuit.eval;
