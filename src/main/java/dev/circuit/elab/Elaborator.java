package dev.circuit.elab;

import static dev.circuit.elab.Words.count;

import dev.circuit.ast.Assign;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Expr;
import dev.circuit.ast.ForLoop;
import dev.circuit.ast.Ident;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.ast.Port;
import dev.circuit.ast.Stmt;
import dev.circuit.ast.FeedbackDecl;
import dev.circuit.ast.WireDecl;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.model.Activation;
import dev.circuit.model.CircuitId;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import dev.circuit.model.UnaryOp;
import dev.circuit.print.ExprText;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The elaborate stage: instantiates a top circuit into one flat graph of neurons ({@link NetGraph}).
 *
 * <p>This class is the recursive walk: circuits, blocks, statements and instances. Statements are a
 * dataflow graph, so each block is read twice: first every signal it drives is declared, then every
 * statement is turned into neurons ({@link Neurons}), instances or aliases ({@link Signals}). After
 * the whole tree is built, the graph looks for cycles and orders itself.
 * Instances recurse on the Java stack, which is why callers run this on {@code dev.circuit.BigStack}.
 *
 * <p>Why about 410 lines in one file: the walk's steps (instantiate, block, assign, loop, instance)
 * call each other recursively and share the walk's state (the active instance stack, the loop that
 * was cut short); the parts without that state already live in their own classes.
 */
final class Elaborator {
    /** The built-in D flip-flop: {@code q = dff(d)} or {@code q = dff(d, init)}. */
    static final String DFF = "dff";
    /**
     * Instances nested deeper than this are taken to be a generator that never stops. Each level
     * takes several Java frames: 500 levels fit a default 1 MB stack with room to spare, so the
     * message does not depend on the machine (a deeper design uses a for loop).
     */
    private static final int MAX_DEPTH = 1000;

    private final Definitions defs;
    private final Diagnostics diags = new Diagnostics();
    private final Budget budget;
    private final NetGraph graph;
    private final Signals signals;
    private final Generics generics;
    private final Neurons neurons;
    /** The instances being elaborated, innermost first: a circuit that contains itself is found here. */
    private final Deque<String> active = new ArrayDeque<>();
    /** The instance call being elaborated, for the message when nesting exhausts the stack. */
    private Pos lastCall;
    private String rootPath = "";
    /** Set when a loop stopped at a failing iteration, so later bits were never elaborated. */
    private boolean loopCutShort;
    private Map<String, Long> topParams = Map.of();
    /**
     * The loops and instances being elaborated, innermost first: where a design that overruns its
     * size budget was growing, said in the error's notes.
     */
    private final Deque<Diagnostic> within = new ArrayDeque<>();

    private Elaborator(Program program, Budget budget) {
        this.budget = budget;
        this.graph = new NetGraph(diags, budget);
        this.signals = new Signals(graph, diags);
        this.defs = new Definitions(program, diags);
        this.generics = new Generics(defs, diags);
        this.neurons = new Neurons(defs, graph, signals, diags);
    }

    /**
     * Elaborates {@code top} from {@code program}, charging what it builds to {@code budget}; throws
     * with every error found. Running out of memory is reported at the last place charged, once this
     * elaboration's half-built graph is unreachable.
     */
    static Elaborated elaborate(Program program, CircuitRef top, Budget budget) {
        try {
            return elaborateHere(program, top, budget);
        } catch (OutOfMemoryError oom) {
            throw new CircuitException(Failure.INVALID_INPUT, List.of(budget.outOfMemory(top.pos())));
        }
    }

    private static Elaborated elaborateHere(Program program, CircuitRef top, Budget budget) {
        Elaborator e = new Elaborator(program, budget);
        e.diags.check();
        Netlist n;
        try {
            n = e.top(top);
        } catch (Budget.Exceeded over) {
            e.diags.add(over.diagnostic().withNotes(e.whereItGrew()));
            n = null;
        } catch (StackOverflowError overflow) {
            // Instances recurse on the Java stack; a stack smaller than MAX_DEPTH levels needs ends
            // here. The half-built graph is dropped: only the message matters.
            if (e.active.size() >= 50) {
                Pos at = e.lastCall != null ? e.lastCall : top.pos();
                e.diags.error(at, "instances nested too deep (" + e.active.size()
                        + " levels when the stack ran out): does a generator never reach its base case?");
            } else {
                // Shallow instances, so the recursion was a neuron's sum (read once per term).
                e.diags.error(top.pos(), "too deeply nested to elaborate: an expression thousands of terms or brackets deep"
                        + " (split a very long sum over several neurons)");
            }
            n = null;
        }
        e.diags.check();
        // The reading stage's warnings (the program's) come first, as they would have been printed.
        List<Diagnostic> warnings = new ArrayList<>(program.warnings());
        warnings.addAll(e.diags.warnings());
        return new Elaborated(new CircuitId(top.name(), List.copyOf(e.topParams.values())), n, warnings, e.topParams);
    }

