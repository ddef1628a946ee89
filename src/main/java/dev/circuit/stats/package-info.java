/**
 * Figures about an elaborated circuit for {@code circuit stats}: neurons by activation,
 * coefficients, depth, fan-in, instance counts. Reads the model (and the AST, only to name the
 * definitions behind instance paths); never changes either and never evaluates anything.
 */
package dev.circuit.stats;
