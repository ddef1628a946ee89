/**
 * Diagnostics: positions, messages, the collector each stage reports into, and the printer that
 * quotes the source line with a caret. Every other package reports through here; this package
 * depends on nothing else in circuit.
 */
package dev.circuit.diag;
