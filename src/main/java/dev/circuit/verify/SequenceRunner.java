package dev.circuit.verify;

import dev.circuit.ast.TestDecl;
import dev.circuit.diag.Diagnostic;
import dev.circuit.elab.BoundTest;
import dev.circuit.eval.Simulator;
import dev.circuit.model.Netlist;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a sequence table ({@code test counter sequence { ... }}): its rows are successive clock
 * cycles of one run from the initial state, on the scalar simulator. Each row's outputs are read
 * after its inputs settle and before the clock edge that ends it. An {@code X} input cell stands for
 * every value, so a table with X inputs is every run they spell (counted like a table's rows); a run
 * stops at its first failing cycle, whose later rows would only repeat the failure.
 */
final class SequenceRunner {
    private SequenceRunner() {}

    /** One X input cell: its row, column, and its terminal's width. */
    private record Free(int row, int col, int width) {}

    static TestOutcome run(BoundTest p, String file) {
        TestDecl t = p.decl();
        Netlist net = p.net();
        List<TestDecl.Row> rows = t.rows();
        int[] offset = Terminal.offsets(net.inputs());
        int[] outOffset = Terminal.offsets(net.outputs());
        List<Free> free = new ArrayList<>();
        int freeBits = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < p.inCol().length; i++) {
                if (!rows.get(r).inputs().get(i).isAny()) continue;
                int w = net.inputs().get(p.inCol()[i]).width();
                free.add(new Free(r, i, w));
                freeBits += w;
            }
        }
        String name = "test " + net.name();
        long runs = freeBits >= 62 ? Long.MAX_VALUE : 1L << freeBits;
        if (runs > TestRunner.MAX_EXPANSION / Math.max(1, rows.size())) {
            Diagnostic d = Diagnostic.error(t.pos(), "the X input cells of this sequence spell 2^" + freeBits + " runs of "
                    + rows.size() + " cycles, more than " + TestRunner.MAX_EXPANSION + " cycles in all; use a check over cycles");
            return new TestOutcome.Table(file, name, t.pos(), 0, 1, List.of(d), true);
        }
        Simulator sim = new Simulator(net, net.initialParams(0));
        double[] inputs = new double[net.inputBits()];
        long cycles = 0;
        long failed = 0;
        List<Diagnostic> failures = new ArrayList<>();
        for (long run = 0; run < runs; run++) {
            sim.reset();
            for (int r = 0; r < rows.size(); r++) {
                TestDecl.Row row = rows.get(r);
                for (int i = 0; i < p.inCol().length; i++) {
                    TestDecl.Cell c = row.inputs().get(i);
                    if (c.isAny()) continue;
                    Terminal term = net.inputs().get(p.inCol()[i]);
                    TestRunner.write(inputs, offset[p.inCol()[i]], term, c.value().toBigInteger(), c.value().doubleValue());
                }
                long bits = run;
                for (Free f : free) {
                    long v = bits & ((1L << f.width()) - 1);
                    bits >>>= f.width();
                    if (f.row() != r) continue;
                    Terminal term = net.inputs().get(p.inCol()[f.col()]);
                    TestRunner.write(inputs, offset[p.inCol()[f.col()]], term, BigInteger.valueOf(v), v);
                }
                cycles++;
                String where = "cycle " + r + (p.inCol().length > 0 ? " (" + TestRunner.inputsText(p, row, inputs, offset) + ")" : "");
                double[] got;
                try {
                    sim.settle(inputs, null);
                    got = sim.outputBits();
                } catch (Simulator.Oscillation o) {
                    failed++;
                    if (failures.size() < TestRunner.SHOWN) failures.add(oscillation(row, where, o));
                    break;
                }
                String mismatch = TestRunner.compare(p, row, got, outOffset);
                if (mismatch != null) {
                    failed++;
                    if (failures.size() < TestRunner.SHOWN) {
                        String xs = free.isEmpty() ? "" : " (in the run where the X inputs read " + xText(free, run) + ")";
                        failures.add(Diagnostic.error(TestRunner.firstBadCell(p, row, got, outOffset), where + ": " + mismatch + xs));
                    }
                    break;
                }
                sim.clock();
            }
        }
        return new TestOutcome.Table(file, name, t.pos(), cycles, failed, failures, true);
    }

    private static Diagnostic oscillation(TestDecl.Row row, String where, Simulator.Oscillation o) {
        List<Diagnostic> notes = new ArrayList<>();
        for (StateBit s : o.wires()) notes.add(Diagnostic.note(s.pos(), "'" + s.path() + "' is a feedback wire declared here"));
        return Diagnostic.error(row.pos(), where + ": " + o.getMessage()).withNotes(notes);
    }

    /** The values the X cells take in run {@code run}, in table order. */
    private static String xText(List<Free> free, long run) {
        List<String> vs = new ArrayList<>();
        long bits = run;
        for (Free f : free) {
            vs.add(Long.toString(bits & ((1L << f.width()) - 1)));
            bits >>>= f.width();
        }
        return String.join(" ", vs);
    }
}
