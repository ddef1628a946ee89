/**
 * Reading .net text into the AST. The only package that imports ANTLR (the generated parser lives in
 * {@code dev.circuit.syntax.gen}); parse trees never leave it. Its tokens come from {@code Scanner},
 * the grammar's lexer rules written by hand for start-up time and held to ANTLR's generated lexer,
 * which only the tests run. A valid file is read by {@code FastParser}, a recursive-descent parser
 * that loads no ANTLR class and gives up on anything it does not expect; then {@code AntlrParse}
 * reads the file with ANTLR's generated parser, which stays the definition of the language and of
 * its errors ({@code FastParserTest} holds the fast path to it). It turns ANTLR's errors into
 * {@link dev.circuit.diag.Diagnostic}s and knows nothing of files on disk, imports or meaning.
 */
package dev.circuit.syntax;
