package dev.circuit.elab;

import dev.circuit.ast.Assign;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Expr;
import dev.circuit.model.UnaryOp;
import dev.circuit.print.ExprText;
import dev.circuit.ast.ForLoop;
import dev.circuit.ast.Ident;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.ast.Port;
import dev.circuit.ast.Selector;
import dev.circuit.ast.Stmt;
import dev.circuit.ast.WireDecl;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.model.Activation;
import dev.circuit.model.CircuitId;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Param;
import dev.circuit.model.Rational;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The elaborate stage: instantiates a top circuit into one flat graph of neurons.
 *
 * <p>Statements are a dataflow graph, so each block is read twice: first every signal it drives is
 * declared, then every statement is turned into neurons, instances or aliases. Nets get at most one
 * driver each; after the whole tree is built, cycles are looked for, aliases are collapsed and the
 * neurons are put in topological order. All loops over the graph are iterative, so a ripple of a
 * million neurons does not overflow the stack.
 */
public final class Elaborator {
    /**
     * Instances nested deeper than this are taken to be a generator that never stops. Each level
     * takes several Java frames: 500 levels fit a default 1 MB stack with room to spare, so the
     * message does not depend on the machine (a deeper design uses a for loop).
     */
    private static final int MAX_DEPTH = 1000;
    /** Circuits larger than this are refused rather than exhausting memory. */
    private static final int MAX_NEURONS = 50_000_000;

    private final Definitions defs;
    private final Diagnostics diags = new Diagnostics();

    // The graph under construction. Net ids index these lists.
    private final List<String> netNames = new ArrayList<>();
    private final List<Pos> netPos = new ArrayList<>();
    private final List<Driver> drivers = new ArrayList<>();
    private final List<Neuron> neurons = new ArrayList<>();
    private final Map<BigDecimal, Integer> constants = new LinkedHashMap<>();
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final Map<NeuronDecl, Optional<Linearizer.Shape>> shapes = new HashMap<>();
    private final Deque<String> active = new ArrayDeque<>();
    /** Nets assigned by a statement that was reported as an error: not reported again as undriven. */
    private final java.util.BitSet excused = new java.util.BitSet();
    /** Nets driven inside an instance, by the statement that assigns them in the enclosing circuit. */
    private final Map<Integer, Pos> assignedAt = new HashMap<>();
    /** The instance call being elaborated, for the message when nesting exhausts the stack. */
    private Pos lastCall;
    private String rootPath = "";
    /** Set when a loop stopped at a failing iteration, so later bits were never elaborated. */
    private boolean loopCutShort;
    private Map<String, Long> topParams = Map.of();

    /** What drives a net. */
    private sealed interface Driver {
        Pos pos();

        record Input(Pos pos) implements Driver {}

        record Const(BigDecimal value, Pos pos) implements Driver {}

        record ByNeuron(int neuron, Pos pos) implements Driver {}

        record Alias(int source, Pos pos) implements Driver {}
    }

    private enum Kind { INPUT, OUTPUT, WIRE, LOCAL }

    /** A named signal of one circuit instance: one net, or a bus of nets (bit 0 first). */
    private static final class Sig {
        final String name;
        final int[] nets;
        final boolean bus;
        final Pos pos;
        final Kind kind;
        boolean read;

        Sig(String name, int[] nets, boolean bus, Pos pos, Kind kind) {
            this.name = name;
            this.nets = nets;
            this.bus = bus;
            this.pos = pos;
            this.kind = kind;
        }
    }

    /** The names visible in one circuit instance, or in one iteration of a loop inside it. */
    private static final class Scope {
        final Scope parent;
        final String path;
        final String suffix;
        final CircuitDecl circuit;
        final Map<String, Long> ints;
        final Map<String, Sig> sigs = new LinkedHashMap<>();

        Scope(Scope parent, String path, String suffix, CircuitDecl circuit, Map<String, Long> ints) {
            this.parent = parent;
            this.path = path;
            this.suffix = suffix;
            this.circuit = circuit;
            this.ints = ints;
        }

        Sig lookup(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                Sig sig = s.sigs.get(name);
                if (sig != null) return sig;
            }
            return null;
        }

        List<String> visibleNames() {
            List<String> out = new ArrayList<>(ints.keySet());
            for (Scope s = this; s != null; s = s.parent) out.addAll(s.sigs.keySet());
            return out;
        }

