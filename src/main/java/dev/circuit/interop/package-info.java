/**
 * Talking to the tools of the hardware world: Graphviz DOT, structural Verilog and VCD waveforms
 * ({@link dev.circuit.interop.Vcd}) out, BLIF and ISCAS {@code .bench} netlists in, and nand2tetris
 * {@code .hack} programs in as ROMs. Everything
 * here turns text into text (or a model into text): it reads the model and, for testbenches, the
 * design's bound test tables (evaluated by {@link dev.circuit.eval.Evaluator}), but never writes
 * files, never runs programs, and never touches ANTLR (the BLIF, .bench and .hack readers are
 * hand-written line parsers).
 */
package dev.circuit.interop;
