package dev.circuit.interop;

import dev.circuit.ast.TestDecl;
import dev.circuit.diag.Diagnostics;
import dev.circuit.elab.BoundTest;
import dev.circuit.elab.Design;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Simulator;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Testbench rows: from a file's {@code test} tables, and every input with the values circuit computes. */
public final class Vectors {
    /** X cells may expand one table row to at most this many vectors. */
    static final int MAX_EXPANSION = 1 << 12;

    private Vectors() {}

    /**
     * The rows of every exact {@code test} table in the program's root file whose circuit is {@code net}
     * (tables of real-valued circuits, with a tolerance or with values other than bits, are skipped
     * with a warning in {@code diags}).
     */
    public static List<Vector> fromTests(Design design, Netlist net, Diagnostics diags) {
        List<Vector> out = new ArrayList<>();
        for (BoundTest bound : design.testsOf(design.top())) {
            TestDecl t = bound.decl();
            if (t.tolerance() != null) {
                diags.warning(t.pos(), "test with a tolerance left out of the testbench: Verilog values are bits");
                continue;
            }
            List<Vector> rows = new ArrayList<>();
            if (!table(bound, net, rows, true)) {
                diags.warning(t.pos(), "test left out of the testbench: it has values other than bits, or X cells over too many inputs");
                continue;
            }
            out.addAll(rows);
        }
        return out;
    }

    /** The table's rows as vectors; X input cells expanded into every value, or, without {@code expand}, set to 0 for the caller to fill. */
    private static boolean table(BoundTest bound, Netlist net, List<Vector> out, boolean expand) {
        TestDecl t = bound.decl();
        int[] inCol = bound.inCol();
        int[] outCol = bound.outCol();
        for (TestDecl.Row r : t.rows()) {
            if (r.inputs().size() != inCol.length || r.outputs().size() != outCol.length) return false;
            BigInteger[] ins = new BigInteger[net.inputs().size()];
            List<Integer> free = new ArrayList<>();
            int freeBits = 0;
            for (int i = 0; i < inCol.length; i++) {
                TestDecl.Cell c = r.inputs().get(i);
                Terminal term = net.inputs().get(inCol[i]);
                if (c.isAny()) {
                    free.add(inCol[i]);
                    freeBits += term.width();
                } else {
                    BigInteger v = whole(c.value(), term);
                    if (v == null) return false;
                    ins[inCol[i]] = v;
                }
            }
            for (int k = 0; k < ins.length; k++) if (ins[k] == null && !free.contains(k)) return false;
            BigInteger[] outs = new BigInteger[net.outputs().size()];
            for (int i = 0; i < outCol.length; i++) {
                TestDecl.Cell c = r.outputs().get(i);
                if (c.isAny()) continue;
                BigInteger v = whole(c.value(), net.outputs().get(outCol[i]));
                if (v == null) return false;
                outs[outCol[i]] = v;
            }
            if (freeBits > 12) return false;
            String origin = r.pos().toString();
            if (!expand) {
                for (int f : free) ins[f] = BigInteger.ZERO;
                out.add(new Vector(Arrays.asList(ins), Arrays.asList(outs), origin));
                continue;
            }
            for (long k = 0; k < 1L << freeBits; k++) {
                long bits = k;
                for (int f : free) {
                    int w = net.inputs().get(f).width();
                    ins[f] = BigInteger.valueOf(bits & ((1L << w) - 1));
                    bits >>>= w;
                }
                out.add(new Vector(Arrays.asList(ins), Arrays.asList(outs), origin));
            }
        }
        return true;
    }

    /**
     * The runs of every {@code test ... sequence} table in the root file whose circuit is the sequential
     * {@code net}: one run per table, or, where it has X input cells, one per value they spell (as
     * {@code circuit test} runs them), each a list of cycles from the initial state. A table spelling
     * more than {@link #MAX_EXPANSION} cycles, or with values other than bits, is left out with a warning.
     */
    public static List<List<Vector>> fromSequences(Design design, Netlist net, Diagnostics diags) {
        List<List<Vector>> out = new ArrayList<>();
        for (BoundTest bound : design.testsOf(design.top())) {
            TestDecl t = bound.decl();
            if (!t.sequence()) continue;
            List<List<Vector>> runs = sequence(bound, net);
            if (runs == null) {
                diags.warning(t.pos(), "sequence left out of the testbench: it has values other than bits, or X cells that spell more than "
                        + MAX_EXPANSION + " cycles");
                continue;
            }
            out.addAll(runs);
        }
        return out;
    }

