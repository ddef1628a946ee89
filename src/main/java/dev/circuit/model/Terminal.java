package dev.circuit.model;

import dev.circuit.diag.Pos;
import java.util.List;

/**
 * A circuit input or output: one net, or a bus of nets with bit 0 (the least significant) first.
 */
public record Terminal(String name, boolean bus, List<Integer> nets, Pos pos) {
    public Terminal {
        nets = List.copyOf(nets);
        if (!bus && nets.size() != 1) throw new IllegalArgumentException("a scalar terminal has one net");
    }

    public int width() {
        return nets.size();
    }
}
