package dev.circuit.train;

/**
 * How a gradient becomes a step. Each optimizer keeps its own state (velocity, moments) for one run.
 */
public abstract class Optimizer {
    /** The choices on the command line. */
    public enum Kind { SGD, MOMENTUM, ADAM }

    /** Moves {@code params} against {@code grad}, scaled by {@code rate}. */
    abstract void step(double[] params, double[] grad, double rate);

    static Optimizer of(Kind kind, int n) {
        return switch (kind) {
            case SGD -> new Sgd();
            case MOMENTUM -> new Momentum(n);
            case ADAM -> new Adam(n);
        };
    }

    /** p -= rate * g: the tutorials' update. */
    static final class Sgd extends Optimizer {
        @Override void step(double[] p, double[] g, double rate) {
            for (int i = 0; i < p.length; i++) p[i] -= rate * g[i];
        }
    }

    /** Heavy ball: v = 0.9 v + g; p -= rate * v. */
    static final class Momentum extends Optimizer {
        static final double BETA = 0.9;
        private final double[] v;

        Momentum(int n) {
            v = new double[n];
        }

        @Override void step(double[] p, double[] g, double rate) {
            for (int i = 0; i < p.length; i++) {
                v[i] = BETA * v[i] + g[i];
                p[i] -= rate * v[i];
            }
        }
    }

    /** Adam (Kingma and Ba 2015) with its usual constants and bias correction. */
    static final class Adam extends Optimizer {
        static final double B1 = 0.9;
        static final double B2 = 0.999;
        static final double EPS = 1e-8;
        private final double[] m;
        private final double[] v;
        private int t;

        Adam(int n) {
            m = new double[n];
            v = new double[n];
        }

        @Override void step(double[] p, double[] g, double rate) {
            t++;
            double c1 = 1 - Math.pow(B1, t);
            double c2 = 1 - Math.pow(B2, t);
            for (int i = 0; i < p.length; i++) {
                m[i] = B1 * m[i] + (1 - B1) * g[i];
                v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
                p[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
            }
        }
    }
}
