package dev.circuit.properties;

import dev.circuit.properties.Model.Act;
import dev.circuit.properties.Model.Cell;
import dev.circuit.properties.Model.Def;
import dev.circuit.properties.Model.Inst;
import dev.circuit.properties.Model.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generators of random circuits. Every choice is drawn from QuickTheories' randomness source, so a
 * failing circuit shrinks (fewer inputs, fewer statements, smaller weights) like any built-in value.
 * {@link #draw} and {@link #permutation} are public for the generators in dev.circuit.reference.
 */
public final class Circuits {
    private Circuits() {}

    public static int draw(RandomnessSource in, int lo, int hi) {
        return Generate.range(lo, hi).generate(in);
    }

    /** A flat DAG of NAND and threshold neurons over 1-5 inputs. */
    static Gen<Def> flat() {
        Gen<Def> g = in -> def(in, "top", draw(in, 1, 5), draw(in, 1, 12), List.of(), false);
        return g.describedAs(Model::program);
    }

    /**
     * A top circuit over 1-5 inputs that instantiates level-2 circuits, which instantiate level-1
     * circuits (made of neurons only): two levels of hierarchy below the top at least once.
     */
    static Gen<Def> twoLevels() {
        Gen<Def> g = in -> {
            List<Def> level1 = new ArrayList<>();
            for (int i = draw(in, 1, 2); i > 0; i--) level1.add(def(in, "leaf" + level1.size(), draw(in, 1, 3), draw(in, 1, 4), List.of(), false));
            List<Def> level2 = new ArrayList<>();
            for (int i = draw(in, 1, 2); i > 0; i--) level2.add(def(in, "mid" + level2.size(), draw(in, 1, 3), draw(in, 1, 4), level1, true));
            List<Def> both = new ArrayList<>(level2);
            both.addAll(level1);
            return def(in, "top", draw(in, 1, 5), draw(in, 1, 5), both, true);
        };
        return g.describedAs(Model::program);
    }

    /**
     * One definition with {@code inputs} inputs and {@code stmts} statements; with {@code callees},
     * statements may be instances of them, and when {@code forceInst} the first one is (an instance
     * of the first callee, so a top always reaches the deepest level).
     */
    static Def def(RandomnessSource in, String name, int inputs, int stmts, List<Def> callees, boolean forceInst) {
        List<Stmt> body = new ArrayList<>();
        int signals = inputs;
        for (int s = 0; s < stmts; s++) {
            Stmt st;
            boolean inst = !callees.isEmpty() && (s == 0 && forceInst || draw(in, 0, 2) == 0);
            if (inst) {
                Def callee = s == 0 && forceInst ? callees.get(0) : callees.get(draw(in, 0, callees.size() - 1));
                int[] args = new int[callee.inputs()];
                for (int k = 0; k < args.length; k++) args[k] = arg(in, signals);
                st = new Inst(callee, args);
            } else {
                st = cell(in, signals);
            }
            body.add(st);
            signals += st.produces();
        }
        // Outputs: a non-empty set of distinct produced signals, in signal order.
        List<Integer> outs = new ArrayList<>();
        for (int sig = inputs; sig < signals; sig++) if (draw(in, 0, 2) == 0) outs.add(sig);
        if (outs.isEmpty()) outs.add(signals - 1);
        return new Def(name, inputs, body, outs.stream().mapToInt(Integer::intValue).toArray());
    }

    static Cell cell(RandomnessSource in, int signals) {
        Act act = Act.values()[draw(in, 0, Act.values().length - 1)];
        int fanIn = act == Act.NAND ? 2 : draw(in, 1, 3);
        int[] args = new int[fanIn];
        int[] w = new int[fanIn];
        for (int k = 0; k < fanIn; k++) {
            args[k] = arg(in, signals);
            w[k] = draw(in, -3, 3);
        }
        return new Cell(act, args, w, draw(in, -3, 3));
    }

    /** An earlier signal, or now and then a constant 0 or 1. */
    static int arg(RandomnessSource in, int signals) {
        int r = draw(in, 0, signals + 1);
        return r < signals ? r : r == signals ? Model.ZERO : Model.ONE;
    }

    /** A random permutation of 0..n-1 drawn from the source (Fisher-Yates), so it shrinks too. */
    public static int[] permutation(RandomnessSource in, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = draw(in, 0, i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static <T> List<T> permuted(List<T> xs, int[] order) {
        List<T> out = new ArrayList<>();
        for (int i : order) out.add(xs.get(i));
        return out;
    }
}
