/**
 * Reading .net text into the AST. The only package that imports ANTLR (the generated parser lives in
 * {@code dev.circuit.syntax.gen}); parse trees never leave it. Its tokens come from {@code Scanner},
 * the grammar's lexer rules written by hand for start-up time and held to
 * ANTLR's generated lexer, which only the tests run. It turns ANTLR's errors into
 * {@link dev.circuit.diag.Diagnostic}s and knows nothing of files on disk, imports or meaning.
 */
package dev.circuit.syntax;
