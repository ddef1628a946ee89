/**
 * The abstract syntax of .net files: immutable records built by the syntax package from ANTLR's parse
 * tree. Every node carries its {@link dev.circuit.diag.Pos}; operators are the model's enums
 * ({@link dev.circuit.model.BinaryOp}, {@link dev.circuit.model.UnaryOp}), the only thing it takes from
 * the model. Nothing here knows about ANTLR, reads files, or knows what a circuit computes; operations
 * on the tree live in other packages.
 */
package dev.circuit.ast;
