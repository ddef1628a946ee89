package dev.circuit.elab;

import dev.circuit.ast.CheckDecl;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Decl;
import dev.circuit.ast.Expr;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.ast.SourceFile;
import dev.circuit.ast.TestDecl;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.model.CircuitId;
import dev.circuit.model.Netlist;
import dev.circuit.model.Prop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Elaborates a whole program into a {@link Design}: the command's top circuit, every neuron and
 * non-generic circuit of every file (so a broken definition is reported whichever circuit the
 * command is about), and the instances that the root file's tests and checks name, which are bound
 * to them. Each instance is elaborated once, keyed by its identity. Every error of every part is
 * collected before the stage stops.
 */
public final class DesignBuilder {
    private final Program program;
    /** One budget for the whole design: every circuit it elaborates draws on it (see {@link Limits}). */
    private final Budget budget;
    private final Diagnostics diags = new Diagnostics();
    private final Map<CircuitId, Elaborated> circuits = new LinkedHashMap<>();
    /** Instances that failed, so each is reported once. */
    private final java.util.Set<CircuitId> failed = new java.util.HashSet<>();
    private Failure topFailure;
    private Failure lastFailure;

    private DesignBuilder(Program program, Limits limits) {
        this.program = program;
        this.budget = new Budget(limits);
    }

    /**
     * Elaborates {@code program}; {@code top} is the command's circuit, or null for none. Deep input
     * needs a deep stack: callers run this on {@code dev.circuit.BigStack} (as {@code Circuit.load}
     * does); a stack that still runs out is reported as an error of the file, not a crash.
     */
    public static Design build(Program program, CircuitRef top) {
        return build(program, top, Limits.DEFAULT);
    }

    /** {@link #build(Program, CircuitRef)} within a size budget other than the default one. */
    public static Design build(Program program, CircuitRef top, Limits limits) {
        try {
            return buildHere(program, top, limits);
        } catch (StackOverflowError overflow) {
            Pos at = top != null ? top.pos() : Pos.file(program.root().name());
            String what = top != null ? "'" + top.name() + "'" : "the file";
            throw new CircuitException(Failure.INVALID_INPUT, at, what + " nests instances too deeply to elaborate");
        }
    }

    private static Design buildHere(Program program, CircuitRef top, Limits limits) {
        DesignBuilder b = new DesignBuilder(program, limits);
        CircuitId topId = top == null ? null : b.elaborate(top);
        if (top != null && topId == null) b.topFailure = b.lastFailure;
        List<BoundTest> tests = new ArrayList<>();
        List<BoundCheck> checks = new ArrayList<>();
        for (Decl d : program.root().decls()) {
            if (d instanceof TestDecl t) b.bind(t, tests);
            else if (d instanceof CheckDecl c) b.bind(c, checks);
        }
        for (SourceFile f : program.files()) {
            for (Decl d : f.decls()) {
                if (d instanceof NeuronDecl n) b.elaborate(new CircuitRef(n.name().name(), List.of(), n.name().pos()));
                else if (d instanceof CircuitDecl c && c.typeParams().isEmpty()) b.elaborate(new CircuitRef(c.name().name(), List.of(), c.name().pos()));
            }
        }
        // Generic circuits nothing instantiates: checked as far as their arguments are not needed.
        Definitions defs = new Definitions(program, b.diags);
        java.util.Set<String> instantiated = new java.util.HashSet<>();
        for (CircuitId id : b.circuits.keySet()) instantiated.add(id.name());
        for (CircuitId id : b.failed) instantiated.add(id.name());
        for (SourceFile f : program.files()) {
            for (CircuitDecl c : f.decls(CircuitDecl.class)) {
                if (!c.typeParams().isEmpty() && !instantiated.contains(c.name().name())) GenericCheck.check(c, defs, b.diags);
            }
        }
        // The top's own failure kind (a usage error for a generic top without arguments) wins.
        if (b.diags.hasErrors()) {
            List<Diagnostic> all = new ArrayList<>(program.warnings());
            for (Elaborated e : b.circuits.values()) all.addAll(e.warnings());
            all.addAll(b.diags.all());
            throw new CircuitException(b.topFailure != null ? b.topFailure : Failure.INVALID_INPUT, dedupe(all));
        }
        List<Diagnostic> warnings = new ArrayList<>(program.warnings());
        for (Elaborated e : b.circuits.values()) warnings.addAll(e.warnings());
        return new Design(program, b.circuits, tests, checks, topId, dedupe(warnings));
    }

    private void bind(TestDecl t, List<BoundTest> out) {
        CircuitId id = elaborate(t.target());
        if (id == null) return;
        BoundTest bound = TableBinder.bind(t, id, circuits.get(id).netlist(), diags);
        if (bound != null) out.add(bound);
    }

    private void bind(CheckDecl c, List<BoundCheck> out) {
        CircuitId id = elaborate(c.target());
        if (id == null) return;
        Elaborated e = circuits.get(id);
        Netlist net = e.netlist();
        long cycles = 0;
        if (c.cycles() != null) {
            OptionalLong v = IntEval.eval(c.cycles(), e.params(), diags);
            if (v.isEmpty()) return;
            cycles = v.getAsLong();
            if (cycles < 1 || cycles > MAX_CYCLES) {
                diags.error(c.cycles().pos(), "a check runs for 1 to " + MAX_CYCLES + " cycles, not " + cycles);
                return;
            }
        } else if (net.isSequential()) {
            diags.error(c.pos(), "'" + id + "' has state (" + Words.count(net.state().size(), "bit")
                    + " of state), so a check runs over cycles: 'check " + id + " for 8 cycles: ...'");
            return;
        }
        Prop p = PropBinder.bind(c.property(), net, e.params(), diags, cycles > 0);
        if (p == null) return;
        int history = PropBinder.history(p, net);
        if (history >= cycles && cycles > 0) {
            diags.error(c.cycles().pos(), "the property reads " + Words.count(history, "cycle") + " back (prev), so the check needs at least "
                    + Words.count(history + 1, "cycle") + "; it has " + cycles);
            return;
        }
        out.add(new BoundCheck(c, id, net, p, (int) cycles, history));
    }

    /** Checks over time enumerate every input sequence; past this many cycles that is never what is meant. */
    static final int MAX_CYCLES = 1000;

    /** The instance's identity once it is elaborated, or null after its errors were collected. */
    private CircuitId elaborate(CircuitRef ref) {
        CircuitId id = id(ref);
        if (id == null) return null;
        if (circuits.containsKey(id)) return id;
        if (failed.contains(id)) return null;
        // Past its budget the design is refused already; the next circuit would only fail again.
        if (budget.exceeded()) return null;
        try {
            Elaborated e = Elaborator.elaborate(program, ref, budget);
            circuits.put(e.id(), e);
            return e.id();
        } catch (CircuitException ex) {
            lastFailure = ex.failure();
            diags.addAll(ex.diagnostics());
            failed.add(id);
            return null;
        }
    }

    /** {@code adder_n<2*4>} as {@code adder_n<8>}: the arguments are integer expressions of nothing. */
    private CircuitId id(CircuitRef ref) {
        List<Long> args = new ArrayList<>();
        for (Expr a : ref.args()) {
            OptionalLong v = IntEval.eval(a, Map.of(), diags);
            if (v.isEmpty()) return null;
            args.add(v.getAsLong());
        }
        return new CircuitId(ref.name(), args);
    }

    private static List<Diagnostic> dedupe(List<Diagnostic> ds) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(ds));
    }
}
