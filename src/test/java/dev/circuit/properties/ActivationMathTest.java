package dev.circuit.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.circuit.eval.Evaluator;
import dev.circuit.model.Activation;
import dev.circuit.model.Netlist;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Sigmoid and tanh over the whole range of doubles: bounded, finite, monotone, and equal to the
 * textbook formula wherever that formula can be computed without overflow.
 */
class ActivationMathTest {
    @TempDir
    Path dir;

    /** Any finite or infinite double (not NaN), with plenty near 0 and near the overflow edge. */
    static Gen<Double> zs() {
        Gen<Double> edge = doubles().between(-800, 800);
        Gen<Double> small = doubles().between(-40, 40);
        Gen<Double> any = doubles().any().assuming(z -> !Double.isNaN(z));
        return Generate.oneOf(small, edge, any, Generate.pick(java.util.List.of(
                0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 709.78, -709.78, 710.0, -710.0, 745.2, -745.2,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    /** |a - b| within {@code rel} of |b|; an exact match also covers 0 and infinities. */
    static boolean close(double a, double b, double rel) {
        return a == b || Math.abs(a - b) <= rel * Math.abs(b);
    }

    @Test
    void sigmoidIsAFiniteProbabilityAndMatchesTheFormula() {
        qt().withFixedSeed(61L).withExamples(20_000).forAll(zs()).checkAssert(z -> {
            double y = Activation.SIGMOID.apply(z);
            assertTrue(Double.isFinite(y) && y >= 0 && y <= 1, () -> "sigmoid(" + z + ") = " + y);
            double e = Math.exp(-z);
            if (Double.isFinite(e)) {
                double formula = 1 / (1 + e);
                assertTrue(close(y, formula, 1e-15), () -> "sigmoid(" + z + ") = " + y + ", 1/(1+e^-z) = " + formula);
            }
        });
    }

    @Test
    void sigmoidIsMonotoneAndSymmetric() {
        qt().withFixedSeed(62L).withExamples(20_000).forAll(zs(), zs()).checkAssert((a, b) -> {
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            assertTrue(Activation.SIGMOID.apply(lo) <= Activation.SIGMOID.apply(hi), () -> "sigmoid decreases between " + lo + " and " + hi);
            // sigmoid(-z) = 1 - sigmoid(z): checked where 1 - y loses no more than an ulp of 1.
            double y = Activation.SIGMOID.apply(a);
            assertTrue(Math.abs(Activation.SIGMOID.apply(-a) - (1 - y)) <= 2 * Math.ulp(1.0),
                    () -> "sigmoid(" + (-a) + ") != 1 - sigmoid(" + a + ")");
        });
    }

    @Test
    void tanhIsBoundedOddMonotoneAndMatchesSinhOverCosh() {
        qt().withFixedSeed(63L).withExamples(20_000).forAll(zs(), zs()).checkAssert((a, b) -> {
            double y = Activation.TANH.apply(a);
            assertTrue(Double.isFinite(y) && y >= -1 && y <= 1, () -> "tanh(" + a + ") = " + y);
            assertEquals(-y, Activation.TANH.apply(-a), 0.0, () -> "tanh is odd at " + a);
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            assertTrue(Activation.TANH.apply(lo) <= Activation.TANH.apply(hi), () -> "tanh decreases between " + lo + " and " + hi);
            // sinh/cosh has no cancellation near 0 (unlike (e^2z-1)/(e^2z+1)); each is within 2.5 ulps,
            // so the quotient is allowed a little more than the 1e-15 given to sigmoid.
            double c = Math.cosh(a);
            if (Double.isFinite(c)) {
                double formula = Math.sinh(a) / c;
                assertTrue(close(y, formula, 2e-15), () -> "tanh(" + a + ") = " + y + ", sinh/cosh = " + formula);
            }
        });
    }

    /** Through the whole pipeline: a steep sigmoid neuron with large inputs gives 0 and 1, never NaN. */
    @Test
    void aSteepSigmoidNeuronSaturatesWithoutNaN() {
        Netlist net = Truth.load(dir, "steep.net", "neuron steep(x) = sigmoid(1000*x - 1)\n", null);
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        assertEquals(0.0, ev.outputs(new double[] {-1e300})[0]);
        assertEquals(1.0, ev.outputs(new double[] {1e300})[0]);
        assertEquals(0.0, ev.outputs(new double[] {-1})[0], 1e-300);
        assertEquals(1.0, ev.outputs(new double[] {1})[0]);
        assertEquals(Activation.SIGMOID.apply(-1), ev.outputs(new double[] {0})[0]);
    }
}
