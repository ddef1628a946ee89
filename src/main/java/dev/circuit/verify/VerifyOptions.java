package dev.circuit.verify;

/**
 * How checks run. {@code sample} &gt; 0 checks that many seeded random rows instead of all of them
 * (reported as "sampled, not proven"). {@code threads} bounds the worker threads of the parallel
 * engine. {@code scalarOnly} forces the reference engine (for cross-checking the fast one).
 * {@code interpret} keeps the bit-parallel engine's gate interpreter instead of generated code.
 * {@code progress} hears about long checks (a terminal progress bar; nothing by default).
 * {@code sat} runs checks on the SAT engine whatever their size (otherwise it runs only those too
 * large to enumerate); {@code timeoutMillis} ends a SAT proof as unknown (0: no limit).
 */
public record VerifyOptions(long sample, long seed, int threads, boolean scalarOnly, boolean interpret, Progress progress,
                            boolean sat, long timeoutMillis) {
    /** Checks larger than this many rows are refused unless sampled. */
    public static final int MAX_EXHAUSTIVE_BITS = 40;

    public VerifyOptions {
        if (sample < 0) throw new IllegalArgumentException("sample must not be negative");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (progress == null) progress = Progress.NONE;
        if (timeoutMillis < 0) throw new IllegalArgumentException("timeout must not be negative");
        if (sat && (scalarOnly || interpret)) throw new IllegalArgumentException("one engine at a time");
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