    private static List<List<Vector>> sequence(BoundTest bound, Netlist net) {
        TestDecl t = bound.decl();
        List<Vector> template = new ArrayList<>();
        if (!table(bound, net, template, false)) return null;
        // X cells: (row, input terminal), each free bit of them one bit of the run number.
        List<int[]> free = new ArrayList<>();
        int freeBits = 0;
        for (int r = 0; r < t.rows().size(); r++) {
            for (int i = 0; i < bound.inCol().length; i++) {
                if (!t.rows().get(r).inputs().get(i).isAny()) continue;
                free.add(new int[] {r, bound.inCol()[i]});
                freeBits += net.inputs().get(bound.inCol()[i]).width();
            }
        }
        if (freeBits > 12 || (long) t.rows().size() << freeBits > MAX_EXPANSION) return null;
        List<List<Vector>> runs = new ArrayList<>();
        for (long run = 0; run < 1L << freeBits; run++) {
            List<BigInteger[]> ins = new ArrayList<>();
            for (Vector v : template) ins.add(v.inputs().toArray(new BigInteger[0]));
            long bits = run;
            for (int[] f : free) {
                int w = net.inputs().get(f[1]).width();
                ins.get(f[0])[f[1]] = BigInteger.valueOf(bits & ((1L << w) - 1));
                bits >>>= w;
            }
            List<Vector> cycles = new ArrayList<>();
            for (int r = 0; r < template.size(); r++) {
                Vector v = template.get(r);
                cycles.add(new Vector(Arrays.asList(ins.get(r)), v.outputs(), v.origin() + " (cycle " + r + ")"));
            }
            runs.add(cycles);
        }
        return runs;
    }

    /**
     * One run of {@code cycles} cycles from the initial state on seeded random inputs, with the
     * outputs circuit's simulator computes: the sequential counterpart of {@link #exhaustive}. It
     * ends early at a cycle whose loop does not settle (that cycle left out).
     */
    public static List<Vector> randomRun(Netlist net, double[] params, int cycles, long seed) {
        Simulator sim = new Simulator(net, params);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        List<Vector> out = new ArrayList<>();
        double[] in = new double[net.inputBits()];
        for (int t = 0; t < cycles; t++) {
            for (int b = 0; b < in.length; b++) in[b] = rnd.nextInt(2);
            double[] got;
            try {
                got = sim.step(in);
            } catch (Simulator.Oscillation o) {
                break;
            }
            List<BigInteger> outs = split(net.outputs(), got);
            if (outs.contains(null)) break;
            out.add(new Vector(split(net.inputs(), in), outs, "random cycle " + t));
        }
        return out;
    }

    /** Every input combination with the outputs the reference evaluator computes; empty above {@code maxBits}. */
    public static List<Vector> exhaustive(Netlist net, Evaluator ev, int maxBits) {
        int n = net.inputBits();
        List<Vector> out = new ArrayList<>();
        if (n > maxBits) return out;
        double[] in = new double[n];
        for (long row = 0; row < 1L << n; row++) {
            for (int b = 0; b < n; b++) in[b] = (row >>> b) & 1;
            double[] got = ev.outputs(in);
            List<BigInteger> ins = split(net.inputs(), in);
            List<BigInteger> outs = split(net.outputs(), got);
            if (outs.contains(null)) continue; // not bits: such a circuit is refused before this anyway
            out.add(new Vector(ins, outs, "every input"));
        }
        return out;
    }

    private static List<BigInteger> split(List<Terminal> terms, double[] bits) {
        List<BigInteger> out = new ArrayList<>();
        int at = 0;
        for (Terminal t : terms) {
            out.add(Values.busValue(bits, at, t.width()));
            at += t.width();
        }
        return out;
    }

    private static BigInteger whole(BigDecimal v, Terminal t) {
        if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) return null;
        BigInteger b = v.toBigInteger();
        if (b.bitLength() > t.width()) return null;
        return b;
    }

}