        String circuitName() {
            return circuit == null ? "" : circuit.name().name();
        }
    }

    private Elaborator(Program program) {
        this.defs = new Definitions(program, diags);
    }

    /** Elaborates {@code top} from {@code program}; throws with every error found. */
    static Elaborated elaborate(Program program, CircuitRef top) {
        Elaborator e = new Elaborator(program);
        e.diags.check();
        Netlist n;
        try {
            n = e.top(top);
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
                argNets[i] = newNet(p.name(), p.pos());
                drivers.set(argNets[i], new Driver.Input(p.pos()));
                ins.add(new Terminal(p.name(), false, List.of(argNets[i]), p.pos()));
            }
            int out = newNet(nd.name().name(), nd.name().pos());
            outs.add(new Terminal(nd.name().name(), false, List.of(out), nd.name().pos()));
            Optional<Linearizer.Shape> shape = shape(nd);
            if (shape.isPresent()) addNeuron(rootPath, shape.get(), v -> argNets[v], out, nd.pos());
        } else {
            Map<String, Long> ints = typeArgs(cd, ref.args(), new HashMap<>(), ref.pos());
            if (ints == null) {
                diags.check();
                throw new CircuitException(Failure.INVALID_INPUT, ref.pos(), "cannot elaborate '" + ref.name() + "'");
            }
            rootPath = instanceKey(cd, ints);
            topParams = ints;
            List<int[]> inNets = new ArrayList<>();
            List<int[]> outNets = new ArrayList<>();
            for (Port p : cd.inputs()) {
                int w = width(p, ints);
                if (w < 0) continue; // reported by width(); diags.check() below stops here
                int[] nets = newNets(p.name(), w, p.isBus(), p.pos());
                for (int n : nets) drivers.set(n, new Driver.Input(p.pos()));
                inNets.add(nets);
                ins.add(new Terminal(p.name(), p.isBus(), boxed(nets), p.pos()));
            }
            for (Port p : cd.outputs()) {
                int w = width(p, ints);
                if (w < 0) continue;
                int[] nets = newNets(p.name(), w, p.isBus(), p.pos());
                outNets.add(nets);
                outs.add(new Terminal(p.name(), p.isBus(), boxed(nets), p.pos()));
            }
            diags.check();
            instantiate(cd, ints, rootPath, inNets, outNets);
        }
        diags.check();
        findCycles();
        diags.check();
        return build(ref, ins, outs);
    }

    // ---- circuits, blocks and statements -----------------------------------------------------

    private void instantiate(CircuitDecl c, Map<String, Long> ints, String path, List<int[]> ins, List<int[]> outs) {
        active.push(instanceKey(c, ints));
        Scope s = new Scope(null, path, "", c, ints);
        for (int i = 0; i < c.inputs().size(); i++) declarePort(s, c.inputs().get(i), ins.get(i), Kind.INPUT);
        for (int i = 0; i < c.outputs().size(); i++) declarePort(s, c.outputs().get(i), outs.get(i), Kind.OUTPUT);
        block(c.body(), s);
        // A loop cut short drove only some of its bits: the rest are not the user's mistake.
        for (int i = 0; i < c.outputs().size() && !loopCutShort; i++) {
            Port p = c.outputs().get(i);
            int[] nets = outs.get(i);
            for (int b = 0; b < nets.length; b++) {
                if (drivers.get(nets[b]) == null && !excused.get(nets[b])) {
                    String what = p.isBus() ? "bit " + b + " of output '" + p.name() + "'" : "output '" + p.name() + "'";
                    diags.error(p.pos(), what + " of circuit '" + c.name().name() + "' is never driven");
                    break;
                }
            }
        }
        active.pop();
    }

    private void declarePort(Scope s, Port p, int[] nets, Kind kind) {
        if (s.sigs.containsKey(p.name()) || s.ints.containsKey(p.name())) {
            diags.error(p.pos(), "'" + p.name() + "' is already a port or parameter of circuit '" + s.circuitName() + "'");
            return;
        }
        s.sigs.put(p.name(), new Sig(p.name(), nets, p.isBus(), p.pos(), kind));
    }

    private void block(List<Stmt> stmts, Scope s) {
        // First pass: every signal the block drives exists before any statement reads it.
        for (Stmt st : stmts) {
            if (st instanceof WireDecl w) {
                for (Port p : w.wires()) declareLocal(s, p.name(), width(p, s.ints), p.isBus(), p.pos(), Kind.WIRE);
            } else if (st instanceof Assign a) {
                int[] widths = instanceOutputWidths(a, s);
                for (int i = 0; i < a.targets().size(); i++) {
                    Assign.Target t = a.targets().get(i);
                    if (t.selector() == null && s.lookup(t.name()) == null && !isInt(s, t.name())) {
                        // A signal driven by a bus output of an instance is a bus of that width.
                        int w = widths != null && i < widths.length ? widths[i] : 0;
                        declareLocal(s, t.name(), Math.max(1, Math.abs(w)), w < 0, t.pos(), Kind.LOCAL);
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
            if (sig.kind == Kind.INPUT) {
                diags.warning(sig.pos, "input '" + sig.name + "' of circuit '" + s.circuitName() + "' is never used");
            } else if (sig.kind == Kind.LOCAL || sig.kind == Kind.WIRE) {
                diags.warning(sig.pos, "signal '" + sig.name + "' is never used");
            }
        }
    }

    private void declareLocal(Scope s, String name, int width, boolean bus, Pos pos, Kind kind) {
        Sig prior = s.sigs.get(name);
        if (prior != null || isInt(s, name)) {
            Diagnostic d = Diagnostic.error(pos, "'" + name + "' is already declared");
            diags.add(prior == null ? d : d.withNotes(List.of(Diagnostic.note(prior.pos, "declared here"))));
            return;
        }
        if (width < 0) return;
        s.sigs.put(name, new Sig(name, newNets(s.path + "/" + name + s.suffix, width, bus, pos), bus, pos, kind));
    }

    /**
     * For {@code (s, c) = adder_n<4>(...)}: each output's width, negative for a bus; null when the
     * right side is not a circuit instance or its widths cannot be known yet (errors come later).
     */
    private int[] instanceOutputWidths(Assign a, Scope s) {
        Expr rhs = unparen(a.value());
        if (!(rhs instanceof Expr.Call c) || defs.circuit(c.name()) == null) return null;
        CircuitDecl cd = defs.circuit(c.name());
        if (c.typeArgs().size() != cd.typeParams().size()) return null;
        Diagnostics quiet = new Diagnostics();
        Map<String, Long> ints = new HashMap<>();
        for (int i = 0; i < c.typeArgs().size(); i++) {
            OptionalLong v = IntEval.eval(c.typeArgs().get(i), s.ints, quiet);
            if (v.isEmpty()) return null;
            ints.put(cd.typeParams().get(i).name(), v.getAsLong());
        }
        int[] w = new int[cd.outputs().size()];
        for (int i = 0; i < w.length; i++) {
            Port p = cd.outputs().get(i);
            if (!p.isBus()) {
                w[i] = 1;
                continue;
            }
            OptionalLong v = IntEval.eval(p.width(), ints, quiet);
            if (v.isEmpty() || v.getAsLong() < 1 || v.getAsLong() > 1 << 20) return null;
            w[i] = (int) -v.getAsLong();
        }
        return w;
    }

    private static boolean isInt(Scope s, String name) {
        return s.ints.containsKey(name);
    }

    private void loop(ForLoop f, Scope s) {
        OptionalLong from = IntEval.eval(f.from(), s.ints, diags);
        OptionalLong to = IntEval.eval(f.to(), s.ints, diags);
        if (from.isEmpty() || to.isEmpty()) return;
        if (s.lookup(f.var().name()) != null || isInt(s, f.var().name())) {
            diags.error(f.var().pos(), "loop variable '" + f.var().name() + "' hides another name; choose another");
            return;
        }
        long errorsBefore = errorCount();
        for (long i = from.getAsLong(); i <= to.getAsLong(); i++) {
            Map<String, Long> ints = new HashMap<>(s.ints);
            ints.put(f.var().name(), i);
            block(f.body(), new Scope(s, s.path, s.suffix + "." + i, s.circuit, ints));
            // One failing iteration says it all; the next ones would repeat it with other indices.
            // Errors made before the loop are no reason to stop it: its outputs would look undriven.
            if (errorCount() > errorsBefore) {
                if (i < to.getAsLong()) loopCutShort = true;
                return;
            }
        }
    }

    private long errorCount() {
        return diags.all().stream().filter(Diagnostic::isError).count();
    }

    private void assign(Assign a, Scope s) {
        int before = diags.errorsReported();
        List<int[]> targets = new ArrayList<>();
        for (Assign.Target t : a.targets()) {
            int[] nets = targetNets(t, s);
            if (nets == null) {
                // A target that cannot be resolved: the signal it names is not "never driven" either.
                for (Assign.Target u : a.targets()) {
                    Sig sig = s.lookup(u.name());
                    if (sig != null && sig.kind != Kind.INPUT) for (int n : sig.nets) excused.set(n);
                }
                break;
            }
            targets.add(nets);
        }
        if (targets.size() == a.targets().size()) assignTo(a, targets, s);
        if (diags.errorsReported() > before) {
            // The statement was reported already: its targets are not "never driven" and the signals
            // it names are not "never used". Those follow-on messages would only bury the real one.
            for (int[] nets : targets) for (int n : nets) excused.set(n);
            markRead(a.value(), s);
        }
    }

    /** Marks every signal an expression names as read, without reporting anything. */
    private static void markRead(Expr e, Scope s) {
        if (e instanceof Expr.Ref r) {
            Sig sig = s.lookup(r.name());
            if (sig != null) sig.read = true;
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(x -> markRead(x, s));
        } else if (e instanceof Expr.Unary u) {
            markRead(u.operand(), s);
        } else if (e instanceof Expr.Binary b) {
            markRead(b.left(), s);
            markRead(b.right(), s);
        } else if (e instanceof Expr.Ternary t) {
            markRead(t.cond(), s);
            markRead(t.then(), s);
            markRead(t.otherwise(), s);
        } else if (e instanceof Expr.Concat c) {
            c.parts().forEach(x -> markRead(x, s));
        } else if (e instanceof Expr.Paren p) {
            markRead(p.inner(), s);
        }
    }

    private void assignTo(Assign a, List<int[]> targets, Scope s) {
        String name = instanceName(a.targets().get(0), s);
        Expr rhs = unparen(a.value());
        if (rhs instanceof Expr.Call c && defs.neuron(c.name()) != null) {
            neuronInstance(a, c, defs.neuron(c.name()), targets, s, name);
        } else if (rhs instanceof Expr.Call c && defs.circuit(c.name()) != null) {
            circuitInstance(a, c, defs.circuit(c.name()), targets, s, name);
        } else if (Linearizer.isNeuronForm(rhs)) {
            inlineNeuron(a, rhs, targets, s, name);
        } else if (rhs instanceof Expr.Call c) {
            diags.error(c.pos(), "unknown neuron or circuit '" + c.name() + "'"
                    + Suggest.didYouMean(c.name(), allCallables()));
        } else if (rhs instanceof Expr.Ref || rhs instanceof Expr.Num || rhs instanceof Expr.Concat) {
            alias(a, rhs, targets, s);
        } else if (isArithmetic(rhs)) {
            // 'y = 2*a + b' or 'y = sigmoid(a)*2': meant as a neuron; say what is missing.
            Linearizer.reportNotNeuron(rhs, diags);
        } else {
            diags.error(rhs.pos(), "expected a neuron, an instance or a signal on the right of '=': an activation such as step(...), a comparison such as 'a + b >= 2', a call such as nand(a, b), or a signal name");
        }
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

    private void neuronInstance(Assign a, Expr.Call c, NeuronDecl nd, List<int[]> targets, Scope s, String name) {
        String n = nd.name().name();
        if (!c.typeArgs().isEmpty()) {
            diags.error(c.pos(), "neuron '" + n + "' takes no <parameters>");
            return;
        }
        if (targets.size() != 1 || targets.get(0).length != 1) {
            diags.error(a.pos(), "neuron '" + n + "' has one output, but " + bits(targets) + " are assigned");
            return;
        }
        if (c.args().size() != nd.params().size()) {
            diags.error(c.pos(), "neuron '" + n + "' takes " + count(nd.params().size(), "input") + " ("
                    + nd.params().stream().map(Ident::name).collect(Collectors.joining(", ")) + "), got " + c.args().size());
            return;
        }
        int[] args = new int[c.args().size()];
        boolean ok = true;
        for (int i = 0; i < args.length; i++) {
            int[] nets = sourceNets(c.args().get(i), s, 1);
            if (nets == null) {
                ok = false;
            } else if (nets.length != 1) {
                diags.error(c.args().get(i).pos(), "input '" + nd.params().get(i).name() + "' of neuron '" + n
                        + "' is one signal; this is " + nets.length + " bits wide");
                ok = false;
            } else {
                args[i] = nets[0];
            }
        }
        Optional<Linearizer.Shape> shape = shape(nd);
        if (!ok || shape.isEmpty()) return;
        int out = targets.get(0)[0];
        drive(out, new Driver.ByNeuron(neurons.size(), a.pos()), name);
        addNeuron(s.path + "/" + name, shape.get(), v -> args[v], out, a.pos());
    }

    private void circuitInstance(Assign a, Expr.Call c, CircuitDecl cd, List<int[]> targets, Scope s, String name) {
        lastCall = c.pos();
        String n = cd.name().name();
        Map<String, Long> ints = typeArgs(cd, c.typeArgs(), s.ints, c.pos());
        if (ints == null) return;
        String key = instanceKey(cd, ints);
        if (active.contains(key)) {
            List<String> chain = new ArrayList<>(active);
            java.util.Collections.reverse(chain);
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
            int w = width(p, ints);
            if (w < 0) { // the port's width is wrong, reported by width(): no second message about it
                ok = false;
                ins.add(null);
                continue;
            }
            int[] nets = sourceNets(c.args().get(i), s, w);
            // A bad width (-1) is reported at the port; a size mismatch would only repeat it.
            if (w < 0) nets = null;
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
            int w = width(p, ints);
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
                if (drivers.get(net) == null) continue;
                Assign.Target t = a.targets().get(i);
                diags.add(Diagnostic.error(a.pos(), "'" + t.name() + ExprText.selector(t.selector()) + "' is driven twice")
                        .withNotes(List.of(Diagnostic.note(driverPos(net), "first driven here"))));
                return;
            }
        }
        instantiate(cd, ints, s.path + "/" + name, ins, targets);
        // These nets are driven inside the instance; messages about them point at this statement.
        for (int[] nets : targets) for (int net : nets) assignedAt.put(net, a.pos());
    }

    /** Where a net is driven, as the user sees it: the statement that assigns it in the outermost circuit. */
    private Pos driverPos(int net) {
        Pos at = assignedAt.get(net);
        return at != null ? at : drivers.get(net).pos();
    }

    private void inlineNeuron(Assign a, Expr rhs, List<int[]> targets, Scope s, String name) {
        if (targets.size() != 1 || targets.get(0).length != 1) {
            diags.error(a.pos(), "a neuron has one output, but " + bits(targets) + " are assigned");
            return;
        }
        List<Integer> vars = new ArrayList<>();
        Linearizer lin = new Linearizer(diags, ref -> {
            if (s.lookup(ref.name()) == null && isInt(s, ref.name()) && ref.selector() == null) {
                return Optional.of(new Linearizer.Operand.Const(Rational.of(s.ints.get(ref.name()))));
            }
            int[] nets = sourceNets(ref, s, 1);
            if (nets == null) return Optional.empty();
            if (nets.length != 1) {
                diags.error(ref.pos(), "'" + ExprText.of(ref) + "' is " + nets.length + " bits wide; a neuron reads single signals (index it: "
                        + ref.name() + "[0])");
                return Optional.empty();
            }
            vars.add(nets[0]);
            return Optional.of(new Linearizer.Operand.Var(nets[0]));
        }, this::param);
        Optional<Linearizer.Shape> shape = lin.neuron(rhs);
        if (shape.isEmpty()) return;
        int out = targets.get(0)[0];
        drive(out, new Driver.ByNeuron(neurons.size(), a.pos()), name);
        // Variables are nets already.
        addNeuron(s.path + "/" + name, shape.get(), v -> v, out, a.pos());
    }

    private void alias(Assign a, Expr rhs, List<int[]> targets, Scope s) {
        int total = targets.stream().mapToInt(t -> t.length).sum();
        int[] src = sourceNets(rhs, s, total);
        if (src == null) return;
        if (src.length != total) {
            diags.error(rhs.pos(), "'" + ExprText.of(rhs) + "' is " + count(src.length, "bit") + " wide, but "
                    + count(total, "bit") + " " + (total == 1 ? "is" : "are") + " assigned");
            return;
        }
        // Targets are listed most significant first, like a concatenation.
        int k = 0;
        for (int t = targets.size() - 1; t >= 0; t--) {
            int[] nets = targets.get(t);
            for (int b = 0; b < nets.length; b++) {
                drive(nets[b], new Driver.Alias(src[k++], a.pos()), netNames.get(nets[b]));
            }
        }
    }

    // ---- names, nets and drivers -----------------------------------------------------------

    private int[] targetNets(Assign.Target t, Scope s) {
        Sig sig = s.lookup(t.name());
        if (sig == null) {
            if (isInt(s, t.name())) diags.error(t.pos(), "'" + t.name() + "' is a parameter; it cannot be assigned");
            else diags.error(t.pos(), "unknown signal '" + t.name() + "'; declare a bus with 'wire " + t.name() + "[N]'");
            return null;
        }
        if (sig.kind == Kind.INPUT) {
            diags.error(t.pos(), "'" + t.name() + "' is an input of circuit '" + s.circuitName() + "'; it cannot be driven");
            return null;
        }
        return select(sig, t.selector(), s, t.pos());
    }

    /** The nets an expression names: a signal, a bit, a slice, a constant, or a concatenation. */
    private int[] sourceNets(Expr e, Scope s, int expectedWidth) {
        e = unparen(e);
        if (e instanceof Expr.Ref r) {
            Sig sig = s.lookup(r.name());
            if (sig == null) {
                if (isInt(s, r.name()) && r.selector() == null) return constantBits(BigDecimal.valueOf(s.ints.get(r.name())), expectedWidth, r.pos());
                diags.error(r.pos(), "unknown signal '" + r.name() + "'" + Suggest.didYouMean(r.name(), s.visibleNames()));
                return null;
            }
            sig.read = true;
            return select(sig, r.selector(), s, r.pos());
        }
        if (e instanceof Expr.Num n) return constantBits(n.value(), expectedWidth, n.pos());
        if (e instanceof Expr.Concat c) {
            List<int[]> parts = new ArrayList<>();
            for (Expr p : c.parts()) {
                int[] nets = sourceNets(p, s, 1);
                if (nets == null) return null;
                parts.add(nets);
            }
            int[] out = new int[parts.stream().mapToInt(p -> p.length).sum()];
            int k = 0;
            for (int i = parts.size() - 1; i >= 0; i--) for (int n : parts.get(i)) out[k++] = n;
            return out;
        }
        diags.error(e.pos(), "an argument must be a signal, a bus slice or a constant; give '" + ExprText.of(e)
                + "' its own signal name and pass that");
        return null;
    }

    private int[] constantBits(BigDecimal v, int width, Pos pos) {
        boolean whole = v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0;
        if (width <= 1 || !whole) return new int[] {constNet(v, pos)};
        java.math.BigInteger bits = v.toBigIntegerExact();
        if (bits.bitLength() > width) {
            diags.error(pos, v.toPlainString() + " does not fit in " + count(width, "bit"));
            return null;
        }
        int[] out = new int[width];
        for (int i = 0; i < width; i++) out[i] = constNet(bits.testBit(i) ? BigDecimal.ONE : BigDecimal.ZERO, pos);
        return out;
    }

    private int constNet(BigDecimal v, Pos pos) {
        BigDecimal key = v.stripTrailingZeros();
        Integer net = constants.get(key);
        if (net == null) {
            net = newNet(key.toPlainString(), pos);
            drivers.set(net, new Driver.Const(key, pos));
            constants.put(key, net);
        }
        return net;
    }

    private int[] select(Sig sig, Selector sel, Scope s, Pos pos) {
        if (sel == null) return sig.nets;
        if (!sig.bus) {
            diags.error(pos, "'" + sig.name + "' is a single signal, not a bus; it cannot be indexed");
            return null;
        }
        OptionalLong lo = IntEval.eval(sel.index(), s.ints, diags);
        OptionalLong hi = sel.isSlice() ? IntEval.eval(sel.hi(), s.ints, diags) : lo;
        if (lo.isEmpty() || hi.isEmpty()) return null;
        long l = lo.getAsLong();
        long h = hi.getAsLong();
        int w = sig.nets.length;
        for (long i : new long[] {l, h}) {
            if (i < 0 || i >= w) {
                diags.error(pos, "index " + i + " is out of range for '" + sig.name + "[" + w + "]' (0.." + (w - 1) + ")");
                return null;
            }
        }
        if (h < l) {
            diags.error(pos, "a slice is written high..low: '" + sig.name + "[" + l + ".." + h + "]', not '" + sig.name + "[" + h + ".." + l + "]'");
            return null;
        }
        return Arrays.copyOfRange(sig.nets, (int) l, (int) h + 1);
    }

    private String instanceName(Assign.Target t, Scope s) {
        StringBuilder sb = new StringBuilder(t.name());
        Sig sig = s.lookup(t.name());
        if (t.selector() != null) {
            OptionalLong lo = IntEval.eval(t.selector().index(), s.ints, new Diagnostics());
            OptionalLong hi = t.selector().isSlice() ? IntEval.eval(t.selector().hi(), s.ints, new Diagnostics()) : lo;
            sb.append('[');
            if (t.selector().isSlice()) sb.append(hi.orElse(0)).append("..");
            sb.append(lo.orElse(0)).append(']');
        }
        // A signal declared inside a loop gets one instance per iteration.
        if (sig != null && sig.kind == Kind.LOCAL && s.sigs.get(t.name()) == sig) sb.append(s.suffix);
        return sb.toString();
    }

    private void drive(int net, Driver d, String shown) {
        Driver prior = drivers.get(net);
        if (prior instanceof Driver.Input) {
            diags.error(d.pos(), "'" + local(shown) + "' is an input; it cannot be driven");
            return;
        }
        if (prior != null) {
            diags.add(Diagnostic.error(d.pos(), "'" + local(shown) + "' is driven twice")
                    .withNotes(List.of(Diagnostic.note(driverPos(net), "first driven here"))));
            return;
        }
        drivers.set(net, d);
    }

    private String local(String name) {
        int i = name.lastIndexOf('/');
        return i < 0 ? name : name.substring(i + 1);
    }

    private int newNet(String name, Pos pos) {
        netNames.add(name);
        netPos.add(pos);
        drivers.add(null);
        return netNames.size() - 1;
    }

    private int[] newNets(String name, int width, boolean bus, Pos pos) {
        // A bad width (-1) was reported by width(); no nets, and the stage stops at its next check.
        int[] nets = new int[Math.max(width, 0)];
        for (int i = 0; i < width; i++) nets[i] = newNet(bus ? name + "[" + i + "]" : name, pos);
        return nets;
    }

    private int width(Port p, Map<String, Long> ints) {
        if (!p.isBus()) return 1;
        OptionalLong w = IntEval.eval(p.width(), ints, diags);
        if (w.isEmpty()) return -1;
        if (w.getAsLong() < 1 || w.getAsLong() > 1 << 20) {
            diags.error(p.width().pos(), "a bus is 1 to " + (1 << 20) + " bits wide; '" + p.name() + "' would be " + w.getAsLong());
            return -1;
        }
        return (int) w.getAsLong();
    }

    private Map<String, Long> typeArgs(CircuitDecl cd, List<Expr> args, Map<String, Long> env, Pos at) {
        if (args.size() != cd.typeParams().size()) {
            String n = cd.name().name();
            if (cd.typeParams().isEmpty()) diags.error(at, "circuit '" + n + "' takes no <parameters>");
            else diags.error(at, "circuit '" + n + "' takes " + count(cd.typeParams().size(), "parameter") + " <"
                    + cd.typeParams().stream().map(Ident::name).collect(Collectors.joining(", ")) + ">, got " + args.size());
            return null;
        }
        Map<String, Long> ints = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            OptionalLong v = IntEval.eval(args.get(i), env, diags);
            if (v.isEmpty()) return null;
            ints.put(cd.typeParams().get(i).name(), v.getAsLong());
        }
        return ints;
    }

    private static String instanceKey(CircuitDecl cd, Map<String, Long> ints) {
        if (ints.isEmpty()) return cd.name().name();
        return cd.name().name() + ints.values().stream().map(String::valueOf).collect(Collectors.joining(",", "<", ">"));
    }

    // ---- neurons ---------------------------------------------------------------------------

    /** A neuron declaration read once as a weighted sum over its parameters (variables 0..k-1). */
    private Optional<Linearizer.Shape> shape(NeuronDecl nd) {
        Optional<Linearizer.Shape> known = shapes.get(nd);
        if (known != null) return known;
        Map<String, Integer> index = new HashMap<>();
        boolean[] used = new boolean[nd.params().size()];
        for (int i = 0; i < nd.params().size(); i++) {
            Ident p = nd.params().get(i);
            if (index.putIfAbsent(p.name(), i) != null) diags.error(p.pos(), "input '" + p.name() + "' is listed twice");
        }
        Linearizer lin = new Linearizer(diags, ref -> {
            Integer i = index.get(ref.name());
            if (i == null) {
                diags.error(ref.pos(), "unknown input '" + ref.name() + "' in neuron '" + nd.name().name() + "'"
                        + Suggest.didYouMean(ref.name(), index.keySet()));
                return Optional.empty();
            }
            if (ref.selector() != null) {
                diags.error(ref.pos(), "'" + ref.name() + "' is a single signal; it cannot be indexed");
                return Optional.empty();
            }
            used[i] = true;
            return Optional.of(new Linearizer.Operand.Var(i));
        }, this::param);
        Optional<Linearizer.Shape> shape;
        if (unparen(nd.body()) instanceof Expr.Call c && (defs.neuron(c.name()) != null || defs.circuit(c.name()) != null)) {
            diags.error(c.pos(), "a neuron cannot use '" + c.name() + "': its body is one activation of a weighted sum of its inputs; to combine neurons, write a circuit");
            shape = Optional.empty();
        } else {
            shape = lin.neuron(nd.body());
        }
        if (shape.isPresent()) {
            for (int i = 0; i < used.length; i++) {
                if (!used[i]) diags.warning(nd.params().get(i).pos(), "input '" + nd.params().get(i).name()
                        + "' of neuron '" + nd.name().name() + "' is never used");
            }
        }
        shapes.put(nd, shape);
        return shape;
    }

    private int param(Expr.Learnable l) {
        String key = l.pos().file() + "@" + l.start();
        Param p = params.get(key);
        if (p == null) {
            p = new Param(params.size(), l.init(), l.pos(), l.pos().file(), l.start(), l.end());
            params.put(key, p);
        }
        return p.id();
    }

    /** Adds a neuron whose variable v reads net {@code netOf(v)}. */
    private void addNeuron(String path, Linearizer.Shape shape, java.util.function.IntUnaryOperator netOf, int out, Pos pos) {
        if (neurons.size() >= MAX_NEURONS) {
            diags.error(pos, "the circuit has more than " + MAX_NEURONS + " neurons; circuit refuses to build it");
            throw new CircuitException(Failure.INVALID_INPUT, diags.all());
        }
        List<Integer> ins = new ArrayList<>();
        List<Coef> ws = new ArrayList<>();
        for (Affine.Term t : shape.z().terms()) {
            ins.add(netOf.applyAsInt(t.var()));
            ws.add(t.coef());
        }
        if (drivers.get(out) == null) drivers.set(out, new Driver.ByNeuron(neurons.size(), pos));
        neurons.add(new Neuron(path, shape.activation(), out, ins, ws, shape.z().bias(), pos));
    }

    // ---- the whole graph -------------------------------------------------------------------

    /** What each net reads: a neuron's inputs, or an alias's source. */
    private int[] deps(int net) {
        Driver d = drivers.get(net);
        if (d instanceof Driver.ByNeuron n) return neurons.get(n.neuron()).inputs().stream().mapToInt(Integer::intValue).toArray();
        if (d instanceof Driver.Alias a) return new int[] {a.source()};
        return new int[0];
    }

    /** Reports combinational cycles (each printed as a loop with positions) and read-but-undriven nets. */
    private void findCycles() {
        int n = netNames.size();
        byte[] state = new byte[n]; // 0 new, 1 on the stack, 2 done
        int[] stack = new int[n];
        int[] next = new int[n];
        int[][] depsOf = new int[n][];
        int cycles = 0;
        for (int root = 0; root < n && cycles < 10; root++) {
            if (state[root] != 0) continue;
            int sp = 0;
            stack[sp] = root;
            next[sp] = 0;
            depsOf[root] = deps(root);
            state[root] = 1;
            while (sp >= 0) {
                int v = stack[sp];
                int[] ds = depsOf[v];
                if (next[sp] < ds.length) {
                    int w = ds[next[sp]++];
                    if (drivers.get(w) == null) {
                        diags.error(netPos.get(w), "signal '" + display(w) + "' is read but never driven");
                        continue;
                    }
                    if (state[w] == 1) {
                        reportCycle(stack, sp, w);
                        cycles++;
                    } else if (state[w] == 0) {
                        state[w] = 1;
                        stack[++sp] = w;
                        next[sp] = 0;
                        depsOf[w] = deps(w);
                    }
                } else {
                    state[v] = 2;
                    depsOf[v] = null;
                    sp--;
                }
            }
        }
    }

    private void reportCycle(int[] stack, int sp, int w) {
        int from = sp;
        while (stack[from] != w) from--;
        // The stack follows "reads" edges; signals flow the other way, so print it reversed.
        List<Integer> loop = new ArrayList<>();
        for (int i = sp; i >= from; i--) loop.add(stack[i]);
        loop.add(loop.get(0));
        String text = loop.stream().map(this::display).collect(Collectors.joining(" -> "));
        List<Diagnostic> notes = new ArrayList<>();
        for (int i = 1; i < loop.size() - 1; i++) {
            int net = loop.get(i);
            notes.add(Diagnostic.note(driverPos(net), "'" + display(net) + "' is driven here"));
        }
        diags.add(Diagnostic.error(driverPos(loop.get(0)), "combinational cycle: " + text).withNotes(notes));
    }

    /** A net's name relative to the top circuit. */
    private String display(int net) {
        String name = netNames.get(net);
        return name.startsWith(rootPath + "/") ? name.substring(rootPath.length() + 1) : name;
    }

    private int resolve(int net) {
        int guard = 0;
        while (drivers.get(net) instanceof Driver.Alias a) {
            net = a.source();
            if (++guard > drivers.size()) throw new IllegalStateException("alias loop survived cycle detection");
        }
        return net;
    }

    /** Collapses aliases, orders the neurons topologically and numbers nets: inputs, constants, neurons. */
    private Netlist build(CircuitRef ref, List<Terminal> ins, List<Terminal> outs) {
        int[] number = new int[netNames.size()];
        Arrays.fill(number, -1);
        List<String> names = new ArrayList<>();
        for (Terminal t : ins) {
            for (int net : t.nets()) {
                number[net] = names.size();
                names.add(display(net));
            }
        }
        List<Netlist.Constant> consts = new ArrayList<>();
        for (Map.Entry<BigDecimal, Integer> c : constants.entrySet()) {
            number[c.getValue()] = names.size();
            consts.add(new Netlist.Constant(names.size(), c.getKey().doubleValue()));
            names.add(c.getKey().toPlainString());
        }
        List<Neuron> ordered = new ArrayList<>(neurons.size());
        for (int i : topologicalOrder()) {
            Neuron nr = neurons.get(i);
            List<Integer> inputs = new ArrayList<>(nr.fanIn());
            for (int in : nr.inputs()) inputs.add(number[resolve(in)]);
            int out = names.size();
            number[nr.out()] = out;
            names.add(display(nr.out()));
            ordered.add(nr.withInputs(inputs, out));
        }
        List<Terminal> newIns = ins.stream().map(t -> renumber(t, number)).toList();
        List<Terminal> newOuts = outs.stream().map(t -> renumber(t, number)).toList();
        String name = ref.args().isEmpty() ? ref.name() : rootPath;
        return new Netlist(name, newIns, newOuts, ordered, consts, new ArrayList<>(params.values()), names);
    }

    private Terminal renumber(Terminal t, int[] number) {
        return new Terminal(t.name(), t.bus(), t.nets().stream().map(n -> number[resolve(n)]).toList(), t.pos());
    }

    /** Neurons in creation order, each after the neurons it reads (iterative depth-first). */
    private int[] topologicalOrder() {
        int n = neurons.size();
        int[] order = new int[n];
        int count = 0;
        byte[] state = new byte[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) continue;
            int sp = 0;
            stack[0] = root;
            next[0] = 0;
            state[root] = 1;
            while (sp >= 0) {
                int v = stack[sp];
                List<Integer> ins = neurons.get(v).inputs();
                if (next[sp] < ins.size()) {
                    int src = resolve(ins.get(next[sp]++));
                    if (drivers.get(src) instanceof Driver.ByNeuron d && state[d.neuron()] == 0) {
                        state[d.neuron()] = 1;
                        stack[++sp] = d.neuron();
                        next[sp] = 0;
                    }
                } else {
                    state[v] = 2;
                    order[count++] = v;
                    sp--;
                }
            }
        }
        return order;
    }

    // ---- small helpers ---------------------------------------------------------------------

    private static Expr unparen(Expr e) {
        while (e instanceof Expr.Paren p) e = p.inner();
        return e;
    }

    private static List<Integer> boxed(int[] nets) {
        return Arrays.stream(nets).boxed().toList();
    }

    private static String portNames(List<Port> ports) {
        return ports.stream().map(p -> p.isBus() ? p.name() + "[]" : p.name()).collect(Collectors.joining(", "));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String bits(List<int[]> targets) {
        return count(targets.stream().mapToInt(t -> t.length).sum(), "signal");
    }
}
