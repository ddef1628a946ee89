package dev.circuit.ast;

import dev.circuit.diag.Pos;

/** A name where it is written. */
public record Ident(String name, Pos pos) {}
