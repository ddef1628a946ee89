/**
 * Reading .net text into the AST. The only package that imports ANTLR (the generated parser lives in
 * {@code dev.circuit.syntax.gen}); parse trees never leave it. It turns ANTLR's errors into
 * {@link dev.circuit.diag.Diagnostic}s and knows nothing of files on disk, imports or meaning.
 */
package dev.circuit.syntax;
