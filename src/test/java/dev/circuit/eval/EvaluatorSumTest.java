package dev.circuit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * The evaluator sums a neuron's bias parts with a loop (start-up: no stream to link), and must get
 * exactly the value DoubleStream.sum() gave, which it used before: the same bits, on sums that
 * cancel, overflow, and hold NaN, infinities and negative zeros.
 */
class EvaluatorSumTest {
    static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.1, 1e-300, -1e-300, 1e300, -1e300, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3.0, 1e16, -1e16};

    static double draw(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> SPECIAL[r.nextInt(SPECIAL.length)];
            case 1 -> r.nextDouble(-1, 1);
            case 2 -> r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-20, 21));
            default -> Double.longBitsToDouble(r.nextLong());
        };
    }

    @Test
    void theLoopSumsAsDoubleStreamDid() {
        qt().withFixedSeed(20261127L).withExamples(20000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[] values = new double[r.nextInt(0, 8)];
            for (int i = 0; i < values.length; i++) values[i] = draw(r);
            assertEquals(Double.doubleToLongBits(DoubleStream.of(values).sum()), Double.doubleToLongBits(Evaluator.compensatedSum(values)),
                    () -> Arrays.toString(values));
        });
    }
}
