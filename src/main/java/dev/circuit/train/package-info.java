/**
 * Training: gradient descent on the learnable coefficients ({@code ?}) of a flat netlist, the data it
 * learns from (test tables, CSV files), snapping the result to hard neurons, and writing the learned
 * values back into the source text. It reads the model and the design (its bound test tables, and the
 * program's text to write back into); it must not change them (a trained circuit is a new parameter
 * vector, and a new text), and it never touches ANTLR.
 */
package dev.circuit.train;
