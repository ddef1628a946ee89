package dev.circuit.verify;

import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Pos;
import dev.circuit.elab.BoundCheck;
import dev.circuit.eval.Rows;
import dev.circuit.eval.Simulator;
import dev.circuit.eval.TermValues;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a check over cycles ({@code check counter for 6 cycles: ...}) on the scalar simulator: the
 * property must hold in every cycle (from cycle {@code history} on, where every {@code prev} it
 * reads exists) of every input sequence of that many cycles, each run from the initial state.
 *
 * <p>Sequences are visited depth first in counting order (cycle 0's inputs most significant), and
 * sequences that share a prefix share its simulation: the state after each prefix is saved and
 * restored, so the whole tree costs about as much as its last level. This is the reference the
 * bit-parallel engine for sequences is held to, and it explains every failure that engine finds.
 */
final class SequenceCheck {
    private final BoundCheck check;
    private final Spec spec;
    private final Netlist net;
    private final Simulator sim;
    private final int inputBits;
    private final int terms;
    private final double[][] saved;
    /** The output bits of each cycle of the sequence being run. */
    private final double[][] outputs;
    /** The terminal values a property reads: this cycle's, then each earlier one's ({@code prev}). */
    private final TermValues row;
    /** The input bits of each cycle of the sequence being run. */
    private final double[][] chosen;
    private String failure;
    private long visited;

    private SequenceCheck(BoundCheck check, Spec spec) {
        this.check = check;
        this.spec = spec;
        this.net = check.net();
        this.sim = new Simulator(net, net.initialParams(0));
        this.inputBits = net.inputBits();
        this.terms = net.terminals().size();
        int k = check.cycles();
        this.saved = new double[k + 1][net.state().size()];
        this.outputs = new double[k][];
        this.row = new TermValues((check.history() + 1) * terms);
        this.chosen = new double[k][inputBits];
    }

    /** Every input sequence, or {@code opt.sample()} seeded random ones. */
    static TestOutcome run(BoundCheck check, Spec spec, String file, String name, VerifyOptions opt) {
        SequenceCheck s = new SequenceCheck(check, spec);
        Pos pos = check.decl().pos();
        boolean sampled = opt.sample() > 0;
        s.sim.saveState(s.saved[0]);
        if (sampled) {
            SplittableRandom random = new SplittableRandom(opt.seed());
            for (long k = 0; k < opt.sample() && s.failure == null; k++) {
                for (int t = 0; t < check.cycles() && s.failure == null; t++) {
                    CheckRunner.randomRow(s.net.inputs(), random, s.chosen[t]);
                    s.cycle(t);
                }
                s.visited++;
            }
        } else {
            s.all(0);
        }
        Engine how = sampled ? Engine.SAMPLED : Engine.SCALAR;
        if (s.failure != null) {
            Diagnostic d = Diagnostic.error(pos, name + " fails " + s.failure);
            return new TestOutcome.Check(file, name, pos, Verdict.FAIL, how, -1, s.visited, List.of(d), null, check.cycles());
        }
        return new TestOutcome.Check(file, name, pos, Verdict.PASS, how, -1, s.visited, List.of(), null, check.cycles());
    }

    /**
     * Why the check fails on one input sequence, given as the unrolled circuit's input bits (cycle
     * 0's first), or null when it holds in every cycle: the scalar account of what an engine found.
     */
    static String replay(BoundCheck check, Spec spec, double[] bits) {
        SequenceCheck s = new SequenceCheck(check, spec);
        s.sim.saveState(s.saved[0]);
        for (int t = 0; t < check.cycles(); t++) {
            System.arraycopy(bits, t * s.inputBits, s.chosen[t], 0, s.inputBits);
            if (!s.cycle(t)) return s.failure;
        }
        return null;
    }

    /** Every continuation of the sequence chosen for cycles before {@code t}. */
    private void all(int t) {
        long values = 1L << inputBits;
        for (long v = 0; v < values && failure == null; v++) {
            Rows.spread(net.inputs(), v, chosen[t]);
            if (!cycle(t)) return;
            if (t + 1 < check.cycles()) all(t + 1);
            else visited++;
        }
    }

    /**
     * Runs cycle {@code t} with inputs {@code chosen[t]} from the state saved before it, checks the
     * property, and saves the state after it. False (with {@link #failure} set) when it fails.
     */
    private boolean cycle(int t) {
        double[] in = chosen[t];
        sim.loadState(saved[t], t);
        double[] out;
        try {
            sim.settle(in, null);
            out = sim.outputBits();
        } catch (Simulator.Oscillation o) {
            failure = "in cycle " + t + inputsText(t) + ": " + o.getMessage();
            visited++;
            return false;
        }
        outputs[t] = out.clone();
        String why = CheckRunner.notBits(net.outputs(), out);
        if (why == null && t >= check.history()) {
            for (int b = 0; b <= check.history(); b++) {
                row.read(net.inputs(), chosen[t - b], b * terms);
                row.read(net.outputs(), outputs[t - b], b * terms + net.inputs().size());
            }
            try {
                if (!spec.holds(row)) why = spec.explain(row);
            } catch (Spec.Undefined u) {
                why = u.getMessage();
            }
        }
        if (why != null) {
            failure = "in cycle " + t + inputsText(t) + ": " + why;
            visited++;
            return false;
        }
        sim.clock();
        sim.saveState(saved[t + 1]);
        return true;
    }

    /** " of the inputs en=1; en=0; en=1" (nothing for a circuit without inputs). */
    private String inputsText(int t) {
        if (net.inputs().isEmpty()) return "";
        List<String> cycles = new ArrayList<>();
        for (int c = 0; c <= t; c++) cycles.add(CheckRunner.inputsText(net.inputs(), chosen[c]));
        return " of the inputs " + String.join("; ", cycles) + " (cycle 0 first)";
    }
}
