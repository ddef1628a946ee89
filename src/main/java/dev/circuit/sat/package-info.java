/**
 * Proofs by SAT: a check's miter in CNF ({@link dev.circuit.engine.Cnf}, the Tseitin encoding of
 * the engine's gate network) handed to the Sat4j solver, with a timeout. Owns the solver and is the
 * only package that imports it. Reads only the model and the engine's CNF: no AST, no files, no
 * printing; it does not decide how a result is reported, and it trusts no counterexample by itself
 * (the verify package re-runs every one on the scalar evaluator).
 */
package dev.circuit.sat;
