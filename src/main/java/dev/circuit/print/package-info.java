/**
 * The canonical printer of .net files ({@code circuit fmt}): AST plus comments in, text out. Printing
 * then parsing gives the same AST. {@link dev.circuit.print.ExprText} is the one expression printer:
 * the formatter, error messages and check explanations all use it. Reads the AST and the source text
 * (for blank lines and block ends); never imports ANTLR (the comments come from
 * {@link dev.circuit.syntax.Syntax#comments}) and never elaborates or evaluates.
 */
package dev.circuit.print;
