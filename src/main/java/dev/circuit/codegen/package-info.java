/**
 * What the two run-time code generators (the engine's checks, the trainer's kernels) share beyond
 * ASM, which writes their classes: the size a generated method must keep to. It knows nothing of
 * circuits; it must not import the other packages.
 */
package dev.circuit.codegen;
