package dev.circuit.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A network of two-input gates under construction, with constant folding and structural hashing
 * (the same gate on the same inputs is built once). Signals are numbered: 0 is constant false,
 * 1 constant true, then the primary inputs, then one per gate in creation order, which is a
 * topological order.
 */
public final class Gates {
    public static final int FALSE = 0;
    public static final int TRUE = 1;

    private final int inputs;
    private Op[] ops = new Op[64];
    private int[] as = new int[64];
    private int[] bs = new int[64];
    private int count;
    private final Map<Long, Integer> known = new HashMap<>();

    public Gates(int inputs) {
        this.inputs = inputs;
    }

    public int input(int i) {
        if (i < 0 || i >= inputs) throw new IndexOutOfBoundsException("input " + i);
        return 2 + i;
    }

    public int inputCount() {
        return inputs;
    }

    public int signalCount() {
        return 2 + inputs + count;
    }

    /** The signals {@code signal} depends on, itself included: the gates a property needs. */
    boolean[] cone(int signal) {
        int first = firstGate();
        boolean[] live = new boolean[signalCount()];
        live[signal] = true;
        for (int s = live.length - 1; s >= first; s--) {
            if (!live[s]) continue;
            live[a(s - first)] = true;
            live[b(s - first)] = true;
        }
        return live;
    }

    public int firstGate() {
        return 2 + inputs;
    }

    public Op op(int gate) {
        return ops[gate];
    }

    public int a(int gate) {
        return as[gate];
    }

    public int b(int gate) {
        return bs[gate];
    }

    public int constant(boolean v) {
        return v ? TRUE : FALSE;
    }

    public int not(int a) {
        if (a == FALSE) return TRUE;
        if (a == TRUE) return FALSE;
        if (isGate(a)) {
            int k = a - firstGate();
            // Peepholes: a NOT of a NOT, or of a gate that has a complementary twin.
            switch (ops[k]) {
                case NOT: return as[k];
                case AND: return nand(as[k], bs[k]);
                case NAND: return and(as[k], bs[k]);
                case OR: return nor(as[k], bs[k]);
                case NOR: return or(as[k], bs[k]);
                case XOR: return gate(Op.XNOR, as[k], bs[k]);
                case XNOR: return xor(as[k], bs[k]);
                default: break;
            }
        }
        return gate(Op.NOT, a, a);
    }

    private boolean isGate(int s) {
        return s >= firstGate();
    }

    /** x when s is a NOT gate of x, else -1. */
    private int negated(int s) {
        return isGate(s) && ops[s - firstGate()] == Op.NOT ? as[s - firstGate()] : -1;
    }

    public int and(int a, int b) {
        if (a == FALSE || b == FALSE) return FALSE;
        if (a == TRUE) return b;
        if (b == TRUE || a == b) return a;
        return gate(Op.AND, Math.min(a, b), Math.max(a, b));
    }

    public int or(int a, int b) {
        if (a == TRUE || b == TRUE) return TRUE;
        if (a == FALSE) return b;
        if (b == FALSE || a == b) return a;
        return gate(Op.OR, Math.min(a, b), Math.max(a, b));
    }

    public int xor(int a, int b) {
        if (a == FALSE) return b;
        if (b == FALSE) return a;
        if (a == TRUE) return not(b);
        if (b == TRUE) return not(a);
        if (a == b) return FALSE;
        return gate(Op.XOR, Math.min(a, b), Math.max(a, b));
    }

    public int nand(int a, int b) {
        if (a == FALSE || b == FALSE) return TRUE;
        if (a == TRUE) return not(b);
        if (b == TRUE || a == b) return not(a);
        return gate(Op.NAND, Math.min(a, b), Math.max(a, b));
    }

    public int nor(int a, int b) {
        if (a == TRUE || b == TRUE) return FALSE;
        if (a == FALSE) return not(b);
        if (b == FALSE || a == b) return not(a);
        return gate(Op.NOR, Math.min(a, b), Math.max(a, b));
    }

    public int xnor(int a, int b) {
        return a <= TRUE || b <= TRUE || a == b ? not(xor(a, b)) : gate(Op.XNOR, Math.min(a, b), Math.max(a, b));
    }

    /** a and not b. */
    public int andn(int a, int b) {
        if (b == TRUE || a == FALSE || a == b) return FALSE;
        if (b == FALSE) return a;
        if (a == TRUE) return not(b);
        if (negated(a) >= 0) return nor(negated(a), b);
        if (negated(b) >= 0) return and(a, negated(b));
        return gate(Op.ANDN, a, b);
    }

    /** a or not b. */
    public int orn(int a, int b) {
        if (b == FALSE || a == TRUE || a == b) return TRUE;
        if (b == TRUE) return a;
        if (a == FALSE) return not(b);
        if (negated(a) >= 0) return nand(negated(a), b);
        if (negated(b) >= 0) return or(a, negated(b));
        return gate(Op.ORN, a, b);
    }

    /** s ? t : f. */
    public int mux(int s, int t, int f) {
        if (s == TRUE || t == f) return t;
        if (s == FALSE) return f;
        if (f == FALSE) return and(s, t);
        if (t == TRUE) return or(s, f);
        if (t == FALSE) return andn(f, s);
        if (f == TRUE) return orn(t, s);
        return xor(f, and(s, xor(f, t)));
    }

    private int gate(Op op, int a, int b) {
        long key = ((long) op.ordinal() << 58) ^ ((long) a << 29) ^ b;
        Integer known = this.known.get(key);
        if (known != null && ops[known - firstGate()] == op && as[known - firstGate()] == a && bs[known - firstGate()] == b) {
            return known;
        }
        if (count == ops.length) {
            ops = Arrays.copyOf(ops, count * 2);
            as = Arrays.copyOf(as, count * 2);
            bs = Arrays.copyOf(bs, count * 2);
        }
        ops[count] = op;
        as[count] = a;
        bs[count] = b;
        int signal = firstGate() + count++;
        this.known.put(key, signal);
        return signal;
    }
}
