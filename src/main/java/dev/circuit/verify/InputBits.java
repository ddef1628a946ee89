package dev.circuit.verify;

import dev.circuit.model.Terminal;
import java.util.List;

/** Input bits (netlist order: each terminal's bit 0 first) named as in the language's slices. */
final class InputBits {
    private InputBits() {}

    /** "a[15..10] b[15..11] cin": each run of consecutive bits of a bus as a slice, most significant first. */
    static String names(List<Terminal> inputs, int[] bits) {
        boolean[] set = new boolean[inputs.stream().mapToInt(Terminal::width).sum()];
        for (int b : bits) set[b] = true;
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Terminal t : inputs) {
            for (int hi = t.width() - 1; hi >= 0; hi--) {
                if (!set[at + hi]) continue;
                int lo = hi;
                while (lo > 0 && set[at + lo - 1]) lo--;
                if (sb.length() > 0) sb.append(' ');
                sb.append(t.name());
                if (t.bus()) sb.append('[').append(hi).append(hi == lo ? "" : ".." + lo).append(']');
                hi = lo;
            }
            at += t.width();
        }
        return sb.toString();
    }
}
