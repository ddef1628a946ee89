package dev.circuit.verify;

/**
 * How checks run. {@code sample} &gt; 0 checks that many seeded random rows instead of all of them
 * (reported as "sampled, not proven"). {@code threads} bounds the worker threads of the parallel
 * engine. {@code scalarOnly} forces the reference engine (for cross-checking the fast one).
 * {@code interpret} keeps the bit-parallel engine's gate interpreter instead of generated code.
 * {@code progress} hears about long checks (a terminal progress bar; nothing by default).
 * {@code sat} runs checks on the SAT engine whatever their size (otherwise it runs only those too
 * large to enumerate); {@code timeoutMillis} ends a SAT proof as unknown (0: no limit).
 * {@code satFirst} says which checks the default engine (none of sample, scalarOnly, interpret, sat)
 * tries on SAT, under a budget, before it enumerates them.
 */
public record VerifyOptions(long sample, long seed, int threads, boolean scalarOnly, boolean interpret, Progress progress,
                            boolean sat, long timeoutMillis, SatFirst satFirst) {
    /** Checks larger than this many rows are refused unless sampled. */
    public static final int MAX_EXHAUSTIVE_BITS = 40;

    public VerifyOptions {
        if (sample < 0) throw new IllegalArgumentException("sample must not be negative");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (progress == null) progress = Progress.NONE;
        if (timeoutMillis < 0) throw new IllegalArgumentException("timeout must not be negative");
        if (sat && (scalarOnly || interpret)) throw new IllegalArgumentException("one engine at a time");
        if (satFirst == null) satFirst = SatFirst.MEASURED;
    }

    public VerifyOptions(long sample, long seed, int threads, boolean scalarOnly, boolean interpret, Progress progress,
                         boolean sat, long timeoutMillis) {
        this(sample, seed, threads, scalarOnly, interpret, progress, sat, timeoutMillis, SatFirst.MEASURED);
    }

    /** Whether a check of more than 2^40 rows is proven by SAT (else it is refused, or sampled). */
    boolean satPastEnumeration() {
        return sat || !scalarOnly && !interpret && satFirst != SatFirst.NEVER;
    }

    /** The default engine: enumeration, with SAT first on checks whose enumeration costs real time. */
    boolean auto() {
        return sample == 0 && !scalarOnly && !interpret && !sat;
    }

    public VerifyOptions(long sample, long seed, int threads, boolean scalarOnly, boolean interpret, Progress progress) {
        this(sample, seed, threads, scalarOnly, interpret, progress, false, 0);
    }

    public VerifyOptions(long sample, long seed, int threads, boolean scalarOnly) {
        this(sample, seed, threads, scalarOnly, false, Progress.NONE);
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(0, 1, Runtime.getRuntime().availableProcessors(), false, false, Progress.NONE, false, 0);
    }
}
