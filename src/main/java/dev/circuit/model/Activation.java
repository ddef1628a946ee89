package dev.circuit.model;

import java.util.Optional;

/**
 * What a neuron applies to its weighted sum z. Each constant keeps its forward rule and its
 * derivative side by side. The hard ones (step, threshold) have no useful derivative: the trainer
 * replaces them by a surrogate, so {@link #derivative} is only defined for the smooth ones.
 */
public enum Activation {
    /** 1 when z &gt; 0, else 0 (strict, as the language promises). Written {@code step(z)} or {@code s > t}. */
    STEP("step", true) {
        @Override public double apply(double z) { return z > 0 ? 1 : 0; }
        @Override public double derivative(double z, double y) { return 0; }
    },
    /** 1 when z &gt;= 0, else 0. Written as a comparison {@code s >= t}, where z = s - t. */
    THRESHOLD(">=", true) {
        @Override public double apply(double z) { return z >= 0 ? 1 : 0; }
        @Override public double derivative(double z, double y) { return 0; }
    },
    SIGMOID("sigmoid", false) {
        @Override public double apply(double z) {
            // Never computes exp of a large positive number, so no overflow to infinity and no NaN.
            if (z >= 0) return 1 / (1 + Math.exp(-z));
            double e = Math.exp(z);
            return e / (1 + e);
        }
        @Override public double derivative(double z, double y) { return y * (1 - y); }
    },
    LINEAR("linear", false) {
        @Override public double apply(double z) { return z; }
        @Override public double derivative(double z, double y) { return 1; }
    },
    RELU("relu", false) {
        @Override public double apply(double z) { return z > 0 ? z : 0; }
        @Override public double derivative(double z, double y) { return z > 0 ? 1 : 0; }
    },
    TANH("tanh", false) {
        @Override public double apply(double z) { return Math.tanh(z); }
        @Override public double derivative(double z, double y) { return 1 - y * y; }
    };

    private final String keyword;
    private final boolean hard;

    Activation(String keyword, boolean hard) {
        this.keyword = keyword;
        this.hard = hard;
    }

    public abstract double apply(double z);

    /** dy/dz at z, given y = apply(z) (several rules are cheapest in terms of y). */
    public abstract double derivative(double z, double y);

    /** True for step and threshold: the output is exactly 0 or 1. */
    public boolean isHard() {
        return hard;
    }

    /** True for step: fires when z &gt; 0; a comparison ({@code >=}) fires at z = 0 too. */
    public boolean strict() {
        return this == STEP;
    }

    /** The name as written in a .net file ({@code step}, {@code sigmoid}); {@code >=} for thresholds. */
    public String keyword() {
        return keyword;
    }

    /** The activation a call name stands for; thresholds are written as comparisons, not calls. */
    public static Optional<Activation> byName(String name) {
        // A loop, not a stream: every short run looks up its neurons' activations (docs/BENCHMARKS.md, "Start-up").
        for (Activation a : values()) if (a != THRESHOLD && a.keyword.equals(name)) return Optional.of(a);
        return Optional.empty();
    }

    public static String names() {
        return "step, sigmoid, linear, relu, tanh";
    }
}
