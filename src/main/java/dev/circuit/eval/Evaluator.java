package dev.circuit.eval;

import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Terminal;
import dev.circuit.model.Threshold;
import java.math.BigInteger;
import java.util.List;

/**
 * Evaluates a netlist one row at a time. Built once per netlist and parameter vector (weights are
 * read into flat arrays), then {@link #run} may be called any number of times; not thread-safe.
 */
public final class Evaluator {
    /** Receives each neuron as it is evaluated: for {@code --trace}. */
    public interface Trace {
        void neuron(Neuron n, double z, double out);
    }

    /** Relative distance from the threshold below which a hard neuron on real inputs is decided exactly. */
    private static final double NEAR = 1e-9;
    private static final long NOT_BITS = Long.MIN_VALUE;

    private final Netlist net;
    private final int[][] in;
    private final double[][] w;
    private final double[] bias;
    private final Activation[] act;
    private final int[] out;
    /** The exact form of each hard, fixed neuron (null for the others). */
    private final Threshold[] exact;
    /** Its long form ({@link Threshold#longs}) when that fits; null when only BigInteger is safe. */
    private final long[][] exactLong;
    private final double[] constValues;
    private final int[] constNets;

    public Evaluator(Netlist net, double[] params) {
        this.net = net;
        List<Neuron> ns = net.neurons();
        int n = ns.size();
        in = new int[n][];
        w = new double[n][];
        bias = new double[n];
        act = new Activation[n];
        out = new int[n];
        exact = new Threshold[n];
        exactLong = new long[n][];
        for (int i = 0; i < n; i++) {
            Neuron nr = ns.get(i);
            // Loops, not streams: a short run builds one evaluator, and each stream costs its linkage
            // in the interpreter (docs/BENCHMARKS.md, "Start-up").
            List<Integer> inputs = nr.inputs();
            in[i] = new int[inputs.size()];
            for (int j = 0; j < in[i].length; j++) in[i][j] = inputs.get(j);
            List<Coef> weights = nr.weights();
            w[i] = new double[weights.size()];
            for (int j = 0; j < w[i].length; j++) w[i][j] = weights.get(j).value(params);
            List<Coef> bs = nr.bias();
            double[] b = new double[bs.size()];
            for (int j = 0; j < b.length; j++) b[j] = bs.get(j).value(params);
            bias[i] = compensatedSum(b);
            act[i] = nr.activation();
            out[i] = nr.out();
            exact[i] = nr.exact();
            if (exact[i] != null) exactLong[i] = exact[i].longs();
        }
        List<Netlist.Constant> cs = net.constants();
        constNets = new int[cs.size()];
        constValues = new double[cs.size()];
        for (int i = 0; i < constNets.length; i++) {
            constNets[i] = cs.get(i).net();
            constValues[i] = cs.get(i).value();
        }
    }

    /**
     * The sum {@code DoubleStream.sum()} computes, which this evaluator used (Kahan's compensated
     * summation, as JDK 17 writes it in {@code Collectors.sumWithCompensation} and
     * {@code computeFinalSum}), so that a bias of several learnable parts keeps exactly its value;
     * {@code EvaluatorSumTest} holds the two equal.
     */
    static double compensatedSum(double[] values) {
        double sum = 0;
        double compensation = 0;
        double simple = 0;
        for (double v : values) {
            double y = v - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
            simple += v;
        }
        double r = sum - compensation;
        // Infinities of opposite sign make the compensated sum NaN where the plain one is infinite.
        return Double.isNaN(r) && Double.isInfinite(simple) ? simple : r;
    }

    public Netlist netlist() {
        return net;
    }

    /** A fresh array for net values. */
    public double[] newState() {
        return new double[net.netCount()];
    }

    /**
     * Evaluates one row. {@code inputs} holds one value per input bit, in terminal order, bus bits
     * least significant first (as {@link #inputBits} lays them out). Fills {@code nets} with every net's value.
     */
    public void run(double[] inputs, double[] nets, Trace trace) {
        System.arraycopy(inputs, 0, nets, 0, inputs.length);
        for (int k = 0; k < constNets.length; k++) nets[constNets[k]] = constValues[k];
        for (int i = 0; i < in.length; i++) {
            int[] ins = in[i];
            double z;
            double y;
            long[] el = exactLong[i];
            long sum = el == null ? NOT_BITS : bitSum(ins, nets, el);
            if (sum != NOT_BITS) {
                y = sum >= el[ins.length] ? 1 : 0;
                z = (double) (sum + el[ins.length + 1]) / el[ins.length + 2];
            } else if (exact[i] != null && el == null && bits(ins, nets)) {
                BigInteger big = BigInteger.ZERO;
                for (int k = 0; k < ins.length; k++) if (nets[ins[k]] == 1) big = big.add(exact[i].weights().get(k));
                y = exact[i].fires(big) ? 1 : 0;
                z = exact[i].z(big).doubleValue();
            } else {
                z = bias[i];
                double size = Math.abs(z);
                double[] ws = w[i];
                for (int k = 0; k < ins.length; k++) {
                    double term = ws[k] * nets[ins[k]];
                    z += term;
                    size += Math.abs(term);
                }
                if (exact[i] != null) {
                    // Real-valued inputs into a hard neuron: decided exactly, not by the rounded z.
                    // Far from the threshold the rounded z cannot be wrong (its error is ~1e-16 of
                    // the terms' size); only near it is the exact sum worth its cost.
                    if (Math.abs(z) > NEAR * size || !Double.isFinite(size)) {
                        y = act[i].apply(z);
                    } else {
                        double[] values = new double[ins.length];
                        for (int k = 0; k < ins.length; k++) values[k] = nets[ins[k]];
                        java.math.BigDecimal real = exact[i].sumOn(values);
                        y = exact[i].fires(real) ? 1 : 0;
                        z = exact[i].z(real);
                    }
                } else {
                    y = act[i].apply(z);
                }
            }
            nets[out[i]] = y;
            if (trace != null) trace.neuron(net.neurons().get(i), z, y);
        }
    }

    /**
     * The integer sum of the weights of the inputs that are 1, in one pass, or {@link #NOT_BITS} as
     * soon as an input is neither 0 nor 1 (no sum within {@code Threshold.longs()} can be that value).
     */
    private static long bitSum(int[] ins, double[] nets, long[] w) {
        long sum = 0;
        for (int k = 0; k < ins.length; k++) {
            double v = nets[ins[k]];
            if (v == 1) sum += w[k];
            else if (v != 0) return NOT_BITS;
        }
        return sum;
    }

    private static boolean bits(int[] ins, double[] nets) {
        for (int x : ins) {
            double v = nets[x];
            if (v != 0 && v != 1) return false;
        }
        return true;
    }

    /** Evaluates one row and returns one value per output bit (terminal order, bus bits LSB first). */
    public double[] outputs(double[] inputs) {
        double[] nets = newState();
        run(inputs, nets, null);
        return outputBits(nets);
    }

    public double[] outputBits(double[] nets) {
        int total = 0;
        for (Terminal t : net.outputs()) total += t.width();
        double[] o = new double[total];
        int k = 0;
        for (Terminal t : net.outputs()) for (int n : t.nets()) o[k++] = nets[n];
        return o;
    }
}
