package dev.circuit.ast;

import dev.circuit.diag.Pos;

/** {@code import "path.net"}: the path is relative to the importing file. */
public record Import(String path, Pos pos) implements Decl {}
