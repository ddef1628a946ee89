package dev.circuit.verify;

import dev.circuit.elab.BoundCheck;
import dev.circuit.model.BinaryOp;
import dev.circuit.model.Netlist;
import dev.circuit.model.Prop;
import dev.circuit.model.Unrolling;

/**
 * A check over cycles of a circuit with flip-flops, unrolled into one combinational check: the
 * circuit's {@link Unrolling} and one property that holds when the check's property holds in every cycle from
 * {@code history} on. Its inputs are every cycle's inputs, cycle 0's first (most significant), so
 * row r of the unrolled circuit is the r-th input sequence in the order {@link SequenceCheck}
 * visits them. Any combinational engine then runs it: the bit-parallel one checks 64 input
 * sequences per machine word, and SAT proves bounded properties past enumeration.
 *
 * <p>A circuit with feedback wires has no unrolling ({@link #of} returns null) and runs on the scalar simulator.
 */
record Unrolled(Netlist net, Prop property) {
    /** Unrolled circuits larger than this are not built: the scalar simulator needs no copy. */
    static final long MAX_NEURONS = 20_000_000;

    static Unrolled of(BoundCheck c) {
        Netlist s = c.net();
        int k = c.cycles();
        if ((long) s.neurons().size() * k > MAX_NEURONS) return null;
        Unrolling u = Unrolling.of(s, k);
        if (u == null) return null;
        Prop all = null;
        for (int t = c.history(); t < k; t++) {
            Prop p = at(c.property(), t, u);
            Prop holds = new Prop.Binary(BinaryOp.NE, p, new Prop.Const(java.math.BigInteger.ZERO, "0", p.pos()), p.text(), p.pos());
            all = all == null ? holds : new Prop.Binary(BinaryOp.AND, all, holds, p.text(), p.pos());
        }
        return new Unrolled(u.net(), all);
    }

    /** The property as read in cycle {@code t}: terminal {@code b*T + i} is terminal i of cycle t-b. */
    private static Prop at(Prop p, int t, Unrolling u) {
        int terms = u.original().terminals().size();
        return p.accept(new Prop.Visitor<Prop>() {
            @Override public Prop term(Prop.Term x) {
                int idx = u.terminal(t - x.terminal() / terms, x.terminal() % terms);
                return new Prop.Term(idx, x.lo(), x.width(), x.text(), x.pos());
            }

            @Override public Prop constant(Prop.Const c) {
                return c;
            }

            @Override public Prop concat(Prop.Concat c) {
                return new Prop.Concat(c.parts().stream().map(q -> q.accept(this)).toList(), c.text(), c.pos());
            }

            @Override public Prop unary(Prop.Unary u) {
                return new Prop.Unary(u.op(), u.operand().accept(this), u.text(), u.pos());
            }

            @Override public Prop binary(Prop.Binary b) {
                return new Prop.Binary(b.op(), b.left().accept(this), b.right().accept(this), b.text(), b.pos());
            }

            @Override public Prop ternary(Prop.Ternary x) {
                return new Prop.Ternary(x.cond().accept(this), x.then().accept(this), x.otherwise().accept(this), x.text(), x.pos());
            }
        });
    }
}
