package dev.circuit.train;

import dev.circuit.model.Netlist;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gradient descent over a {@link Dataset}. One epoch visits every row once, in file order or, with
 * shuffle, in an order drawn from the seed; a step is taken after every {@code batch} rows. The loss
 * reported for an epoch is the mean over its batches, each measured before its own step (for full
 * batch: the loss of the parameters the epoch started from). Every random choice comes from the seed,
 * and the arithmetic is sequential, so the same inputs give the same weights bit for bit.
 */
public final class Trainer {
    /** Growth over the first epoch's loss that counts as divergence. */
    static final double BLOW_UP = 1e6;

    /** Told about each epoch, for progress bars. */
    public interface Listener {
        void epoch(int epoch, int of, double loss);
    }

    private final Network network;
    private final Dataset data;

    public Trainer(Netlist net, Dataset data) {
        this.network = new Network(net);
        this.data = data;
        if (data.rows() == 0) throw new IllegalArgumentException("no training rows");
    }

    public TrainResult train(double[] start, TrainOptions o, Listener listener) {
        Run run = new Run(start, o, listener);
        // This loop runs once per training, so the JIT reaches it only by on-stack replacement, after
        // tens of thousands of iterations; until then it is interpreted. So each iteration hands a
        // chunk of epochs to Run.epochs, an ordinary method the JIT compiles after a few hundred calls.
        TrainResult done = null;
        int epochs = o.epochs();
        for (int from = 0; from < epochs && done == null; from += CHUNK) done = run.epochs(from, Math.min(epochs, from + CHUNK));
        return done != null ? done : run.finished();
    }

    /** Epochs per call of Run.epochs. */
    private static final int CHUNK = 16;

    /** One training run's state, epoch after epoch. */
    private final class Run {
        private final TrainOptions o;
        private final Listener listener;
        private final double[] params;
        private final double[] lastGood;
        private final double[] grad;
        private final Scratch scratch;
        private final int[] cared;
        private final int[] order;
        private final SplittableRandom rng;
        private final Optimizer opt;
        private final int batch;
        private final double[] losses;
        private final long terms;
        private final FlatNet flat;
        private double first = Double.NaN;
        // Only surrogate neurons read the slope; without them it is worked out for the result alone.
        private final boolean soft;

        Run(double[] start, TrainOptions o, Listener listener) {
            this.o = o;
            this.listener = listener;
            int rows = data.rows();
            params = start.clone();
            lastGood = params.clone();
            grad = new double[params.length];
            scratch = new Scratch(network);
            cared = caredTerms();
            order = new int[rows];
            for (int i = 0; i < rows; i++) order[i] = i;
            rng = new SplittableRandom(o.seed() ^ 0x5DEECE66DL);
            opt = Optimizer.of(o.optimizer(), params.length);
            batch = o.batch() == TrainOptions.FULL ? rows : Math.min(o.batch(), rows);
            losses = new double[o.epochs()];
            // Every batch with a cared-for term counts its terms, so an epoch counts them all.
            long t = 0;
            for (int c : cared) t += c;
            terms = t;
            soft = network.hasSurrogates();
            flat = o.general() ? null : new FlatNet(network, data);
            if (flat != null) flat.reload(params);
            else network.load(params);
        }

        /** Runs epochs from .. to-1; null to go on, or the result when training stops. */
        TrainResult epochs(int from, int to) {
            for (int e = from; e < to; e++) {
                TrainResult done = epoch(e);
                if (done != null) return done;
            }
            return null;
        }

        /** Runs one epoch; null to go on, or the result when training stops here. */
        TrainResult epoch(int epoch) {
            double k = soft ? Surrogate.slope(epoch, o.epochs()) : Surrogate.FIRST_SLOPE;
            if (o.shuffle()) shuffle(order, rng);
            double lossSum = flat != null ? flat.epoch(order, cared, batch, k, o.loss(), opt, o.rate(), params, grad)
                    : generalEpoch(order, cared, batch, k, o, opt, params, grad, scratch);
            double loss = terms == 0 ? 0 : lossSum / terms;
            losses[epoch] = loss;
            if (epoch == 0) first = loss;
            String why = divergence(loss, first, params);
            if (why != null) {
                return new TrainResult(lastGood, Arrays.copyOf(losses, epoch + 1), epoch + 1, slope(epoch), TrainResult.Stop.DIVERGED,
                        "training diverged at epoch " + (epoch + 1) + " (" + why + ")");
            }
            System.arraycopy(params, 0, lastGood, 0, params.length);
            if (listener != null) listener.epoch(epoch + 1, o.epochs(), loss);
            if (loss <= o.untilLoss()) {
                return new TrainResult(params, Arrays.copyOf(losses, epoch + 1), epoch + 1, slope(epoch), TrainResult.Stop.UNTIL_LOSS, null);
            }
            return null;
        }

