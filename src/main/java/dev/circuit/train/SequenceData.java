package dev.circuit.train;

import dev.circuit.ast.TestDecl;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.elab.BoundTest;
import dev.circuit.elab.Design;
import dev.circuit.model.CircuitId;
import dev.circuit.model.Domain;
import dev.circuit.model.Netlist;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import dev.circuit.model.Unrolling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Training data for a circuit with flip-flops: its sequence tables, each run one row of the circuit
 * unrolled over the longest table ({@link Unrolling}). Training that netlist is backpropagation
 * through time: every copy of a neuron shares its learnable coefficients, so the gradient of each is
 * summed over the cycles. A run shorter than the unrolling cares about nothing after its last cycle
 * (NaN targets; inputs 0), which cannot change its earlier cycles. An X input cell stands for every
 * value (the run is expanded, at most 2^16 runs a table); an X or missing output is "don't care".
 */
public final class SequenceData {
    private SequenceData() {}

    /** The unrolled circuit and its rows. */
    public record Unrolled(Unrolling unrolling, Dataset data) {}

    public static Unrolled of(Design design, CircuitId id) {
        Netlist net = design.circuits().get(id).netlist();
        String file = design.program().root().name();
        List<BoundTest> tables = design.testsOf(id).stream().filter(t -> t.decl().sequence()).toList();
        if (tables.isEmpty()) {
            throw new CircuitException(Failure.TRAINING, Pos.file(file), "no sequence table for " + net.name()
                    + " to train on; write one (test " + net.name() + " sequence { ... }): its rows are successive cycles");
        }
        if (net.hasFeedback()) {
            StateBit fb = net.state().stream().filter(s -> s.kind() == StateBit.Kind.FEEDBACK).findFirst().orElseThrow();
            throw new CircuitException(Failure.USAGE, fb.pos(), "'" + net.name() + "' has feedback wires, which settle by"
                    + " iteration; training through time unrolls flip-flops only");
        }
        int cycles = tables.stream().mapToInt(t -> t.decl().rows().size()).max().orElse(0);
        Unrolling u = Unrolling.of(net, cycles);
        Diagnostics diags = new Diagnostics();
        List<double[]> ins = new ArrayList<>();
        List<double[]> outs = new ArrayList<>();
        List<Pos> where = new ArrayList<>();
        for (BoundTest t : tables) runs(t, u, diags, ins, outs, where);
        diags.check();
        return new Unrolled(u, new Dataset(file, ins.toArray(double[][]::new), outs.toArray(double[][]::new), where));
    }

    private static void runs(BoundTest bound, Unrolling u, Diagnostics diags, List<double[]> ins, List<double[]> outs, List<Pos> where) {
        Netlist net = u.original();
        TestDecl t = bound.decl();
        int[] inCol = bound.inCol();
        int[] outCol = bound.outCol();
        if (inCol.length != net.inputs().size()) {
            diags.error(t.pos(), "test " + net.name() + " needs a column for every input to be training data");
            return;
        }
        int[] inAt = Terminal.offsets(net.inputs());
        int[] outAt = Terminal.offsets(net.outputs());
        double[] base = new double[u.net().inputBits()];
        double[] target = new double[u.net().outputs().stream().mapToInt(Terminal::width).sum()];
        Arrays.fill(target, Double.NaN);
        List<int[]> free = new ArrayList<>(); // {first bit among the unrolled inputs, width}
        int freeBits = 0;
        for (int r = 0; r < t.rows().size(); r++) {
            TestDecl.Row row = t.rows().get(r);
            for (int i = 0; i < inCol.length; i++) {
                TestDecl.Cell c = row.inputs().get(i);
                Terminal term = net.inputs().get(inCol[i]);
                int at = u.inputBitsAt(r) + inAt[inCol[i]];
                if (c.isAny()) {
                    free.add(new int[] {at, term.width()});
                    freeBits += term.width();
                } else {
                    TableData.write(base, at, Domain.of(net, term), term, c, diags);
                }
            }
            for (int i = 0; i < outCol.length; i++) {
                TestDecl.Cell c = row.outputs().get(i);
                Terminal term = net.outputs().get(outCol[i]);
                if (!c.isAny()) TableData.write(target, u.outputBitsAt(r) + outAt[outCol[i]], Domain.of(net, term), term, c, diags);
            }
        }
        if (freeBits > 16) {
            diags.error(t.pos(), "the X inputs of this sequence table expand it to more than " + TableData.MAX_EXPANSION + " runs");
            return;
        }
        for (long k = 0; k < 1L << freeBits; k++) {
            double[] x = base.clone();
            long bits = k;
            for (int[] f : free) {
                for (int b = 0; b < f[1]; b++) x[f[0] + b] = (bits >>> b) & 1;
                bits >>>= f[1];
            }
            ins.add(x);
            outs.add(target);
            where.add(t.pos());
        }
    }
}
