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

    /*
     * equals and hashCode written out, computing what the record's generated ones compute (hash:
     * 31 * name's + args'; so maps keyed by it iterate in the same order). The generated ones are
     * bootstrapped through method handles at their first call, and CircuitId keys every map of
     * instances: that bootstrap took about a fifth of the work of a short `circuit eval`
     * (docs/BENCHMARKS.md, "Start-up"). CircuitIdTest holds them to a record's.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CircuitId c && name.equals(c.name) && args.equals(c.args);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + args.hashCode();
    }

    /** {@code adder}, {@code adder_n<16>}, {@code grid<2,3>}: the netlist's name and its instance path. */
    @Override
    public String toString() {
        return args.isEmpty() ? name : name + args.stream().map(String::valueOf).collect(Collectors.joining(",", "<", ">"));
    }
}
