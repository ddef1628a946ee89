package dev.circuit.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which circuit: a name and its integer arguments, {@code adder_n<16>}. Two tests of
 * {@code pass<2>} name the same instance, so it is elaborated once.
 */
public record CircuitId(String name, List<Long> args) {
    public CircuitId {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a circuit needs a name");
        args = List.copyOf(args);
    }

    public static CircuitId of(String name) {
        return new CircuitId(name, List.of());
    }

    /** {@code adder}, {@code adder_n<16>}, {@code grid<2,3>}: the netlist's name and its instance path. */
    @Override
    public String toString() {
        return args.isEmpty() ? name : name + args.stream().map(String::valueOf).collect(Collectors.joining(",", "<", ">"));
    }
}
