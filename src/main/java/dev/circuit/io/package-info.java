/**
 * Writing files safely: every file circuit writes goes through {@link dev.circuit.io.AtomicFile}, so
 * a reader never sees half a file and a failed run leaves the old one as it was. Knows nothing of
 * circuits.
 */
package dev.circuit.io;
