/**
 * The abstract syntax of .net files: immutable records built by the syntax package from ANTLR's parse
 * tree. Every node carries its {@link dev.circuit.diag.Pos}. Nothing here knows about ANTLR, files
 * on disk, or what a circuit computes; operations on the tree live in other packages.
 */
package dev.circuit.ast;
