/**
 * Writes small JVM class files by hand, for code generated at run time (the trainer's kernels): a
 * constant pool, methods and their bytecode, at class-file version 49, which needs no stack map
 * frames. It knows nothing of circuits; it must not import the other packages.
 */
package dev.circuit.codegen;
