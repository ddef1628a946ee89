package dev.circuit.train;

import dev.circuit.model.Netlist;

/**
 * Training again from fresh starts when a run gets stuck. Small networks have local minima: a 2-2-1
 * sigmoid XOR net trained by plain gradient descent from U(-1, 1) starts ends in one for about 3 seeds
 * in 20 (two rows at 0.5), and no amount of extra epochs gets it out. Attempt i (0-based) draws its
 * bare {@code ?} starts and its shuffle order from {@code seed + i * STRIDE}, so a run with restarts is
 * as reproducible as one without. For a truth table the first attempt whose snapped circuit passes
 * wins; otherwise (and for real-valued data) the attempt with the lowest final loss does.
 */
public final class Restarts {
    /** The seed distance between attempts: far enough that neighbouring --seed values do not share attempts. */
    public static final long STRIDE = 1_000_003L;

    private Restarts() {}

    /**
     * The winning attempt: its index, the seed it used, where it started and what it produced, and
     * the epochs every attempt ran together (for speed figures).
     */
    public record Outcome(int attempt, long seed, double[] start, TrainResult result, long epochsRun) {}

    public static Outcome train(Netlist net, Dataset data, TrainOptions o, int restarts, Trainer.Listener listener) {
        Outcome best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        long epochs = 0;
        for (int i = 0; i <= restarts; i++) {
            long seed = o.seed() + i * STRIDE;
            TrainOptions oi = o.withSeed(seed);
            double[] start = net.initialParams(seed);
            TrainResult r = new Trainer(net, data).train(start, oi, listener);
            epochs += r.epochs();
            // A diverged run says the rate is wrong, not the start: restarting would only hide that.
            if (r.hasDiverged()) return new Outcome(i, seed, start, r, epochs);
            Outcome here = new Outcome(i, seed, start, r, epochs);
            // A single attempt wins whatever its snapped circuit does: no need to check it here.
            if (restarts == 0) return here;
            if (data.isBoolean() && Snap.check(net, r.params(), data).passes()) return here;
            double loss = r.losses()[r.epochs() - 1];
            if (best == null || loss < bestLoss) {
                best = here;
                bestLoss = loss;
            }
        }
        return new Outcome(best.attempt(), best.seed(), best.start(), best.result(), epochs);
    }
}
