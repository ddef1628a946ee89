package dev.circuit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.diag.Pos;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The flat fast path (FlatNet) and the general path (Network) train random circuits to the same
 * weights and the same loss at every epoch, bit for bit: every activation (hard ones as surrogates,
 * fixed hard ones exactly), shared and scaled coefficients, don't-care targets, both losses, all
 * optimizers, full, online and small batches, shuffled or not.
 */
class FlatNetOracleTest {
    /** How many random circuits ran as generated code: else both arms could be the interpreter twice. */
    private final java.util.concurrent.atomic.AtomicInteger generated = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void fastAndGeneralPathsAgreeBitForBit() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> check(seed, false));
        assertTrue(generated.get() >= 250, generated + " of 300 random circuits ran as generated code");
    }

    /** Online SGD with every parameter read once: the fused tape, which steps parameters inside backward. */
    @Test
    void theFusedOnlineSgdTapeAgreesBitForBit() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> check(seed, true));
        assertTrue(generated.get() >= 250, generated + " of 300 random circuits ran as generated code");
    }

    private void check(long seed, boolean fused) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Loss loss = rnd.nextBoolean() ? Loss.MSE : Loss.BCE;
        Netlist net = GradientTest.randomCircuit(rnd, loss == Loss.BCE);
        if (fused) net = unshared(net);
        Dataset data = data(rnd, net);
        Optimizer.Kind kind = fused ? Optimizer.Kind.SGD : Optimizer.Kind.values()[rnd.nextInt(3)];
        int batch = fused ? 1 : rnd.nextInt(4); // 0 is full batch
        TrainOptions o = new TrainOptions(1 + rnd.nextInt(40), rnd.nextDouble(0.01, 1), batch, rnd.nextBoolean(), loss, kind,
                rnd.nextLong(), Double.NaN);
        double[] start = net.initialParams(o.seed());
        TrainResult general = new Trainer(net, data).train(start, o.withGeneral(true), null);
        if (new FlatNet(new Network(net), data).mode().equals("generated code")) generated.incrementAndGet();
        // Both ways of running the tapes: generated code (the default) and the tape interpreter.
        for (boolean generate : new boolean[] {true, false}) {
            FlatNet.generateKernels = generate;
            try {
                same(general, new Trainer(net, data).train(start, o, null), "seed " + seed + ", " + o + ", generated code " + generate);
            } finally {
                FlatNet.generateKernels = true;
            }
        }
    }

    private static void same(TrainResult general, TrainResult fast, String what) {
        assertEquals(general.stop(), fast.stop(), what);
        assertEquals(general.epochs(), fast.epochs(), what);
        for (int i = 0; i < general.params().length; i++) {
            assertEquals(Double.doubleToLongBits(general.params()[i]), Double.doubleToLongBits(fast.params()[i]), what + ", parameter " + i);
        }
        for (int e = 0; e < general.epochs(); e++) {
            assertEquals(Double.doubleToLongBits(general.losses()[e]), Double.doubleToLongBits(fast.losses()[e]), what + ", epoch " + e);
        }
    }

    /**
     * The tutorials' networks run as generated code (else the properties above would hold the
     * interpreter to itself twice); a fixed hard neuron in exact arithmetic keeps the interpreter.
     */
    @Test
    void smallNetworksRunAsGeneratedCodeAndExactNeuronsInterpreted() {
        for (String f : new String[] {"add.net", "xor.net", "line.net", "or.net"}) {
            Netlist net = Fixtures.load(Fixtures.LEARN.resolve(f)).net();
            Dataset data = data(new SplittableRandom(1), net);
            assertEquals("generated code", new FlatNet(new Network(net), data).mode(), f);
        }
        Netlist half = Fixtures.load(Fixtures.LEARN.resolve("half_adder_learn.net")).net();
        assertEquals("interpreted tapes", new FlatNet(new Network(half), data(new SplittableRandom(1), half)).mode(),
                "half_adder_learn.net: its carry NAND is fixed and hard");
    }

    /** The same circuit with a parameter of its own for every learnable coefficient. */
    static Netlist unshared(Netlist net) {
        List<Neuron> neurons = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        for (Neuron n : net.neurons()) {
            List<Coef> w = new ArrayList<>();
            for (Coef c : n.weights()) w.add(own(c, params));
            List<Coef> b = new ArrayList<>();
            for (Coef c : n.bias()) b.add(own(c, params));
            neurons.add(new Neuron(n.path(), n.activation(), n.out(), n.inputs(), w, b, n.pos()));
        }
        return new Netlist(net.name(), net.inputs(), net.outputs(), neurons, net.constants(), params, net.netNames());
    }

    private static Coef own(Coef c, List<Param> params) {
        if (c.isFixed()) return c;
        int id = params.size();
        params.add(new Param(id, null, new Pos("random.net", 1, 1), "random.net", 10 * id, 10 * id + 1));
        return new Coef(c.scale(), id);
    }

    /** Inputs are bits half the time (so fixed hard neurons take their exact path), targets bits or reals or don't-care. */
    static Dataset data(SplittableRandom rnd, Netlist net) {
        int rows = 1 + rnd.nextInt(6);
        boolean bits = rnd.nextBoolean();
        double[][] x = new double[rows][net.inputBits()];
        double[][] y = new double[rows][net.outputs().size()];
        List<Pos> where = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < x[r].length; i++) x[r][i] = bits ? rnd.nextInt(2) : rnd.nextDouble(-1, 1);
            for (int j = 0; j < y[r].length; j++) y[r][j] = rnd.nextInt(5) == 0 ? Double.NaN : bits ? rnd.nextInt(2) : rnd.nextDouble();
            where.add(new Pos("random.csv", r + 2, 1));
        }
        return new Dataset("random", x, y, where);
    }
}
