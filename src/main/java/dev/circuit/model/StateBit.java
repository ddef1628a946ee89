package dev.circuit.model;

import dev.circuit.diag.Pos;

/**
 * One bit of state in a netlist: net {@code q} is read like an input by the neurons, and takes the
 * value of net {@code d} at a moment its kind says.
 * <ul>
 *   <li>{@link Kind#FLIP_FLOP} ({@code q = dff(d)}): at the clock edge that ends each cycle, so in
 *       cycle t it holds what {@code d} was in cycle t-1, and {@code init} in cycle 0.</li>
 *   <li>{@link Kind#FEEDBACK} (a wire declared {@code feedback q = init}): within a cycle, one unit
 *       delay. The combinational logic is evaluated, every feedback {@code q} takes its {@code d},
 *       and again, until nothing changes: the loop has settled. Between cycles it keeps its value.</li>
 * </ul>
 * {@code path} names the state by instance path ({@code counter/r3}); {@code pos} is where it was written.
 */
public record StateBit(String path, Kind kind, int q, int d, boolean init, Pos pos) {
    public enum Kind {
        FLIP_FLOP,
        FEEDBACK
    }

    public StateBit {
        if (q < 0 || d < 0) throw new IllegalArgumentException("state nets are numbered");
    }
}
