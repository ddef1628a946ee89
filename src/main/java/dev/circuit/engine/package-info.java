/**
 * The bit-parallel engine. A Boolean circuit (hard neurons with fixed weights, read from their exact
 * {@link dev.circuit.model.Threshold}) and a check's bound property ({@link dev.circuit.model.Prop},
 * interpreted by {@link dev.circuit.engine.SpecSynth}) are both synthesised into one network of
 * two-input gates ({@link dev.circuit.engine.Gates}); the network is then evaluated on many rows at
 * once, one bit per row in each 64-bit word, by an interpreter or by code generated with ASM; or
 * encoded as CNF for a SAT solver ({@link dev.circuit.engine.Cnf}; solving is the sat package's), where
 * a wide neuron is not gates but a reified threshold constraint
 * ({@link dev.circuit.engine.WideNeurons}, {@link dev.circuit.engine.ThresholdCnf}). Two
 * netlists on shared inputs make one such network, true where their outputs agree
 * ({@link dev.circuit.engine.Miter}), for proofs of equivalence. A Boolean circuit with state is
 * simulated 64 runs a word ({@link dev.circuit.engine.SeqSim}); {@link dev.circuit.engine.RandomRuns}
 * runs any other one on the scalar simulator ({@link dev.circuit.eval.Simulator}) instead. Reads the
 * model (and that simulator): no AST, no files, no CLI, and it does not decide how results are reported.
 */
package dev.circuit.engine;
