/**
 * The reference that every engine is held to: random circuits written as {@code .net} text by this
 * package, and their meaning computed here from what was written, in exact fractions of BigIntegers.
 * The model ({@link dev.circuit.reference.Design}, {@link dev.circuit.reference.Cell},
 * {@link dev.circuit.reference.Sum}) and its arithmetic ({@link dev.circuit.reference.Fraction}) import
 * nothing from the product: not the model's Rational or Threshold, not the elaborator, not an
 * evaluator, so a bug there cannot cancel out here (the generator borrows only the random drawing
 * of dev.circuit.properties.Circuits). Only the {@code *Test} classes call the product,
 * to run its engines on the written text and compare. Test code only.
 */
package dev.circuit.reference;
