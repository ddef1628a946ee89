package dev.circuit.engine;

import dev.circuit.model.Netlist;
import dev.circuit.model.Prop;
import java.util.ArrayList;
import java.util.List;

/**
 * A check as a SAT problem: the gate network of a circuit and its property (the one the bit-parallel
 * engine runs) in conjunctive normal form by the Tseitin encoding, plus one unit clause saying the
 * property is 0. The formula is satisfiable exactly when some input row fails the check, and a
 * model's input variables are that row. Only the gates the property reads are encoded.
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
    private final List<int[]> clauses;

    private Cnf(int inputBits, int variables, int gates, List<int[]> clauses) {
        this.inputBits = inputBits;
        this.variables = variables;
        this.gates = gates;
        this.clauses = List.copyOf(clauses);
    }

    /**
     * The miter of a Boolean circuit and a property, or null when the gate network cannot be built
     * exactly (then no gate engine applies and the scalar engine is the only exact one).
     */
    public static Cnf miter(Netlist net, Prop property) {
        BitParallel.Network n = BitParallel.synthesise(net, property);
        return n == null ? null : encode(n.gates(), n.property());
    }

    static Cnf encode(Gates g, int property) {
        int first = g.firstGate();
        int signals = g.signalCount();
        boolean[] live = g.cone(property);
        int[] lit = new int[signals];
        lit[Gates.TRUE] = TRUE_VAR;
        lit[Gates.FALSE] = -TRUE_VAR;
        for (int i = 0; i < g.inputCount(); i++) lit[g.input(i)] = i + 2;
        int next = g.inputCount() + 2;
        List<int[]> clauses = new ArrayList<>();
        clauses.add(new int[] {TRUE_VAR});
        int gates = 0;
        for (int s = first; s < signals; s++) {
            if (!live[s]) continue;
            int k = s - first;
            int o = next++;
            lit[s] = o;
            gates++;
            gate(clauses, g.op(k), o, lit[g.a(k)], lit[g.b(k)]);
        }
        // The miter: some row where the property is 0.
        clauses.add(new int[] {-lit[property]});
        return new Cnf(g.inputCount(), next - 1, gates, clauses);
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

    public List<int[]> clauses() {
        return clauses;
    }
}
