package dev.circuit.train;

/**
 * What training minimises, per output term, with its derivative beside it. The trainer averages over
 * the n terms of a batch (rows times cared-for outputs), so the batch gradient of {@link #MSE} is
 * 2/n * sum (yhat - y) * dyhat/dw: full-batch descent is textbook least squares.
 */
public enum Loss {
    /** Squared error (yhat - y)^2. */
    MSE("mse") {
        @Override double value(double yhat, double y) {
            double d = yhat - y;
            return d * d;
        }
        @Override double derivative(double yhat, double y) {
            return 2 * (yhat - y);
        }
    },
    /**
     * Binary cross-entropy -(y log p + (1-y) log(1-p)) for outputs in (0, 1). p is clamped away from 0
     * and 1 so a saturated output gives a large finite loss, not infinity.
     */
    BCE("bce") {
        @Override double value(double yhat, double y) {
            double p = clamp(yhat);
            return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
        }
        @Override double derivative(double yhat, double y) {
            double p = clamp(yhat);
            return (p - y) / (p * (1 - p));
        }
    };

    private static final double EPS = 1e-12;

    private final String keyword;

    Loss(String keyword) {
        this.keyword = keyword;
    }

    abstract double value(double yhat, double y);

    abstract double derivative(double yhat, double y);

    private static double clamp(double p) {
        return Math.min(1 - EPS, Math.max(EPS, p));
    }

    public String keyword() {
        return keyword;
    }
}
