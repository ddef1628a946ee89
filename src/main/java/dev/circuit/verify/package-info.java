/**
 * Verification: runs the test tables (and, later, the check properties) written in .net files
 * against elaborated circuits, exhaustively, and reports each failing row at its place.
 */
package dev.circuit.verify;
