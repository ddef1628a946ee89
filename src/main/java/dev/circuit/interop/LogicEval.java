package dev.circuit.interop;

import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates a gate netlist by the gates' own Boolean meaning: the independent reference an import
 * is checked against. Assumes the netlist passed {@link LogicCheck} (no cycles, every signal driven).
 * Flip-flops hold a state: {@link #run} reads the outputs of the current cycle, {@link #clock} ends it.
 */
public final class LogicEval {
    private final Map<String, Logic.Node> driver = new HashMap<>();
    private final Logic logic;
    /** Each flip-flop's output in the current cycle, in latch order. */
    private final boolean[] state;
    private Map<String, Boolean> last;

    public LogicEval(Logic logic) {
        this.logic = logic;
        for (Logic.Node n : logic.nodes()) driver.put(n.out(), n);
        state = new boolean[logic.latches().size()];
        for (int i = 0; i < state.length; i++) state[i] = logic.latches().get(i).init();
    }

    /** Output values, in output order, for input values in input order, in the current cycle. */
    public boolean[] run(boolean[] inputs) {
        Map<String, Boolean> v = new HashMap<>();
        for (int i = 0; i < inputs.length; i++) v.put(logic.inputs().get(i).name(), inputs[i]);
        for (int i = 0; i < state.length; i++) v.put(logic.latches().get(i).out(), state[i]);
        boolean[] out = new boolean[logic.outputs().size()];
        for (int i = 0; i < out.length; i++) out[i] = value(logic.outputs().get(i).name(), v);
        last = v;
        return out;
    }

    /** The clock edge after {@link #run}: every flip-flop takes its input's value in that cycle, all at once. */
    public void clock() {
        boolean[] next = new boolean[state.length];
        for (int i = 0; i < state.length; i++) next[i] = value(logic.latches().get(i).in(), last);
        System.arraycopy(next, 0, state, 0, state.length);
    }

    private boolean value(String signal, Map<String, Boolean> v) {
        Boolean known = v.get(signal);
        if (known != null) return known;
        Logic.Node n = driver.get(signal);
        boolean[] in = new boolean[n.ins().size()];
        for (int i = 0; i < in.length; i++) in[i] = value(n.ins().get(i), v);
        boolean r = apply(n.f(), in);
        v.put(signal, r);
        return r;
    }

    static boolean apply(Logic.Function f, boolean[] in) {
        if (f instanceof Logic.Cover c) {
            for (String cube : c.cubes()) if (matches(cube, in)) return c.value();
            return !c.value();
        }
        int ones = 0;
        for (boolean b : in) if (b) ones++;
        return switch ((Logic.Gate) f) {
            case AND -> ones == in.length;
            case NAND -> ones != in.length;
            case OR -> ones > 0;
            case NOR -> ones == 0;
            case XOR -> ones % 2 == 1;
            case XNOR -> ones % 2 == 0;
            case NOT -> !in[0];
            case BUFF -> in[0];
        };
    }

    private static boolean matches(String cube, boolean[] in) {
        for (int i = 0; i < in.length; i++) {
            char c = cube.charAt(i);
            if (c == '1' && !in[i] || c == '0' && in[i]) return false;
        }
        return true;
    }
}
