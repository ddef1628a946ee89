package dev.circuit.elab;

import dev.circuit.ast.Expr;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Param;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
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
    }

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
    void addNeuron(String path, Linearizer.Shape shape, IntUnaryOperator netOf, int out, Pos pos) {
        budget.spend(1 + shape.z().terms().size(), pos);
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

    /**
     * Reports combinational cycles (each printed as a loop with positions) and read-but-undriven nets;
     * {@code root} is the top instance's path, left off the names in messages.
     */
    void findCycles(String root) {
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
        diags.add(Diagnostic.error(driverPos(loop.get(0)), "combinational cycle: " + text).withNotes(notes));
    }

    /** A net's name relative to the top circuit, whose path is {@code root}. */
    private String display(int net, String root) {
        String name = netNames.get(net);
        return name.startsWith(root + "/") ? name.substring(root.length() + 1) : name;
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
        List<Terminal> newIns = ins.stream().map(t -> renumber(t, number)).toList();
        List<Terminal> newOuts = outs.stream().map(t -> renumber(t, number)).toList();
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
