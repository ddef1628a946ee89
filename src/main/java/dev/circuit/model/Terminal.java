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

    /** Where each terminal's bits start when their bits are laid out one after another, in order. */
    public static int[] offsets(List<Terminal> terms) {
        int[] o = new int[terms.size()];
        int k = 0;
        for (int i = 0; i < terms.size(); i++) {
            o[i] = k;
            k += terms.get(i).width();
        }
        return o;
    }
}