    /** Notes for the innermost few loops and instances being elaborated, and the outermost one. */
    private List<Diagnostic> whereItGrew() {
        List<Diagnostic> all = new ArrayList<>(within);
        if (all.size() <= 5) return all;
        List<Diagnostic> some = new ArrayList<>(all.subList(0, 4));
        some.add(all.get(all.size() - 1));
        return some;
    }

    // ---- the top ---------------------------------------------------------------------------

    private Netlist top(CircuitRef ref) {
        NeuronDecl nd = defs.neuron(ref.name());
        CircuitDecl cd = defs.circuit(ref.name());
        List<Terminal> ins = new ArrayList<>();
        List<Terminal> outs = new ArrayList<>();
        if (nd == null && cd == null) {
            throw new CircuitException(Failure.INVALID_INPUT, ref.pos(),
                    "no circuit or neuron named '" + ref.name() + "'" + Suggest.didYouMean(ref.name(), defs.names()));
        }
        if (nd != null) {
            if (!ref.args().isEmpty()) diags.error(ref.pos(), "neuron '" + ref.name() + "' takes no <parameters>");
            rootPath = ref.name();
            int[] argNets = new int[nd.params().size()];
            for (int i = 0; i < argNets.length; i++) {
                Ident p = nd.params().get(i);
                argNets[i] = graph.newNet(p.name(), p.pos());
                graph.input(argNets[i], p.pos());
                ins.add(new Terminal(p.name(), false, List.of(argNets[i]), p.pos()));
            }
            int out = graph.newNet(nd.name().name(), nd.name().pos());
            outs.add(new Terminal(nd.name().name(), false, List.of(out), nd.name().pos()));
            Optional<Linearizer.Shape> shape = neurons.shape(nd);
            if (shape.isPresent()) graph.addNeuron(rootPath, shape.get(), argNets, out, nd.pos());
        } else {
            Map<String, Long> ints = generics.typeArgs(cd, ref.args(), new HashMap<>(), ref.pos());
            if (ints == null) {
                diags.check();
                throw new CircuitException(Failure.INVALID_INPUT, ref.pos(), "cannot elaborate '" + ref.name() + "'");
            }
            rootPath = Generics.instanceKey(cd, ints);
            topParams = ints;
            List<int[]> inNets = new ArrayList<>();
            List<int[]> outNets = new ArrayList<>();
            for (Port p : cd.inputs()) {
                int w = generics.width(p, ints);
                if (w < 0) continue; // reported by width(); diags.check() below stops here
                int[] nets = graph.newNets(p.name(), w, p.isBus(), p.pos());
                for (int n : nets) graph.input(n, p.pos());
                inNets.add(nets);
                ins.add(new Terminal(p.name(), p.isBus(), boxed(nets), p.pos()));
            }
            for (Port p : cd.outputs()) {
                int w = generics.width(p, ints);
                if (w < 0) continue;
                int[] nets = graph.newNets(p.name(), w, p.isBus(), p.pos());
                outNets.add(nets);
                outs.add(new Terminal(p.name(), p.isBus(), boxed(nets), p.pos()));
            }
            diags.check();
            instantiate(cd, ints, rootPath, inNets, outNets);
        }
        diags.check();
        graph.findCycles(rootPath);
        diags.check();
        return graph.build(ref.args().isEmpty() ? ref.name() : rootPath, rootPath, ins, outs);
    }

    // ---- circuits, blocks and statements -----------------------------------------------------

