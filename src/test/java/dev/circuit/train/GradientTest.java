package dev.circuit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.diag.Pos;
import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Rational;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Param;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Backpropagation agrees with central finite differences: per activation, and over whole random circuits. */
class GradientTest {
    private static final double H = 1e-6;

    @Test
    void everySmoothActivationsDerivativeMatchesFiniteDifferences() {
        for (Activation a : Activation.values()) {
            if (a.isHard()) continue;
            qt().withExamples(300).forAll(doubles().between(-8, 8)).checkAssert(z -> {
                // relu has a kink at 0: finite differences across it mean nothing
                if (a == Activation.RELU && Math.abs(z) < 10 * H) return;
                double fd = (a.apply(z + H) - a.apply(z - H)) / (2 * H);
                assertEquals(fd, a.derivative(z, a.apply(z)), 1e-6, a + " at z=" + z);
            });
        }
    }

    @Test
    void theSurrogateDerivativeMatchesFiniteDifferencesAtEverySlope() {
        qt().withExamples(300).forAll(doubles().between(-6, 6), doubles().between(0.5, 8)).checkAssert((z, k) -> {
            double fd = (Surrogate.apply(z + H, k) - Surrogate.apply(z - H, k)) / (2 * H);
            assertEquals(fd, Surrogate.derivative(Surrogate.apply(z, k), k), 1e-6, "z=" + z + " k=" + k);
        });
    }

    @Test
    void theSurrogateSlopeSharpensFromFirstToLast() {
        assertEquals(Surrogate.FIRST_SLOPE, Surrogate.slope(0, 100), 0);
        assertEquals(Surrogate.LAST_SLOPE, Surrogate.slope(99, 100), 1e-12);
        assertTrue(Surrogate.slope(50, 100) > Surrogate.slope(10, 100));
    }

    @Test
    void wholeRandomCircuitsHaveExactGradientsForMse() {
        qt().withFixedSeed(20261127L).withExamples(200).forAll(longs().all()).checkAssert(seed -> check(seed, Loss.MSE));
    }

    @Test
    void wholeRandomCircuitsWithSigmoidOutputsHaveExactGradientsForBce() {
        qt().withFixedSeed(20261128L).withExamples(200).forAll(longs().all()).checkAssert(seed -> check(seed, Loss.BCE));
    }

    private static void check(long seed, Loss loss) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Netlist net = randomCircuit(rnd, loss == Loss.BCE);
        Dataset data = randomData(rnd, net);
        double[] params = new double[net.params().size()];
        for (int i = 0; i < params.length; i++) params[i] = rnd.nextDouble(-1.5, 1.5);
        double k = rnd.nextDouble(0.5, 4);
        Trainer t = new Trainer(net, data);
        double[] g = t.gradient(params, k, loss);
        for (int i = 0; i < params.length; i++) {
            double[] up = params.clone();
            double[] down = params.clone();
            up[i] += H;
            down[i] -= H;
            double lUp = t.loss(up, k, loss);
            double lDown = t.loss(down, k, loss);
            double fd = (lUp - lDown) / (2 * H);
            double tol = 1e-5 * Math.max(1, Math.abs(fd));
            // A relu's kink within H of the point: the loss has no derivative there to compare with
            // (the one-sided slopes differ), so the central difference means nothing.
            double l0 = t.loss(params, k, loss);
            if (Math.abs((lUp - l0) - (l0 - lDown)) / H > 1e-3 * Math.max(1, Math.abs(fd))) continue;
            assertEquals(fd, g[i], tol, "seed " + seed + ", parameter " + i + " of " + net.neurons());
        }
    }

    /**
     * Layers of neurons over 1..3 inputs and a constant: every activation, weights learnable or
     * fixed (with a scale, as -?*x gives), learnable coefficients shared between neurons, and
     * several outputs, some read from hidden layers.
     */
    static Netlist randomCircuit(SplittableRandom rnd, boolean sigmoidOutputs) {
        Pos pos = new Pos("random.net", 1, 1);
        int nIn = 1 + rnd.nextInt(3);
        List<String> names = new ArrayList<>();
        List<Terminal> inputs = new ArrayList<>();
        for (int i = 0; i < nIn; i++) {
            names.add("in" + i);
            inputs.add(new Terminal("in" + i, false, List.of(i), pos));
        }
        int constNet = names.size();
        names.add("one");
        List<Netlist.Constant> consts = List.of(new Netlist.Constant(constNet, 1));
        int nParams = 1 + rnd.nextInt(8);
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < nParams; i++) params.add(new Param(i, null, pos, "random.net", 10 * i, 10 * i + 1));
        List<Neuron> neurons = new ArrayList<>();
        List<Integer> available = new ArrayList<>();
        for (int i = 0; i <= constNet; i++) available.add(i);
        int layers = 1 + rnd.nextInt(3);
        Activation[] acts = Activation.values();
        for (int l = 0; l < layers; l++) {
            int width = 1 + rnd.nextInt(3);
            List<Integer> made = new ArrayList<>();
            for (int j = 0; j < width; j++) {
                int fan = 1 + rnd.nextInt(Math.min(3, available.size()));
                List<Integer> ins = new ArrayList<>();
                List<Coef> ws = new ArrayList<>();
                for (int f = 0; f < fan; f++) {
                    ins.add(available.get(rnd.nextInt(available.size())));
                    ws.add(coef(rnd, nParams));
                }
                List<Coef> bias = rnd.nextBoolean() ? List.of(coef(rnd, nParams)) : List.of(coef(rnd, nParams), coef(rnd, nParams));
                int out = names.size();
                names.add("n" + l + "_" + j);
                Activation a = acts[rnd.nextInt(acts.length)];
                if (sigmoidOutputs && l == layers - 1) a = Activation.SIGMOID;
                neurons.add(new Neuron("n" + l + "_" + j, a, out, ins, ws, bias, pos));
                made.add(out);
            }
            available.addAll(made);
        }
        List<Terminal> outputs = new ArrayList<>();
        int lastLayer = neurons.size() - 1;
        outputs.add(new Terminal("y0", false, List.of(neurons.get(lastLayer).out()), pos));
        if (!sigmoidOutputs && neurons.size() > 1 && rnd.nextBoolean()) {
            outputs.add(new Terminal("y1", false, List.of(neurons.get(rnd.nextInt(lastLayer)).out()), pos));
        }
        return new Netlist("random", inputs, outputs, neurons, consts, params, names);
    }

    private static Coef coef(SplittableRandom rnd, int nParams) {
        Rational scale = Rational.of(BigDecimal.valueOf(rnd.nextInt(-20, 21), 1));
        if (rnd.nextInt(3) == 0) return Coef.fixed(scale);
        return new Coef(rnd.nextBoolean() ? Rational.ONE : scale, rnd.nextInt(nParams));
    }

    private static Dataset randomData(SplittableRandom rnd, Netlist net) {
        int rows = 1 + rnd.nextInt(5);
        int outs = net.outputs().size();
        double[][] x = new double[rows][net.inputBits()];
        double[][] y = new double[rows][outs];
        List<Pos> where = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < x[r].length; i++) x[r][i] = rnd.nextDouble(-1, 1);
            for (int j = 0; j < outs; j++) y[r][j] = rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextDouble(0, 1);
            where.add(new Pos("random.csv", r + 2, 1));
        }
        return new Dataset("random", x, y, where);
    }
}
