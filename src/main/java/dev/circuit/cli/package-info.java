/**
 * The {@code circuit} command line: thin picocli commands over the pipeline in
 * {@link dev.circuit.Circuit}. Owns argument parsing, output formats and the one map from failures
 * to exit codes ({@link dev.circuit.diag.Failure}). Writers are injected so tests run it in-process.
 * A plain {@code eval} line is read without picocli ({@link dev.circuit.cli.PlainEval}, for start-up
 * time), and {@code --version} and a line without arguments are answered as picocli would answer them
 * ({@link dev.circuit.cli.PlainRoot}); every other line, help and usage errors included, is picocli's.
 * Holds no circuit logic of its own.
 */
package dev.circuit.cli;
