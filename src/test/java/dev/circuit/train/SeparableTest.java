package dev.circuit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The single-neuron question, decided exactly. */
class SeparableTest {
    private static double[][] inputs(int n) {
        double[][] x = new double[1 << n][n];
        for (int r = 0; r < x.length; r++) for (int i = 0; i < n; i++) x[r][i] = (r >>> i) & 1;
        return x;
    }

    @Test
    void xorIsNotSeparableAndOrIs() {
        double[][] x = inputs(2);
        assertFalse(Separable.decide(x, new double[] {0, 1, 1, 0}).orElseThrow().separable());
        assertTrue(Separable.decide(x, new double[] {0, 1, 1, 1}).orElseThrow().separable());
    }

    /** There are exactly 104 threshold functions of 3 inputs (and 1882 of 4); every answer is checked. */
    @Test
    void countsTheThresholdFunctionsOfThreeAndFourInputsAndEveryWeightVectorWorks() {
        for (int n : new int[] {3, 4}) {
            double[][] x = inputs(n);
            int separable = 0;
            for (int f = 0; f < 1 << (1 << n); f++) {
                double[] y = new double[x.length];
                for (int r = 0; r < y.length; r++) y[r] = (f >>> r) & 1;
                Separable.Answer a = Separable.decide(x, y).orElseThrow();
                if (!a.separable()) continue;
                separable++;
                for (int r = 0; r < y.length; r++) {
                    long z = a.weights()[n];
                    for (int i = 0; i < n; i++) z += (long) x[r][i] * a.weights()[i];
                    assertEquals(y[r], z > 0 ? 1 : 0, "function " + f + " row " + r);
                }
            }
            assertEquals(n == 3 ? 104 : 1882, separable, "threshold functions of " + n + " inputs");
        }
    }

    @Test
    void dontCareRowsAreIgnored() {
        // XOR with the (1,1) row unknown is just OR
        assertTrue(Separable.decide(inputs(2), new double[] {0, 1, 1, Double.NaN}).orElseThrow().separable());
    }
}
