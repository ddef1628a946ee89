package dev.circuit.eval;

import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
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

    private final Netlist net;
    private final int[][] in;
    private final double[][] w;
    private final double[] bias;
    private final Activation[] act;
    private final int[] out;
    // Exact form of hard, fixed neurons: z * 10^scale as integers. Null when not applicable.
    private final long[][] exactW;
    private final long[] exactBias;
    private final double[] exactUnit;
    // Hard, fixed neurons whose scaled weights do not fit a long: exact in BigDecimal (rare, slower).
    private final BigDecimal[][] bigW;
    private final BigDecimal[] bigBias;
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
        exactW = new long[n][];
        exactBias = new long[n];
        exactUnit = new double[n];
        bigW = new BigDecimal[n][];
        bigBias = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            Neuron nr = ns.get(i);
            in[i] = nr.inputs().stream().mapToInt(Integer::intValue).toArray();
            w[i] = nr.weights().stream().mapToDouble(c -> c.value(params)).toArray();
            bias[i] = nr.bias().stream().mapToDouble(c -> c.value(params)).sum();
            act[i] = nr.activation();
            out[i] = nr.out();
            if (nr.activation().isHard() && nr.isFixed()) exact(i, nr);
        }
        constNets = net.constants().stream().mapToInt(Netlist.Constant::net).toArray();
        constValues = net.constants().stream().mapToDouble(Netlist.Constant::value).toArray();
    }

    /** Scales a hard neuron's decimal weights to integers when that fits in a long with room to sum. */
    private void exact(int i, Neuron nr) {
        int scale = 0;
        for (Coef c : nr.weights()) scale = Math.max(scale, c.scale().stripTrailingZeros().scale());
        for (Coef c : nr.bias()) scale = Math.max(scale, c.scale().stripTrailingZeros().scale());
        if (scale > 18) {
            big(i, nr);
            return;
        }
        BigInteger limit = BigInteger.ONE.shiftLeft(62);
        BigInteger total = BigInteger.ZERO;
        long[] ws = new long[nr.fanIn()];
        for (int k = 0; k < ws.length; k++) {
            BigInteger v = nr.weights().get(k).scale().movePointRight(scale).toBigIntegerExact();
            total = total.add(v.abs());
            ws[k] = v.longValue();
        }
        BigInteger b = nr.bias().stream().map(Coef::scale).reduce(BigDecimal.ZERO, BigDecimal::add)
                .movePointRight(scale).toBigIntegerExact();
        total = total.add(b.abs());
        if (total.compareTo(limit) >= 0) {
            big(i, nr);
            return;
        }
        exactW[i] = ws;
        exactBias[i] = b.longValue();
        exactUnit[i] = Math.pow(10, -scale);
    }

    /** The exact form for weights too fine or too large to scale into a long: the decimals as written. */
    private void big(int i, Neuron nr) {
        bigW[i] = nr.weights().stream().map(Coef::scale).toArray(BigDecimal[]::new);
        bigBias[i] = nr.bias().stream().map(Coef::scale).reduce(BigDecimal.ZERO, BigDecimal::add);
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
            double z = Double.NaN;
            long[] ew = exactW[i];
            if (ew != null) {
                long sum = exactBias[i];
                int[] ins = in[i];
                for (int k = 0; k < ins.length; k++) {
                    double v = nets[ins[k]];
                    if (v == 1) sum += ew[k];
                    else if (v != 0) { sum = Long.MIN_VALUE; break; }
                }
                if (sum != Long.MIN_VALUE) {
                    double y = act[i] == Activation.STEP ? (sum > 0 ? 1 : 0) : (sum >= 0 ? 1 : 0);
                    nets[out[i]] = y;
                    if (trace != null) trace.neuron(net.neurons().get(i), sum * exactUnit[i], y);
                    continue;
                }
            }
            BigDecimal[] bw = bigW[i];
            if (bw != null) {
                BigDecimal sum = bigBias[i];
                int[] ins = in[i];
                boolean bits = true;
                for (int k = 0; k < ins.length && bits; k++) {
                    double v = nets[ins[k]];
                    if (v == 1) sum = sum.add(bw[k]);
                    else bits = v == 0;
                }
                if (bits) {
                    double y = act[i] == Activation.STEP ? (sum.signum() > 0 ? 1 : 0) : (sum.signum() >= 0 ? 1 : 0);
                    nets[out[i]] = y;
                    if (trace != null) trace.neuron(net.neurons().get(i), sum.doubleValue(), y);
                    continue;
                }
            }
            z = bias[i];
            int[] ins = in[i];
            double[] ws = w[i];
            for (int k = 0; k < ins.length; k++) z += ws[k] * nets[ins[k]];
            double y = act[i].apply(z);
            nets[out[i]] = y;
            if (trace != null) trace.neuron(net.neurons().get(i), z, y);
        }
    }

    /** Evaluates one row and returns one value per output bit (terminal order, bus bits LSB first). */
    public double[] outputs(double[] inputs) {
        double[] nets = newState();
        run(inputs, nets, null);
        return outputBits(nets);
    }

    public double[] outputBits(double[] nets) {
        int total = net.outputs().stream().mapToInt(Terminal::width).sum();
        double[] o = new double[total];
        int k = 0;
        for (Terminal t : net.outputs()) for (int n : t.nets()) o[k++] = nets[n];
        return o;
    }
}
