package dev.circuit.train;

/**
 * What a run produced: the learned parameters, the loss of every epoch that ran, and why it stopped.
 * When {@code diverged} is set, {@code params} are the last finite ones and must not be written.
 */
public record TrainResult(double[] params, double[] losses, int epochs, double finalSlope, Stop stop, String diverged) {
    public enum Stop { EPOCHS, UNTIL_LOSS, DIVERGED }

    public boolean hasDiverged() {
        return stop == Stop.DIVERGED;
    }
}