    private void instantiate(CircuitDecl c, Map<String, Long> ints, String path, List<int[]> ins, List<int[]> outs) {
        active.push(Generics.instanceKey(c, ints));
        Scope s = new Scope(null, path, "", c, ints);
        for (int i = 0; i < c.inputs().size(); i++) declarePort(s, c.inputs().get(i), ins.get(i), Sig.Kind.INPUT);
        for (int i = 0; i < c.outputs().size(); i++) declarePort(s, c.outputs().get(i), outs.get(i), Sig.Kind.OUTPUT);
        block(c.body(), s);
        // A loop cut short drove only some of its bits: the rest are not the user's mistake.
        for (int i = 0; i < c.outputs().size() && !loopCutShort; i++) {
            Port p = c.outputs().get(i);
            int[] nets = outs.get(i);
            for (int b = 0; b < nets.length; b++) {
                if (!graph.isDriven(nets[b]) && !graph.isExcused(nets[b])) {
                    String what = p.isBus() ? "bit " + b + " of output '" + p.name() + "'" : "output '" + p.name() + "'";
                    diags.error(p.pos(), what + " of circuit '" + c.name().name() + "' is never driven");
                    break;
                }
            }
        }
        active.pop();
    }

    private void declarePort(Scope s, Port p, int[] nets, Sig.Kind kind) {
        if (s.sigs.containsKey(p.name()) || s.isInt(p.name())) {
            diags.error(p.pos(), "'" + p.name() + "' is already a port or parameter of circuit '" + s.circuitName() + "'");
            return;
        }
        s.sigs.put(p.name(), new Sig(p.name(), nets, p.isBus(), p.pos(), kind));
    }

    private void block(List<Stmt> written, Scope s) {
        List<Stmt> stmts = NestedCalls.flatten(written);
        // First pass: every signal the block drives exists before any statement reads it.
        for (Stmt st : stmts) {
            if (st instanceof WireDecl w) {
                for (Port p : w.wires()) declareLocal(s, p.name(), generics.width(p, s.ints), p.isBus(), p.pos(), Sig.Kind.WIRE);
            } else if (st instanceof FeedbackDecl f) {
                for (FeedbackDecl.Wire w : f.wires()) feedback(s, w);
            } else if (st instanceof Assign a) {
                int[] widths = generics.instanceOutputWidths(a, s);
                for (int i = 0; i < a.targets().size(); i++) {
                    Assign.Target t = a.targets().get(i);
                    if (t.selector() == null && s.lookup(t.name()) == null && !s.isInt(t.name())) {
                        // A signal driven by a bus output of an instance is a bus of that width.
                        int w = widths != null && i < widths.length ? widths[i] : 0;
                        declareLocal(s, t.name(), Math.max(1, Math.abs(w)), w < 0, t.pos(), Sig.Kind.LOCAL);
                    }
                }
            }
        }
        for (Stmt st : stmts) {
            if (st instanceof Assign a) assign(a, s);
            else if (st instanceof ForLoop f) loop(f, s);
        }
        for (Sig sig : s.sigs.values()) {
            // A leading underscore says "left unused on purpose" (as in Rust): a discarded carry.
            if (sig.read || sig.name.startsWith("_")) continue;
            if (sig.kind == Sig.Kind.INPUT) {
                diags.warning(sig.pos, "input '" + sig.name + "' of circuit '" + s.circuitName() + "' is never used");
            } else if (sig.kind == Sig.Kind.LOCAL || sig.kind == Sig.Kind.WIRE) {
                diags.warning(sig.pos, "signal '" + sig.name + "' is never used");
            }
        }
    }