        TrainResult finished() {
            return new TrainResult(params, losses, o.epochs(), slope(o.epochs() - 1), TrainResult.Stop.EPOCHS, null);
        }

        /** The surrogate slope of an epoch, as the result reports it. */
        private double slope(int epoch) {
            return Surrogate.slope(epoch, o.epochs());
        }
    }

    /** One epoch on the general path: what {@link FlatNet#epoch} does, through {@link Network}. */
    private double generalEpoch(int[] order, int[] cared, int batch, double k, TrainOptions o, Optimizer opt, double[] params,
                                double[] grad, Scratch scratch) {
        double lossSum = 0;
        for (int from = 0; from < order.length; from += batch) {
            int to = Math.min(order.length, from + batch);
            int n = 0;
            for (int r = from; r < to; r++) n += cared[order[r]];
            if (n == 0) continue;
            lossSum += accumulate(order, from, to, n, k, o.loss(), grad, scratch);
            opt.step(params, grad, o.rate());
            network.load(params);
        }
        return lossSum;
    }

    /** Work arrays for one pass, allocated once per run. */
    private record Scratch(double[] nets, double[] z, double[] dNets, double[] yhat, double[] dOut) {
        Scratch(Network n) {
            this(new double[n.netCount()], new double[n.neurons()], new double[n.netCount()], new double[n.outputBits()],
                    new double[n.outputBits()]);
        }
    }

    /**
     * One batch, rows {@code order[from..to)} holding {@code n} cared-for terms: sets {@code grad} to
     * the gradient of the batch's mean loss and returns the batch's summed loss. The network must
     * hold the current parameters ({@link Network#load}).
     */
    private double accumulate(int[] order, int from, int to, int n, double k, Loss loss, double[] grad, Scratch s) {
        Arrays.fill(grad, 0);
        double lossSum = 0;
        for (int r = from; r < to; r++) {
            int row = order[r];
            double[] y = data.targets()[row];
            network.forward(data.inputs()[row], s.nets(), s.z(), k);
            network.outputs(s.nets(), s.yhat());
            double[] yhat = s.yhat();
            double[] dOut = s.dOut();
            for (int j = 0; j < yhat.length; j++) {
                if (Double.isNaN(y[j])) {
                    dOut[j] = 0;
                } else {
                    lossSum += loss.value(yhat[j], y[j]);
                    dOut[j] = loss.derivative(yhat[j], y[j]) / n;
                }
            }
            network.backward(s.nets(), s.z(), k, dOut, grad, s.dNets());
        }
        return lossSum;
    }

    /** The gradient of the mean loss over all rows at {@code params}: what a full-batch step follows. */
    double[] gradient(double[] params, double k, Loss loss) {
        network.load(params);
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        int n = Arrays.stream(caredTerms()).sum();
        double[] grad = new double[params.length];
        if (n > 0) accumulate(order, 0, order.length, n, k, loss, grad, new Scratch(network));
        return grad;
    }

    /** The mean loss over every row with {@code params}, hard neurons as surrogates of slope k. */
    public double loss(double[] params, double k, Loss loss) {
        network.load(params);
        double[] nets = new double[network.netCount()];
        double[] z = new double[network.neurons()];
        double[] yhat = new double[network.outputBits()];
        double sum = 0;
        long n = 0;
        for (int r = 0; r < data.rows(); r++) {
            network.forward(data.inputs()[r], nets, z, k);
            network.outputs(nets, yhat);
            double[] y = data.targets()[r];
            for (int j = 0; j < y.length; j++) {
                if (Double.isNaN(y[j])) continue;
                sum += loss.value(yhat[j], y[j]);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The outputs of the circuit as trained (hard neurons as surrogates of slope k), one row per data row. */
    public double[][] predict(double[] params, double k) {
        network.load(params);
        double[] nets = new double[network.netCount()];
        double[] z = new double[network.neurons()];
        double[][] out = new double[data.rows()][network.outputBits()];
        for (int r = 0; r < data.rows(); r++) {
            network.forward(data.inputs()[r], nets, z, k);
            network.outputs(nets, out[r]);
        }
        return out;
    }

    private int[] caredTerms() {
        int[] c = new int[data.rows()];
        for (int r = 0; r < c.length; r++) for (double v : data.targets()[r]) if (!Double.isNaN(v)) c[r]++;
        return c;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Null while training is sane; otherwise what went wrong. */
    private static String divergence(double loss, double first, double[] params) {
        if (Double.isNaN(loss)) return "the loss is NaN";
        if (Double.isInfinite(loss)) return "the loss is infinite";
        for (double p : params) if (!Double.isFinite(p)) return "a weight became " + p;
        if (first > 0 && loss > BLOW_UP * first) return "the loss grew from " + first + " to " + loss + ", over 1e6-fold";
        return null;
    }
}
