package dev.circuit.train;

/**
 * One training run's settings. {@code batch} is rows per update: 1 is online, 0 is the full data set.
 * {@code untilLoss} stops early when an epoch's loss reaches it (NaN: never).
 */
public record TrainOptions(int epochs, double rate, int batch, boolean shuffle, Loss loss, Optimizer.Kind optimizer,
                           long seed, double untilLoss) {
    public static final int FULL = 0;

    public TrainOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (!(rate > 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("rate must be a positive number");
        if (batch < 0) throw new IllegalArgumentException("batch must be 0 (full) or a row count");
        if (loss == null || optimizer == null) throw new IllegalArgumentException("loss and optimizer are required");
    }

    public TrainOptions withRate(double r) {
        return new TrainOptions(epochs, r, batch, shuffle, loss, optimizer, seed, untilLoss);
    }
}
