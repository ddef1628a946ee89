package dev.circuit.train;

/**
 * One training run's settings. {@code batch} is rows per update: 1 is online, 0 is the full data set.
 * {@code untilLoss} stops early when an epoch's loss reaches it (NaN: never). {@code general} trains
 * on the general per-neuron path instead of the fast flat one ({@link FlatNet}); both give the same
 * weights bit for bit, so it only matters for speed comparisons and tests.
 */
public record TrainOptions(int epochs, double rate, int batch, boolean shuffle, Loss loss, Optimizer.Kind optimizer,
                           long seed, double untilLoss, boolean general) {
    public static final int FULL = 0;

    public TrainOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (!(rate > 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("rate must be a positive number");
        if (batch < 0) throw new IllegalArgumentException("batch must be 0 (full) or a row count");
        if (loss == null || optimizer == null) throw new IllegalArgumentException("loss and optimizer are required");
    }

    /** The fast path (the default). */
    public TrainOptions(int epochs, double rate, int batch, boolean shuffle, Loss loss, Optimizer.Kind optimizer, long seed,
                        double untilLoss) {
        this(epochs, rate, batch, shuffle, loss, optimizer, seed, untilLoss, false);
    }

    public TrainOptions withRate(double r) {
        return new TrainOptions(epochs, r, batch, shuffle, loss, optimizer, seed, untilLoss, general);
    }

    public TrainOptions withSeed(long s) {
        return new TrainOptions(epochs, rate, batch, shuffle, loss, optimizer, s, untilLoss, general);
    }

    public TrainOptions withGeneral(boolean g) {
        return new TrainOptions(epochs, rate, batch, shuffle, loss, optimizer, seed, untilLoss, g);
    }
}
