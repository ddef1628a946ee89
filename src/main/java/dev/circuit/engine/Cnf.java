package dev.circuit.engine;

import dev.circuit.model.Netlist;
import dev.circuit.model.Prop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A check as a SAT problem: the gate network of a circuit and its property (the one the bit-parallel
 * engine runs) in conjunctive normal form by the Tseitin encoding, plus one unit clause saying the
 * property is 0. The formula is satisfiable exactly when some input row fails the check, and a
 * model's input variables are that row. Only the gates the property reads are encoded. Wide
 * neurons are not gates but threshold constraints ({@link WideNeurons}, {@link ThresholdCnf}).
 *
 * <p>Literals are DIMACS-style: variable v &gt; 0 is the literal v, its negation -v. Variable 1 is
 * constant true; input bit i (netlist order: terminals in order, bus bits LSB first) is variable
 * i + 2, whether or not the property reads it, so a model always spells a whole input row.
 */
public final class Cnf {
    private static final int TRUE_VAR = 1;

    private final int inputBits;
    private final int variables;
    private final int gates;
    private final int thresholds;
    private final List<int[]> clauses;

    private Cnf(int inputBits, int variables, int gates, int thresholds, List<int[]> clauses) {
        this.inputBits = inputBits;
        this.variables = variables;
        this.gates = gates;
        this.thresholds = thresholds;
        this.clauses = List.copyOf(clauses);
    }

    /**
     * The miter of a Boolean circuit and a property, or null when the gate network cannot be built
     * exactly (then no gate engine applies and the scalar engine is the only exact one). Neurons
     * with {@link WideNeurons#MIN_FAN_IN} inputs or more are encoded as threshold constraints.
     */
    public static Cnf miter(Netlist net, Prop property) {
        return miter(net, property, WideNeurons.MIN_FAN_IN);
    }

    /** {@link #miter(Netlist, Prop)} keeping the neurons with at least {@code minFanIn} inputs as threshold constraints. */
    static Cnf miter(Netlist net, Prop property, int minFanIn) {
        WideNeurons wide = WideNeurons.keeping(minFanIn, net.inputBits(), net);
        BitParallel.Network n = BitParallel.synthesise(net, property, wide);
        Cnf cnf = n == null ? null : encode(n.gates(), n.property(), wide);
        // A decision diagram too large for its budget: the wide neurons as gates instead (those
        // whose weights do not fit in longs stay constraints, as no gates are built for them).
        if (cnf == null && minFanIn != Integer.MAX_VALUE) return miter(net, property, Integer.MAX_VALUE);
        return cnf;
    }

    /**
     * The network in CNF; the neurons {@code wide} kept are encoded by {@link ThresholdCnf}, each
     * defining the network input that stands for its output. Null when a kept neuron's decision
     * diagram exceeds {@link ThresholdCnf#MAX_NODES}.
     */
    static Cnf encode(Gates g, int property, WideNeurons wide) {
        int first = g.firstGate();
        int signals = g.signalCount();
        Map<Integer, WideNeurons.Kept> keptAt = new HashMap<>();
        for (WideNeurons.Kept k : wide.kept()) keptAt.put(k.signal(), k);
        boolean[] live = cone(g, property, keptAt);
        int inputBits = wide.circuitInputs();
        int[] lit = new int[signals];
        lit[Gates.TRUE] = TRUE_VAR;
        lit[Gates.FALSE] = -TRUE_VAR;
        for (int i = 0; i < inputBits; i++) lit[g.input(i)] = i + 2;
        int[] next = {inputBits + 2};
        for (int i = inputBits; i < g.inputCount(); i++) if (live[g.input(i)]) lit[g.input(i)] = next[0]++;
        List<int[]> clauses = new ArrayList<>();
        clauses.add(new int[] {TRUE_VAR});
        int gates = 0;
        for (int s = first; s < signals; s++) {
            if (!live[s]) continue;
            int k = s - first;
            int o = next[0]++;
            lit[s] = o;
            gates++;
            gate(clauses, g.op(k), o, lit[g.a(k)], lit[g.b(k)]);
        }
        int thresholds = 0;
        for (WideNeurons.Kept k : wide.kept()) {
            if (!live[k.signal()]) continue;
            int[] ins = Arrays.stream(k.inputs()).map(s -> lit[s]).toArray();
            int r = ThresholdCnf.encode(k.form().weights(), k.form().threshold(), ins, TRUE_VAR, () -> next[0]++, clauses);
            if (r == ThresholdCnf.GAVE_UP) return null;
            thresholds++;
            int o = lit[k.signal()];
            clauses.add(new int[] {-o, r});
            clauses.add(new int[] {o, -r});
        }
        // The miter: some row where the property is 0.
        clauses.add(new int[] {-lit[property]});
        return new Cnf(inputBits, next[0] - 1, gates, thresholds, clauses);
    }

    /** The signals {@code property} depends on, through gates and through the kept neurons' inputs. */
    private static boolean[] cone(Gates g, int property, Map<Integer, WideNeurons.Kept> keptAt) {
        int first = g.firstGate();
        boolean[] live = new boolean[g.signalCount()];
        Deque<Integer> todo = new ArrayDeque<>();
        live[property] = true;
        todo.push(property);
        while (!todo.isEmpty()) {
            int s = todo.pop();
            int[] reads;
            if (s >= first) {
                reads = new int[] {g.a(s - first), g.b(s - first)};
            } else {
                WideNeurons.Kept k = keptAt.get(s);
                if (k == null) continue;
                reads = k.inputs();
            }
            for (int r : reads) {
                if (live[r]) continue;
                live[r] = true;
                todo.push(r);
            }
        }
        return live;
    }

    /**
     * The clauses of o = op(a, b). Every kind is an AND or an XOR with negated literals (OR(a, b) is
     * NOT AND(NOT a, NOT b)), so only two definitions need to be right.
     */
    private static void gate(List<int[]> out, Op op, int o, int a, int b) {
        switch (op) {
            case AND: and(out, o, a, b); break;
            case NAND: and(out, -o, a, b); break;
            case OR: and(out, -o, -a, -b); break;
            case NOR: and(out, o, -a, -b); break;
            case ANDN: and(out, o, a, -b); break;
            case ORN: and(out, -o, -a, b); break;
            case XOR: xor(out, o, a, b); break;
            case XNOR: xor(out, -o, a, b); break;
            case NOT:
                out.add(new int[] {o, a});
                out.add(new int[] {-o, -a});
                break;
            default: throw new IllegalStateException("gate " + op);
        }
    }

    /** o = a AND b. */
    private static void and(List<int[]> out, int o, int a, int b) {
        out.add(new int[] {-o, a});
        out.add(new int[] {-o, b});
        out.add(new int[] {o, -a, -b});
    }

    /** o = a XOR b. */
    private static void xor(List<int[]> out, int o, int a, int b) {
        out.add(new int[] {-o, a, b});
        out.add(new int[] {-o, -a, -b});
        out.add(new int[] {o, -a, b});
        out.add(new int[] {o, a, -b});
    }

    public int inputBits() {
        return inputBits;
    }

    /** The variable of input bit {@code i}. */
    public int inputVariable(int i) {
        if (i < 0 || i >= inputBits) throw new IndexOutOfBoundsException("input " + i);
        return i + 2;
    }

    public int variables() {
        return variables;
    }

    /** The gates encoded: those the property reads. */
    public int gates() {
        return gates;
    }

    /** The neurons encoded as threshold constraints rather than gates: those the property reads. */
    public int thresholds() {
        return thresholds;
    }

    public List<int[]> clauses() {
        return clauses;
    }
}
