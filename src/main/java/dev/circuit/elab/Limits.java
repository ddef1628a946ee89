package dev.circuit.elab;

/**
 * How large one design may grow while it is elaborated, in <em>units</em>: each net, each neuron,
 * each input of a neuron, each circuit instance and each loop iteration is one unit, and every
 * circuit the design elaborates (the command's top, every non-generic circuit and neuron of the
 * files, every instance a test or check names) draws on the one budget. Units grow with the memory
 * the design takes (about 160 to 200 bytes of resident memory each, docs/BENCHMARKS.md), so a budget
 * bounds both the time and the memory spent before a design too large for them is refused at the
 * statement that overran it.
 */
public record Limits(long maxSize) {
    /**
     * Tens of millions of units: over five thousand times the largest example (the multipliers' file
     * with mul8, 3,820 units), and small enough that a design this large (3 to 4 GB) fits the heap
     * Java gives itself on a 24 GB machine, a quarter of it. With less memory the build runs out
     * before the budget, and that is reported at the place too.
     */
    public static final long DEFAULT_MAX_SIZE = 20_000_000;

    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_SIZE);

    public Limits {
        if (maxSize < 1) throw new IllegalArgumentException("a size budget is at least 1 unit, not " + maxSize);
    }
}
