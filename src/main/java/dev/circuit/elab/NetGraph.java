package dev.circuit.elab;

import dev.circuit.ast.Expr;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Param;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The graph of one top circuit while it is built: nets (by id, with names and positions), what drives
 * each, the neurons, the shared constants and the learnable parameters. Nets get at most one driver
 * each. Once the whole tree is in, {@link #findCycles} looks for combinational cycles and undriven
 * reads, and {@link #build} collapses aliases, orders the neurons topologically and numbers the nets.
 * Every walk over the graph is iterative, so a ripple of a million neurons does not overflow the stack.
 */
final class NetGraph {
    private final Diagnostics diags;
    /** Every net and neuron is charged to it as it is made: a design too large stops where it overran. */
    private final Budget budget;
    // Net ids index these lists.
    private final List<String> netNames = new ArrayList<>();
    private final List<Pos> netPos = new ArrayList<>();
    private final List<Driver> drivers = new ArrayList<>();
    private final List<Neuron> neurons = new ArrayList<>();
    private final Map<BigDecimal, Integer> constants = new LinkedHashMap<>();
    private final Map<String, Param> params = new LinkedHashMap<>();
    /** Nets assigned by a statement that was reported as an error: not reported again as undriven. */
    private final BitSet excused = new BitSet();
    /** Nets driven inside an instance, by the statement that assigns them in the enclosing circuit. */
    private final Map<Integer, Pos> assignedAt = new HashMap<>();

    /** What drives a net. */
    private sealed interface Driver {
        Pos pos();

        record Input(Pos pos) implements Driver {}

        record Const(BigDecimal value, Pos pos) implements Driver {}

        record ByNeuron(int neuron, Pos pos) implements Driver {}

        record Alias(int source, Pos pos) implements Driver {}

        /** {@code q = dff(d)}: the net is a flip-flop's output, read like an input. */
        record FlipFlop(int d, boolean init, Pos pos) implements Driver {}

        /** A feedback wire's value within the cycle; {@code d} is what drives it, one settle step later. */
        record Feedback(int d, boolean init, Pos pos) implements Driver {}
    }

    /** A feedback wire before {@link #splitFeedback} makes it a state bit: its initial value and declaration. */
    private record FeedbackMark(boolean init, Pos pos) {}

    /** Nets declared {@code feedback}, in declaration order. */
    private final Map<Integer, FeedbackMark> feedback = new LinkedHashMap<>();

    NetGraph(Diagnostics diags, Budget budget) {
        this.diags = diags;
        this.budget = budget;
    }

    // ---- nets and drivers ------------------------------------------------------------------

    int newNet(String name, Pos pos) {
        budget.spend(1, pos);
        return addNet(name, pos);
    }

    private int addNet(String name, Pos pos) {
        netNames.add(name);
        netPos.add(pos);
        drivers.add(null);
        return netNames.size() - 1;
    }

    int[] newNets(String name, int width, boolean bus, Pos pos) {
        // A bad width (-1) was reported where it was found; no nets, and the stage stops at its next check.
        int[] nets = new int[Math.max(width, 0)];
        budget.spend(nets.length, pos);
        for (int i = 0; i < width; i++) nets[i] = addNet(bus ? name + "[" + i + "]" : name, pos);
        return nets;
    }

    /** The net holding constant {@code v}: one per value, shared by every reader. */
    int constNet(BigDecimal v, Pos pos) {
        BigDecimal key = v.stripTrailingZeros();
        Integer net = constants.get(key);
        if (net == null) {
            net = newNet(key.toPlainString(), pos);
            drivers.set(net, new Driver.Const(key, pos));
            constants.put(key, net);
        }
        return net;
    }

    String name(int net) {
        return netNames.get(net);
    }

    /** Marks {@code net} as an input of the top circuit. */
    void input(int net, Pos pos) {
        drivers.set(net, new Driver.Input(pos));
    }

    boolean isDriven(int net) {
        return drivers.get(net) != null;
    }

    /** Says that {@code net} is not "never driven": the statement that assigns it was reported already. */
    void excuse(int net) {
        excused.set(net);
    }

    boolean isExcused(int net) {
        return excused.get(net);
    }

    /** Records that {@code net}, driven inside an instance, is assigned by the statement at {@code pos}. */
    void assignedAt(int net, Pos pos) {
        assignedAt.put(net, pos);
    }

    /** Where a net is driven, as the user sees it: the statement that assigns it in the outermost circuit. */
    Pos driverPos(int net) {
        Pos at = assignedAt.get(net);
        return at != null ? at : drivers.get(net).pos();
    }

    /** Drives {@code net} by the neuron added next; {@code shown} names the net in messages. */
    void driveByNextNeuron(int net, Pos pos, String shown) {
        drive(net, new Driver.ByNeuron(neurons.size(), pos), shown);
    }

    /** Drives {@code q} by a flip-flop that samples {@code d} at each clock edge and holds {@code init} first. */
    void driveByFlipFlop(int q, int d, boolean init, Pos pos) {
        budget.spend(1, pos);
        drive(q, new Driver.FlipFlop(d, init, pos), netNames.get(q));
    }

    /** Declares {@code net} a feedback wire: a loop through it is meant, and it holds {@code init} first. */
    void markFeedback(int net, boolean init, Pos pos) {
        feedback.put(net, new FeedbackMark(init, pos));
    }

    /**
     * Cuts every loop at its feedback wires: the wire's readers read the state bit (the wire as it
     * was one settle step ago), and its driver now drives a new net, {@code q.next}, which the state
     * bit takes. Called once the whole tree is in, before cycles are looked for.
     */
    private void splitFeedback() {
        for (Map.Entry<Integer, FeedbackMark> e : feedback.entrySet()) {
            int q = e.getKey();
            Driver driver = drivers.get(q);
            if (driver == null || driver instanceof Driver.Feedback) continue; // undriven: reported where it is read
            int next = addNet(netNames.get(q) + ".next", netPos.get(q));
            if (driver instanceof Driver.ByNeuron n) {
                Neuron nr = neurons.get(n.neuron());
                neurons.set(n.neuron(), nr.withInputs(nr.inputs(), next));
            }
            drivers.set(next, driver);
            Pos at = assignedAt.get(q);
            if (at != null) assignedAt.put(next, at);
            drivers.set(q, new Driver.Feedback(next, e.getValue().init(), e.getValue().pos()));
        }
    }

    /** Makes {@code net} another name for {@code source}. */
    void driveAlias(int net, int source, Pos pos) {
        drive(net, new Driver.Alias(source, pos), netNames.get(net));
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

    private static String local(String name) {
        int i = name.lastIndexOf('/');
        return i < 0 ? name : name.substring(i + 1);
    }

    // ---- neurons and parameters --------------------------------------------------------------

    /** The id of a learnable coefficient: one per place in the source, however often it is instantiated. */
    int param(Expr.Learnable l) {
        String key = l.pos().file() + "@" + l.start();
        Param p = params.get(key);
        if (p == null) {
            p = new Param(params.size(), l.init(), l.pos(), l.pos().file(), l.start(), l.end());
            params.put(key, p);
        }
        return p.id();
    }

    /** Adds a neuron whose variable v reads net {@code netOf(v)}. */
    /** A neuron on {@code out}: {@code netOf[v]} is the net of the sum's variable v, or null when the variables are nets already. */
    void addNeuron(String path, Linearizer.Shape shape, int[] netOf, int out, Pos pos) {
        budget.spend(1 + shape.z().terms().size(), pos);
        List<Integer> ins = new ArrayList<>();
        List<Coef> ws = new ArrayList<>();
        for (Affine.Term t : shape.z().terms()) {
            ins.add(netOf == null ? t.var() : netOf[t.var()]);
            ws.add(t.coef());
        }
        if (drivers.get(out) == null) drivers.set(out, new Driver.ByNeuron(neurons.size(), pos));
        neurons.add(new Neuron(path, shape.activation(), out, ins, ws, shape.z().bias(), pos));
    }

    // ---- the whole graph -------------------------------------------------------------------

    /** What each net reads: a neuron's inputs, or an alias's source. */
    private int[] deps(int net) {
        Driver d = drivers.get(net);
        if (d instanceof Driver.ByNeuron n) {
            List<Integer> inputs = neurons.get(n.neuron()).inputs();
            int[] deps = new int[inputs.size()];
            for (int i = 0; i < deps.length; i++) deps[i] = inputs.get(i);
            return deps;
        }
        if (d instanceof Driver.Alias a) return new int[] {a.source()};
        return new int[0];
    }

    /**
     * Reports combinational cycles (each printed as a loop with positions) and read-but-undriven nets;
     * {@code root} is the top instance's path, left off the names in messages.
     */
    void findCycles(String root) {
        splitFeedback();
        // What a flip-flop or a feedback wire takes in is read too, though no path of reads leads there.
        for (int net = 0; net < drivers.size(); net++) {
            int d = stateInput(drivers.get(net));
            if (d >= 0 && drivers.get(d) == null) {
                diags.error(netPos.get(d), "signal '" + display(d, root) + "' is read but never driven");
            }
        }
        int n = netNames.size();
        byte[] state = new byte[n]; // 0 new, 1 on the stack, 2 done
        int[] stack = new int[n];
        int[] next = new int[n];
        int[][] depsOf = new int[n][];
        int cycles = 0;
        for (int start = 0; start < n && cycles < 10; start++) {
            if (state[start] != 0) continue;
            int sp = 0;
            stack[sp] = start;
            next[sp] = 0;
            depsOf[start] = deps(start);
            state[start] = 1;
            while (sp >= 0) {
                int v = stack[sp];
                int[] ds = depsOf[v];
                if (next[sp] < ds.length) {
                    int w = ds[next[sp]++];
                    if (drivers.get(w) == null) {
                        diags.error(netPos.get(w), "signal '" + display(w, root) + "' is read but never driven");
                        continue;
                    }
                    if (state[w] == 1) {
                        reportCycle(stack, sp, w, root);
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

    private void reportCycle(int[] stack, int sp, int w, String root) {
        int from = sp;
        while (stack[from] != w) from--;
        // The stack follows "reads" edges; signals flow the other way, so print it reversed.
        List<Integer> loop = new ArrayList<>();
        for (int i = sp; i >= from; i--) loop.add(stack[i]);
        loop.add(loop.get(0));
        String text = loop.stream().map(net -> display(net, root)).collect(Collectors.joining(" -> "));
        List<Diagnostic> notes = new ArrayList<>();
        for (int i = 1; i < loop.size() - 1; i++) {
            int net = loop.get(i);
            notes.add(Diagnostic.note(driverPos(net), "'" + display(net, root) + "' is driven here"));
        }
        diags.add(Diagnostic.error(driverPos(loop.get(0)), "combinational cycle: " + text
                + " (a loop that is meant, as in a latch, goes through a wire declared 'feedback' or through a dff)").withNotes(notes));
    }

    /** A net's name relative to the top circuit, whose path is {@code root}. */
    private String display(int net, String root) {
        String name = netNames.get(net);
        return name.startsWith(root + "/") ? name.substring(root.length() + 1) : name;
    }

    /** The net a state bit takes in, or -1 when {@code d} does not drive a state bit. */
    private static int stateInput(Driver d) {
        if (d instanceof Driver.FlipFlop f) return f.d();
        if (d instanceof Driver.Feedback f) return f.d();
        return -1;
    }

    private int resolve(int net) {
        int guard = 0;
        while (drivers.get(net) instanceof Driver.Alias a) {
            net = a.source();
            if (++guard > drivers.size()) throw new IllegalStateException("alias loop survived cycle detection");
        }
        return net;
    }

    /**
     * The netlist {@code name}: collapses aliases, orders the neurons topologically and numbers nets
     * (inputs, constants, neurons); {@code root} is the top instance's path, left off net names.
     */
    Netlist build(String name, String root, List<Terminal> ins, List<Terminal> outs) {
        int[] number = new int[netNames.size()];
        Arrays.fill(number, -1);
        List<String> names = new ArrayList<>();
        for (Terminal t : ins) {
            for (int net : t.nets()) {
                number[net] = names.size();
                names.add(display(net, root));
            }
        }
        List<Netlist.Constant> consts = new ArrayList<>();
        for (Map.Entry<BigDecimal, Integer> c : constants.entrySet()) {
            number[c.getValue()] = names.size();
            consts.add(new Netlist.Constant(names.size(), c.getKey().doubleValue()));
            names.add(c.getKey().toPlainString());
        }
        // State outputs next: the neurons read them like inputs.
        List<Integer> stateNets = new ArrayList<>();
        for (int net = 0; net < drivers.size(); net++) {
            if (stateInput(drivers.get(net)) < 0) continue;
            number[net] = names.size();
            names.add(display(net, root));
            stateNets.add(net);
        }
        List<Neuron> ordered = new ArrayList<>(neurons.size());
        for (int i : topologicalOrder()) {
            Neuron nr = neurons.get(i);
            List<Integer> inputs = new ArrayList<>(nr.fanIn());
            for (int in : nr.inputs()) inputs.add(number[resolve(in)]);
            int out = names.size();
            number[nr.out()] = out;
            names.add(display(nr.out(), root));
            ordered.add(nr.withInputs(inputs, out));
        }
        List<StateBit> state = new ArrayList<>();
        for (int net : stateNets) {
            Driver d = drivers.get(net);
            boolean flop = d instanceof Driver.FlipFlop;
            boolean init = flop ? ((Driver.FlipFlop) d).init() : ((Driver.Feedback) d).init();
            state.add(new StateBit(display(net, root), flop ? StateBit.Kind.FLIP_FLOP : StateBit.Kind.FEEDBACK,
                    number[net], number[resolve(stateInput(d))], init, d.pos()));
        }
        return new Netlist(name, renumber(ins, number), renumber(outs, number), ordered, consts, new ArrayList<>(params.values()), names, state);
    }

    // Loops rather than streams here and in deps(): every short run builds a netlist, and each
    // stream or lambda costs its linkage in the interpreter (docs/BENCHMARKS.md, "Start-up").
    private List<Terminal> renumber(List<Terminal> ts, int[] number) {
        List<Terminal> out = new ArrayList<>(ts.size());
        for (Terminal t : ts) {
            List<Integer> nets = new ArrayList<>(t.nets().size());
            for (int n : t.nets()) nets.add(number[resolve(n)]);
            out.add(new Terminal(t.name(), t.bus(), nets, t.pos()));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** Neurons in creation order, each after the neurons it reads (iterative depth-first). */
    private int[] topologicalOrder() {
        int n = neurons.size();
        int[] order = new int[n];
        int count = 0;
        byte[] state = new byte[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) continue;
            int sp = 0;
            stack[0] = start;
            next[0] = 0;
            state[start] = 1;
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
}
