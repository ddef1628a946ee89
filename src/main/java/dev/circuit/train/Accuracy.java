package dev.circuit.train;

import dev.circuit.eval.Evaluator;
import dev.circuit.model.Netlist;

/**
 * The share of data rows a circuit gets right, every cared-for output at once. For a truth table an
 * output is read as 1 when it is at least 0.5. For real targets an output is right when it is within
 * {@link #REAL_TOLERANCE} of the target: right to one decimal, the tutorials' measure.
 */
public final class Accuracy {
    static final double REAL_TOLERANCE = 0.05;

    private Accuracy() {}

    public record Result(int right, int rows) {
        public double share() {
            return rows == 0 ? 0 : (double) right / rows;
        }
    }

    public static Result of(Netlist circuit, Dataset data) {
        Evaluator ev = new Evaluator(circuit, new double[0]);
        boolean bool = data.isBoolean();
        int right = 0;
        for (int r = 0; r < data.rows(); r++) {
            double[] got = ev.outputs(data.inputs()[r]);
            double[] y = data.targets()[r];
            boolean ok = true;
            for (int j = 0; j < y.length; j++) {
                if (Double.isNaN(y[j])) continue;
                boolean hit = bool ? (got[j] >= 0.5 ? 1 : 0) == y[j] : Math.abs(got[j] - y[j]) < REAL_TOLERANCE;
                if (!hit) ok = false;
            }
            if (ok) right++;
        }
        return new Result(right, data.rows());
    }
}
