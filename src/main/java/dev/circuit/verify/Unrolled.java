package dev.circuit.verify;

import dev.circuit.elab.BoundCheck;
import dev.circuit.model.BinaryOp;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Prop;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.List;

/**
 * A check over cycles of a circuit with flip-flops, unrolled into one combinational check: k copies
 * of the logic, cycle t's flip-flop outputs being cycle t-1's flip-flop inputs (the initial values
 * in cycle 0), and one property that holds when the check's property holds in every cycle from
 * {@code history} on. Its inputs are every cycle's inputs, cycle 0's first (most significant), so
 * row r of the unrolled circuit is the r-th input sequence in the order {@link SequenceCheck}
 * visits them. Any combinational engine then runs it: the bit-parallel one checks 64 input
 * sequences per machine word, and SAT proves bounded properties past enumeration.
 *
 * <p>Feedback wires settle by iteration, which unrolls into no fixed network: a circuit with them
 * is not unrolled ({@link #of} returns null) and runs on the scalar simulator.
 */
record Unrolled(Netlist net, Prop property) {
    /** Unrolled circuits larger than this are not built: the scalar simulator needs no copy. */
    static final long MAX_NEURONS = 20_000_000;

    static Unrolled of(BoundCheck c) {
        Netlist s = c.net();
        int k = c.cycles();
        if (s.hasFeedback() || (long) s.neurons().size() * k > MAX_NEURONS) return null;
        List<String> names = new ArrayList<>();
        List<Terminal> ins = new ArrayList<>();
        int[][] map = new int[k][s.netCount()];
        for (int t = 0; t < k; t++) {
            for (Terminal term : s.inputs()) {
                List<Integer> nets = new ArrayList<>();
                for (int n : term.nets()) {
                    map[t][n] = names.size();
                    nets.add(names.size());
                    names.add(s.netNames().get(n) + "@" + t);
                }
                ins.add(new Terminal(term.name() + "@" + t, term.bus(), nets, term.pos()));
            }
        }
        List<Netlist.Constant> consts = new ArrayList<>();
        int zero = -1;
        int one = -1;
        for (Netlist.Constant cst : s.constants()) {
            int at = names.size();
            names.add(s.netNames().get(cst.net()));
            consts.add(new Netlist.Constant(at, cst.value()));
            for (int t = 0; t < k; t++) map[t][cst.net()] = at;
            if (cst.value() == 0) zero = at;
            if (cst.value() == 1) one = at;
        }
        if (zero < 0) {
            zero = names.size();
            names.add("0");
            consts.add(new Netlist.Constant(zero, 0));
        }
        if (one < 0) {
            one = names.size();
            names.add("1");
            consts.add(new Netlist.Constant(one, 1));
        }
        List<Neuron> neurons = new ArrayList<>(s.neurons().size() * k);
        for (int t = 0; t < k; t++) {
            for (StateBit b : s.state()) map[t][b.q()] = t == 0 ? (b.init() ? one : zero) : map[t - 1][b.d()];
            for (Neuron n : s.neurons()) {
                List<Integer> inputs = new ArrayList<>(n.fanIn());
                for (int in : n.inputs()) inputs.add(map[t][in]);
                map[t][n.out()] = names.size();
                names.add(s.netNames().get(n.out()) + "@" + t);
                neurons.add(n.withInputs(inputs, map[t][n.out()]));
            }
        }
        List<Terminal> outs = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (Terminal term : s.outputs()) {
                List<Integer> nets = new ArrayList<>();
                for (int n : term.nets()) nets.add(map[t][n]);
                outs.add(new Terminal(term.name() + "@" + t, term.bus(), nets, term.pos()));
            }
        }
        Netlist net = new Netlist(s.name() + "@" + k, ins, outs, neurons, consts, s.params(), names);
        Prop all = null;
        for (int t = c.history(); t < k; t++) {
            Prop p = at(c.property(), t, s, k);
            Prop holds = new Prop.Binary(BinaryOp.NE, p, new Prop.Const(0, "0", p.pos()), p.text(), p.pos());
            all = all == null ? holds : new Prop.Binary(BinaryOp.AND, all, holds, p.text(), p.pos());
        }
        return new Unrolled(net, all);
    }

    /** The property as read in cycle {@code t}: terminal {@code b*T + i} is terminal i of cycle t-b. */
    private static Prop at(Prop p, int t, Netlist s, int k) {
        int terms = s.terminals().size();
        int nIn = s.inputs().size();
        int nOut = s.outputs().size();
        return p.accept(new Prop.Visitor<Prop>() {
            @Override public Prop term(Prop.Term x) {
                int cycle = t - x.terminal() / terms;
                int i = x.terminal() % terms;
                int idx = i < nIn ? cycle * nIn + i : k * nIn + cycle * nOut + (i - nIn);
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