    /**
     * {@code feedback q = 1}: declares q (or marks the output port q) as a wire whose loop is meant,
     * holding {@code init} before the first cycle.
     */
    private void feedback(Scope s, FeedbackDecl.Wire w) {
        Port p = w.port();
        Sig port = s.sigs.get(p.name());
        Sig sig;
        if (port != null && port.kind == Sig.Kind.OUTPUT && p.width() == null) {
            sig = port;
        } else {
            declareLocal(s, p.name(), generics.width(p, s.ints), p.isBus(), p.pos(), Sig.Kind.WIRE);
            sig = s.sigs.get(p.name());
            if (sig == null || sig.pos != p.pos()) return; // reported by declareLocal
        }
        java.math.BigInteger init = java.math.BigInteger.ZERO;
        if (w.init() != null) {
            BigDecimal v = w.init();
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0
                    || v.toBigInteger().bitLength() > sig.nets.length) {
                diags.error(p.pos(), "'" + p.name() + "' is " + count(sig.nets.length, "bit") + ", so its initial value is a whole number from 0 to "
                        + java.math.BigInteger.ONE.shiftLeft(sig.nets.length).subtract(java.math.BigInteger.ONE) + ", not " + w.text());
                return;
            }
            init = v.toBigIntegerExact();
        }
        for (int b = 0; b < sig.nets.length; b++) graph.markFeedback(sig.nets[b], init.testBit(b), p.pos());
    }

    private void declareLocal(Scope s, String name, int width, boolean bus, Pos pos, Sig.Kind kind) {
        Sig prior = s.sigs.get(name);
        if (prior != null || s.isInt(name)) {
            Diagnostic d = Diagnostic.error(pos, "'" + name + "' is already declared");
            diags.add(prior == null ? d : d.withNotes(List.of(Diagnostic.note(prior.pos, "declared here"))));
            return;
        }
        if (width < 0) return;
        s.sigs.put(name, new Sig(name, graph.newNets(s.path + "/" + name + s.suffix, width, bus, pos), bus, pos, kind));
    }

    private void loop(ForLoop f, Scope s) {
        OptionalLong from = IntEval.eval(f.from(), s.ints, diags);
        OptionalLong to = IntEval.eval(f.to(), s.ints, diags);
        if (from.isEmpty() || to.isEmpty()) return;
        if (s.lookup(f.var().name()) != null || s.isInt(f.var().name())) {
            diags.error(f.var().pos(), "loop variable '" + f.var().name() + "' hides another name; choose another");
            return;
        }
        long lo = from.getAsLong();
        long hi = to.getAsLong();
        // Every iteration costs a unit, charged before the first: 0..2000000000 stops here at once.
        if (hi >= lo) budget.spendLoop(hi - lo >= 0 && hi - lo < Long.MAX_VALUE ? hi - lo + 1 : Long.MAX_VALUE, f.pos());
        long errorsBefore = errorCount();
        for (long i = lo; i <= hi; i++) {
            Map<String, Long> ints = new HashMap<>(s.ints);
            ints.put(f.var().name(), i);
            within.push(Diagnostic.note(f.pos(), "in the iteration " + f.var().name() + " = " + i + " of this loop"));
            block(f.body(), new Scope(s, s.path, s.suffix + "." + i, s.circuit, ints));
            within.pop();
            // One failing iteration says it all; the next ones would repeat it with other indices.
            // Errors made before the loop are no reason to stop it: its outputs would look undriven.
            if (errorCount() > errorsBefore) {
                if (i < hi) loopCutShort = true;
                return;
            }
            if (i == Long.MAX_VALUE) return; // i++ would wrap around
        }
    }

    /** Errors so far, repeats included: counted, not collected, as it is asked once an iteration. */
    private long errorCount() {
        return diags.errorsReported();
    }

    private void assign(Assign a, Scope s) {
        int before = diags.errorsReported();
        List<int[]> targets = new ArrayList<>();
        for (Assign.Target t : a.targets()) {
            int[] nets = signals.targetNets(t, s);
            if (nets == null) {
                // A target that cannot be resolved: the signal it names is not "never driven" either.
                for (Assign.Target u : a.targets()) {
                    Sig sig = s.lookup(u.name());
                    if (sig != null && sig.kind != Sig.Kind.INPUT) for (int n : sig.nets) graph.excuse(n);
                }
                break;
            }
            targets.add(nets);
        }
        if (targets.size() == a.targets().size()) assignTo(a, targets, s);
        if (diags.errorsReported() > before) {
            // The statement was reported already: its targets are not "never driven" and the signals
            // it names are not "never used". Those follow-on messages would only bury the real one.
            for (int[] nets : targets) for (int n : nets) graph.excuse(n);
            Signals.markRead(a.value(), s);
        }
    }

    private void assignTo(Assign a, List<int[]> targets, Scope s) {
        String name = Signals.instanceName(a.targets().get(0), s);
        Expr rhs = unparen(a.value());
        if (rhs instanceof Expr.Call c && c.name().equals(DFF)) {
            flipFlops(a, c, targets, s);
        } else if (rhs instanceof Expr.Call c && defs.neuron(c.name()) != null) {
            neurons.call(a, c, defs.neuron(c.name()), targets, s, name);
        } else if (rhs instanceof Expr.Call c && defs.circuit(c.name()) != null) {
            circuitInstance(a, c, defs.circuit(c.name()), targets, s, name);
        } else if (Linearizer.isNeuronForm(rhs)) {
            neurons.inline(a, rhs, targets, s, name);
        } else if (rhs instanceof Expr.Call c) {
            diags.error(c.pos(), "unknown neuron or circuit '" + c.name() + "'"
                    + Suggest.didYouMean(c.name(), allCallables()));
        } else if (rhs instanceof Expr.Ref || rhs instanceof Expr.Num || rhs instanceof Expr.Concat) {
            signals.alias(a, rhs, targets, s);
        } else if (isArithmetic(rhs)) {
            // 'y = 2*a + b' or 'y = sigmoid(a)*2': meant as a neuron; say what is missing.
            Linearizer.reportNotNeuron(rhs, diags);
        } else {
            diags.error(rhs.pos(), "expected a neuron, an instance or a signal on the right of '=': an activation such as step(...), a comparison such as 'a + b >= 2', a call such as nand(a, b), or a signal name");
        }
    }

    /** {@code q = dff(d)} or {@code q = dff(d, init)}: one flip-flop per bit of {@code q}. */
    private void flipFlops(Assign a, Expr.Call c, List<int[]> targets, Scope s) {
        if (!c.typeArgs().isEmpty()) diags.error(c.pos(), "'dff' takes no <parameters>");
        if (c.args().isEmpty() || c.args().size() > 2) {
            diags.error(c.pos(), "'dff' takes its input and, if not 0, its initial value: dff(d) or dff(d, 1); got "
                    + count(c.args().size(), "argument"));
            return;
        }
        if (targets.size() != 1) {
            diags.error(a.pos(), "'dff' has one output, but " + targets.size() + " signals are assigned; assign a bus instead");
            return;
        }
        int[] q = targets.get(0);
        int[] d = signals.sourceNets(c.args().get(0), s, q.length);
        if (d == null) return;
        if (d.length != q.length) {
            diags.error(c.args().get(0).pos(), "'" + ExprText.of(c.args().get(0)) + "' is " + count(d.length, "bit")
                    + " wide, but '" + a.targets().get(0).name() + "' is " + count(q.length, "bit")
                    + (q.length == 1 ? "; declare it as a bus, 'wire " + a.targets().get(0).name() + "[" + d.length + "]'" : ""));
            return;
        }
        java.math.BigInteger init = java.math.BigInteger.ZERO;
        if (c.args().size() == 2) {
            Expr e = c.args().get(1);
            OptionalLong v = IntEval.eval(e, s.ints, diags);
            if (v.isEmpty()) return;
            init = java.math.BigInteger.valueOf(v.getAsLong());
            if (init.signum() < 0 || init.bitLength() > q.length) {
                diags.error(e.pos(), "'" + a.targets().get(0).name() + "' is " + count(q.length, "bit") + ", so its initial value is a whole number from 0 to "
                        + java.math.BigInteger.ONE.shiftLeft(q.length).subtract(java.math.BigInteger.ONE) + ", not " + init);
                return;
            }
        }
        for (int b = 0; b < q.length; b++) graph.driveByFlipFlop(q[b], d[b], init.testBit(b), a.pos());
    }

    private static boolean isArithmetic(Expr e) {
        if (e instanceof Expr.Unary u) return u.op() != UnaryOp.NOT;
        return e instanceof Expr.Binary b && b.op().isLinear();
    }

    private List<String> allCallables() {
        List<String> all = new ArrayList<>(defs.names());
        for (Activation a : Activation.values()) if (a != Activation.THRESHOLD) all.add(a.keyword());
        return all;
    }

    private void circuitInstance(Assign a, Expr.Call c, CircuitDecl cd, List<int[]> targets, Scope s, String name) {
        lastCall = c.pos();
        String n = cd.name().name();
        Map<String, Long> ints = generics.typeArgs(cd, c.typeArgs(), s.ints, c.pos());
        if (ints == null) return;
        String key = Generics.instanceKey(cd, ints);
        if (active.contains(key)) {
            List<String> chain = new ArrayList<>(active);
            Collections.reverse(chain);
            chain = chain.subList(chain.indexOf(key), chain.size());
            diags.error(c.pos(), "circuit '" + key + "' contains itself: " + String.join(" -> ", chain) + " -> " + key);
            return;
        }
        if (active.size() >= MAX_DEPTH) {
            diags.error(c.pos(), "instances nested more than " + MAX_DEPTH + " deep: does a generator never reach its base case?");
            return;
        }
        if (c.args().size() != cd.inputs().size()) {
            diags.error(c.pos(), "circuit '" + n + "' takes " + count(cd.inputs().size(), "input") + " ("
                    + portNames(cd.inputs()) + "), got " + c.args().size());
            return;
        }
        if (targets.size() != cd.outputs().size() && NestedCalls.isHidden(a.targets().get(0).name())) {
            diags.error(a.pos(), "circuit '" + n + "' has " + count(cd.outputs().size(), "output") + " ("
                    + portNames(cd.outputs()) + "): a call used as an argument must have one; give its outputs"
                    + " their own names, '(" + portNames(cd.outputs()) + ") = " + n + "(...)', and pass the one you mean");
            return;
        }
        if (targets.size() != cd.outputs().size()) {
            diags.error(a.pos(), "circuit '" + n + "' has " + count(cd.outputs().size(), "output") + " ("
                    + portNames(cd.outputs()) + "), but " + count(targets.size(), "signal") + " "
                    + (targets.size() == 1 ? "is" : "are") + " assigned");
            return;
        }
        List<int[]> ins = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < cd.inputs().size(); i++) {
            Port p = cd.inputs().get(i);
            int w = generics.width(p, ints);
            if (w < 0) { // the port's width is wrong, reported by width(): no second message about it
                ok = false;
                ins.add(null);
                continue;
            }
            int[] nets = signals.sourceNets(c.args().get(i), s, w);
            if (nets != null && nets.length != w) {
                diags.error(c.args().get(i).pos(), "input '" + p.name() + "' of '" + key + "' is " + count(w, "bit")
                        + " wide; this is " + count(nets.length, "bit"));
                nets = null;
            }
            ok &= nets != null;
            ins.add(nets);
        }
        for (int i = 0; i < cd.outputs().size(); i++) {
            Port p = cd.outputs().get(i);
            int w = generics.width(p, ints);
            if (w < 0) {
                ok = false;
            } else if (targets.get(i).length != w) {
                diags.error(a.targets().get(i).pos(), "output '" + p.name() + "' of '" + key + "' is " + count(w, "bit")
                        + " wide; '" + a.targets().get(i).name() + "' is " + count(targets.get(i).length, "bit"));
                ok = false;
            }
        }
        if (!ok) return;
        // A target driven already is reported here, at this statement, before the instance's own
        // statements would find it driven and blame a line inside the instantiated circuit.
        for (int i = 0; i < targets.size(); i++) {
            for (int net : targets.get(i)) {
                if (!graph.isDriven(net)) continue;
                Assign.Target t = a.targets().get(i);
                diags.add(Diagnostic.error(a.pos(), "'" + t.name() + ExprText.selector(t.selector()) + "' is driven twice")
                        .withNotes(List.of(Diagnostic.note(graph.driverPos(net), "first driven here"))));
                return;
            }
        }
        budget.spend(1, c.pos());
        within.push(Diagnostic.note(c.pos(), "in the instance '" + key + "' made here"));
        instantiate(cd, ints, s.path + "/" + name, ins, targets);
        within.pop();
        // These nets are driven inside the instance; messages about them point at this statement.
        for (int[] nets : targets) for (int net : nets) graph.assignedAt(net, a.pos());
    }

    // ---- small helpers ---------------------------------------------------------------------

    static Expr unparen(Expr e) {
        while (e instanceof Expr.Paren p) e = p.inner();
        return e;
    }

    private static List<Integer> boxed(int[] nets) {
        List<Integer> out = new ArrayList<>(nets.length);
        for (int n : nets) out.add(n);
        return Collections.unmodifiableList(out);
    }

    private static String portNames(List<Port> ports) {
        return ports.stream().map(p -> p.isBus() ? p.name() + "[]" : p.name()).collect(Collectors.joining(", "));
    }
}
