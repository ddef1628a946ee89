package dev.circuit.eval;

import dev.circuit.model.Netlist;
import dev.circuit.model.StateBit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a circuit with state cycle by cycle: the scalar reference for sequential circuits, as
 * {@link Evaluator} (which it drives) is for combinational ones.
 *
 * <p>A cycle: the inputs are applied and the logic settles; the outputs are read; then the clock
 * edge that ends the cycle loads every flip-flop with its input. Settling evaluates the neurons in
 * order with every state output held; when the circuit has feedback wires, each then takes the value
 * now driving it (one unit delay, all at once), and the neurons run again, until no feedback wire
 * changes. A loop still changing after {@link #settleLimit} steps oscillates: {@link Oscillation}
 * names the wires still changing, never a hang. Not thread-safe.
 */
public final class Simulator {
    /** A loop that did not settle: which feedback wires were still changing, and in which cycle. */
    public static final class Oscillation extends RuntimeException {
        private final transient List<StateBit> wires;
        private final long cycle;
        private final int steps;

        Oscillation(List<StateBit> wires, long cycle, int steps) {
            super(null, null, false, false);
            this.wires = List.copyOf(wires);
            this.cycle = cycle;
            this.steps = steps;
        }

        /** The feedback wires that changed in the last step. */
        public List<StateBit> wires() {
            return wires;
        }

        public long cycle() {
            return cycle;
        }

        @Override public String getMessage() {
            return "the loop through " + String.join(", ", wires.stream().map(StateBit::path).toList())
                    + " does not settle: still changing after " + steps + " unit-delay steps (it oscillates)";
        }
    }

    private final Netlist net;
    private final Evaluator ev;
    private final double[] nets;
    private final int[] flopQ;
    private final int[] flopD;
    private final int[] fbQ;
    private final int[] fbD;
    private final double[] flopNext;
    private final double[] fbNext;
    private final int settleLimit;
    private long cycle;

    public Simulator(Netlist net, double[] params) {
        this.net = net;
        this.ev = new Evaluator(net, params);
        this.nets = ev.newState();
        List<StateBit> flops = new ArrayList<>();
        List<StateBit> fbs = new ArrayList<>();
        for (StateBit s : net.state()) (s.kind() == StateBit.Kind.FLIP_FLOP ? flops : fbs).add(s);
        flopQ = flops.stream().mapToInt(StateBit::q).toArray();
        flopD = flops.stream().mapToInt(StateBit::d).toArray();
        fbQ = fbs.stream().mapToInt(StateBit::q).toArray();
        fbD = fbs.stream().mapToInt(StateBit::d).toArray();
        flopNext = new double[flopQ.length];
        fbNext = new double[fbQ.length];
        settleLimit = settleLimit(fbQ.length);
        reset();
    }

    /**
     * How many unit-delay steps a loop may take to settle: a change crosses at most every feedback
     * wire once on its way through a settling circuit, so four times their number (and at least 64)
     * leaves ample room; a loop past it is periodic, not slow.
     */
    public static int settleLimit(int feedbackWires) {
        return Math.max(64, 4 * feedbackWires);
    }

    /** The settle limit of {@code net}'s feedback wires: what every engine that settles them allows. */
    public static int settleLimit(Netlist net) {
        return settleLimit((int) net.state().stream().filter(s -> s.kind() == StateBit.Kind.FEEDBACK).count());
    }

    public Netlist netlist() {
        return net;
    }

    /** Back to cycle 0: every flip-flop and feedback wire holds its initial value. */
    public void reset() {
        java.util.Arrays.fill(nets, 0);
        for (StateBit s : net.state()) nets[s.q()] = s.init() ? 1 : 0;
        cycle = 0;
    }

    /** Copies the state (each state bit's output, in {@code Netlist.state()} order) into {@code into}. */
    public void saveState(double[] into) {
        List<StateBit> st = net.state();
        for (int i = 0; i < st.size(); i++) into[i] = nets[st.get(i).q()];
    }

    /** Puts back a state saved by {@link #saveState}, as the state at the start of cycle {@code atCycle}. */
    public void loadState(double[] from, long atCycle) {
        List<StateBit> st = net.state();
        for (int i = 0; i < st.size(); i++) nets[st.get(i).q()] = from[i];
        cycle = atCycle;
    }

    /** The cycle about to run or running: 0 after {@link #reset}. */
    public long cycle() {
        return cycle;
    }

    /**
     * Applies {@code inputs} (one value per input bit, as {@link Evaluator#run} lays them out) and
     * settles the logic; returns every net's value (the array is reused: copy what must outlive the
     * next call). The trace, when given, sees each neuron of the last settle step.
     */
    public double[] settle(double[] inputs, Evaluator.Trace trace) {
        int steps = 0;
        while (true) {
            ev.run(inputs, nets, fbQ.length == 0 || steps > 0 ? trace : null);
            if (fbQ.length == 0) return nets;
            boolean changed = false;
            for (int i = 0; i < fbQ.length; i++) {
                fbNext[i] = nets[fbD[i]];
                changed |= fbNext[i] != nets[fbQ[i]];
            }
            if (!changed) {
                if (steps == 0 && trace != null) ev.run(inputs, nets, trace);
                return nets;
            }
            if (++steps > settleLimit) {
                List<StateBit> moving = new ArrayList<>();
                List<StateBit> fbs = net.state().stream().filter(s -> s.kind() == StateBit.Kind.FEEDBACK).toList();
                for (int i = 0; i < fbQ.length; i++) if (fbNext[i] != nets[fbQ[i]]) moving.add(fbs.get(i));
                throw new Oscillation(moving, cycle, settleLimit);
            }
            for (int i = 0; i < fbQ.length; i++) nets[fbQ[i]] = fbNext[i];
        }
    }

    /** The clock edge that ends the cycle: every flip-flop takes its input, all at once. */
    public void clock() {
        for (int i = 0; i < flopQ.length; i++) flopNext[i] = nets[flopD[i]];
        for (int i = 0; i < flopQ.length; i++) nets[flopQ[i]] = flopNext[i];
        cycle++;
    }

    /** One whole cycle: settle with {@code inputs}, read the outputs, clock. Returns the outputs read. */
    public double[] step(double[] inputs) {
        settle(inputs, null);
        double[] out = ev.outputBits(nets);
        clock();
        return out;
    }

    /** One value per output bit of the last settled cycle (terminal order, bus bits LSB first). */
    public double[] outputBits() {
        return ev.outputBits(nets);
    }
}
