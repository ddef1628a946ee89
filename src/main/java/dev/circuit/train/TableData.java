package dev.circuit.train;


import dev.circuit.ast.TestDecl;
import dev.circuit.elab.BoundTest;
import dev.circuit.elab.Design;
import dev.circuit.model.CircuitId;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.model.Domain;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Training rows from the {@code test} tables the root file writes for the top circuit. An X input
 * stands for every value (the row is expanded); an X output is "don't care" (a NaN target). Output
 * columns the table leaves out are don't-care too.
 */
public final class TableData {
    /** Rows one table line may expand to; training data beyond this belongs in a CSV file. */
    static final int MAX_EXPANSION = 1 << 16;

    private TableData() {}

    /** The rows of every test table of the design's root file whose circuit is {@code id}. */
    public static Dataset of(Design design, CircuitId id) {
        Diagnostics diags = new Diagnostics();
        Netlist net = design.circuits().get(id).netlist();
        List<double[]> ins = new ArrayList<>();
        List<double[]> outs = new ArrayList<>();
        List<Pos> where = new ArrayList<>();
        List<BoundTest> tables = design.testsOf(id);
        for (BoundTest t : tables) rows(t, net, diags, ins, outs, where);
        diags.check();
        String file = design.program().root().name();
        if (tables.isEmpty()) {
            throw new CircuitException(Failure.TRAINING, Pos.file(file), "no test table for "
                    + net.name() + " to train on; write one (test " + net.name() + " { ... }) or give --data FILE.csv");
        }
        return new Dataset(file, ins.toArray(double[][]::new), outs.toArray(double[][]::new), where);
    }

    private static void rows(BoundTest bound, Netlist net, Diagnostics diags, List<double[]> ins, List<double[]> outs,
                             List<Pos> where) {
        TestDecl t = bound.decl();
        int[] inCol = bound.inCol();
        int[] outCol = bound.outCol();
        if (inCol.length != net.inputs().size()) {
            diags.error(t.pos(), "test " + net.name() + " needs a column for every input to be training data");
            return;
        }
        int[] inAt = Terminal.offsets(net.inputs());
        int[] outAt = Terminal.offsets(net.outputs());
        int inBits = net.inputs().stream().mapToInt(Terminal::width).sum();
        int outBits = net.outputs().stream().mapToInt(Terminal::width).sum();
        for (TestDecl.Row r : t.rows()) {
            double[] target = new double[outBits];
            Arrays.fill(target, Double.NaN);
            for (int i = 0; i < outCol.length; i++) {
                TestDecl.Cell c = r.outputs().get(i);
                if (!c.isAny()) write(target, outAt[outCol[i]], Domain.of(net, net.outputs().get(outCol[i])), net.outputs().get(outCol[i]), c, diags);
            }
            List<Integer> free = new ArrayList<>();
            double[] base = new double[inBits];
            int freeBits = 0;
            for (int i = 0; i < inCol.length; i++) {
                TestDecl.Cell c = r.inputs().get(i);
                Terminal term = net.inputs().get(inCol[i]);
                if (c.isAny()) {
                    free.add(i);
                    freeBits += term.width();
                } else {
                    write(base, inAt[inCol[i]], Domain.of(net, term), term, c, diags);
                }
            }
            if (freeBits > 16) {
                diags.error(r.pos(), "X expands this row to more than " + MAX_EXPANSION + " training rows");
                continue;
            }
            for (long k = 0; k < 1L << freeBits; k++) {
                double[] x = base.clone();
                long bits = k;
                for (int i : free) {
                    Terminal term = net.inputs().get(inCol[i]);
                    for (int b = 0; b < term.width(); b++) x[inAt[inCol[i]] + b] = (bits >>> b) & 1;
                    bits >>>= term.width();
                }
                ins.add(x);
                outs.add(target);
                where.add(r.pos());
            }
        }
    }

    /** Lays a cell's value into {@code into} at {@code at}, or reports why it is not one of its column's values. */
    static void write(double[] into, int at, Domain d, Terminal term, TestDecl.Cell c, Diagnostics diags) {
        String why = d.refuse(term.name(), c.value());
        if (why != null) {
            diags.error(c.pos(), why);
            return;
        }
        d.lay(c.value(), into, at);
    }
}
