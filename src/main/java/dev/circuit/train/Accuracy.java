package dev.circuit.train;

import dev.circuit.eval.Evaluator;
import dev.circuit.model.Netlist;

/**
 * How well a circuit matches data rows. For a truth table: the share of rows it gets right, every
 * cared-for output at once, an output read as 1 when it is at least 0.5. For real targets a count
 * of exact-enough rows says little (a good regression line may be within 0.05 of no row), so
 * {@link #fit} measures the error instead: RMSE and R² over every cared-for output value, with the
 * tutorials' "right to one decimal" count ({@link #REAL_TOLERANCE}) kept beside them.
 */
public final class Accuracy {
    static final double REAL_TOLERANCE = 0.05;

    private Accuracy() {}

    public record Result(int right, int rows) {
        public double share() {
            return rows == 0 ? 0 : (double) right / rows;
        }
    }

    /**
     * The error of real-valued outputs: root mean squared error and the coefficient of determination
     * R² = 1 - SS_res / SS_tot (SS_tot around each output's own mean), over {@code values} cared-for
     * output values; {@code within} counts the rows whose every output is within 0.05. R² is NaN when
     * the targets do not vary (SS_tot = 0).
     */
    public record Fit(double rmse, double r2, long values, Result within) {}

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

    public static Fit fit(Netlist circuit, Dataset data) {
        Evaluator ev = new Evaluator(circuit, new double[0]);
        int outs = data.rows() == 0 ? 0 : data.targets()[0].length;
        double[] sum = new double[outs];
        long[] count = new long[outs];
        double[][] got = new double[data.rows()][];
        for (int r = 0; r < data.rows(); r++) {
            got[r] = ev.outputs(data.inputs()[r]);
            double[] y = data.targets()[r];
            for (int j = 0; j < outs; j++) {
                if (Double.isNaN(y[j])) continue;
                sum[j] += y[j];
                count[j]++;
            }
        }
        double ssRes = 0;
        double ssTot = 0;
        long values = 0;
        for (int r = 0; r < data.rows(); r++) {
            double[] y = data.targets()[r];
            for (int j = 0; j < outs; j++) {
                if (Double.isNaN(y[j])) continue;
                double e = got[r][j] - y[j];
                double d = y[j] - sum[j] / count[j];
                ssRes += e * e;
                ssTot += d * d;
                values++;
            }
        }
        double rmse = values == 0 ? Double.NaN : Math.sqrt(ssRes / values);
        double r2 = ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
        return new Fit(rmse, r2, values, of(circuit, data));
    }
}
