/**
 * Verification: runs the design's bound test tables and checks ({@link dev.circuit.elab.Design})
 * exhaustively, or a check on a seeded sample, and reports each failing row at its place as a
 * {@link dev.circuit.verify.TestOutcome}. A check runs on the bit-parallel engine when that applies,
 * and is proven by SAT ({@link dev.circuit.sat.SatSolver}) past 2^40 rows or, when enumerating it
 * would be costly, first under a budget ({@link dev.circuit.verify.Portfolio}); the scalar engine
 * ({@link dev.circuit.eval.Evaluator} with {@link dev.circuit.verify.Spec}, the scalar interpreter
 * of a property) is the reference they are held to, and re-runs every failure they find. {@link dev.circuit.verify.Equivalence}
 * decides whether two circuits compute the same function, held to the same reference. It reads the design and does not
 * elaborate (the entry points that take a path load it through {@link dev.circuit.Circuit#load}).
 */
package dev.circuit.verify;
