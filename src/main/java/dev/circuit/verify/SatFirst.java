package dev.circuit.verify;

/**
 * When {@code --engine auto} tries SAT before enumerating a check, and for how long. A check whose
 * enumeration would cost at least {@code fromGateRows} gate evaluations (row gates times rows, plus
 * block gates times blocks, as the bit-parallel engine schedules it) is first given to the SAT
 * solver with a budget of one unit propagation per {@code gateRowsPerPropagation} of that cost;
 * when the solver has no answer within it, the check is enumerated. Below {@code fromGateRows} the
 * check is enumerated at once.
 *
 * <p>The budget counts propagations, not seconds: the same check gets the same answer, from the same
 * engine, on any machine at any load. {@link #MEASURED} is calibrated in docs/BENCHMARKS.md ("A
 * portfolio in auto").
 */
public record SatFirst(long fromGateRows, long gateRowsPerPropagation) {
    /**
     * From 2^38 gate-rows (about a quarter of a CPU second of enumeration here: below it, loading
     * the solver costs as much as enumerating), one propagation per 2^24 gate-rows: the solver then
     * gets about a third of the enumeration's time, and the 2^33-row adder16 check about 3 times
     * the 21 000 propagations its proof takes.
     */
    public static final SatFirst MEASURED = new SatFirst(1L << 38, 1L << 24);
    /**
     * No SAT anywhere: every check the bit-parallel engine can build is enumerated, and one of more
     * than 2^40 rows is refused ({@code --engine exhaustive}, to time or trust enumeration alone).
     */
    public static final SatFirst NEVER = new SatFirst(Long.MAX_VALUE, 1);

    public SatFirst {
        if (fromGateRows < 0 || gateRowsPerPropagation < 1) throw new IllegalArgumentException("fromGateRows " + fromGateRows
                + ", gateRowsPerPropagation " + gateRowsPerPropagation);
    }

    /** The propagations SAT gets first for an enumeration of {@code gateRows}, or 0 when the check is enumerated at once. */
    long propagations(double gateRows) {
        if (fromGateRows == Long.MAX_VALUE || gateRows < fromGateRows) return 0;
        return (long) Math.max(1, Math.min(Long.MAX_VALUE / 2.0, gateRows / gateRowsPerPropagation));
    }
}
