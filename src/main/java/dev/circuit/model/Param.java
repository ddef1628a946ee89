package dev.circuit.model;

import dev.circuit.diag.Pos;
import java.math.BigDecimal;

/**
 * A learnable coefficient: one {@code ?} token in a source file. Every instance of the neuron or
 * circuit that holds the token shares it (the file can only hold one value there).
 * {@code init} is null when the file says just {@code ?} (a seeded random start). {@code start} and
 * {@code end} locate the token (in code points) so a trainer can write the learned value back.
 */
public record Param(int id, BigDecimal init, Pos pos, String file, int start, int end) {}
