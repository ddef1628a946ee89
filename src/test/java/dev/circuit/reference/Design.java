package dev.circuit.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A random program as written: neurons, subcircuits and the top circuit {@code top}. Each part
 * writes its own {@code .net} text and evaluates itself by the language's definition: a statement
 * runs when its inputs are known (the generator writes them in dataflow order, and the text shuffles
 * them, since order must not matter); an instance of a neuron or circuit evaluates the callee's body
 * on the argument values, which is what a flattened instance must equal.
 */
record Design(List<NeuronDef> neurons, List<CircuitDef> subs, CircuitDef top) {
    Design {
        neurons = List.copyOf(neurons);
        subs = List.copyOf(subs);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (NeuronDef n : neurons) sb.append(n.text());
        for (CircuitDef c : subs) sb.append(c.text());
        return sb.append(top.text()).toString();
    }

    /** {@code neuron n0(p, q) = <cell>}. */
    record NeuronDef(String name, List<String> params, Cell cell) {
        String text() {
            return "neuron " + name + "(" + String.join(", ", params) + ") = " + cell.text() + "\n";
        }

        int run(List<Integer> args, Cell.Tally tally) {
            Map<String, Integer> bits = new HashMap<>();
            for (int i = 0; i < params.size(); i++) bits.put(params.get(i), args.get(i));
            return cell.fires(bits, tally);
        }
    }

    /** One statement of a circuit body; it drives {@link #targets()}. */
    sealed interface Stmt permits Inline, NeuronCall, CircuitCall {
        List<String> targets();

        String text();

        /** Puts the values of the targets into {@code env}, which holds every signal read. */
        void run(Map<String, Integer> env, Cell.Tally tally);
    }

    /** {@code t = <cell>}: an inline neuron. */
    record Inline(String target, Cell cell) implements Stmt {
        @Override public List<String> targets() { return List.of(target); }
        @Override public String text() { return target + " = " + cell.text(); }
        @Override public void run(Map<String, Integer> env, Cell.Tally tally) { env.put(target, cell.fires(env, tally)); }
    }

    /** {@code t = n0(a, 1)}: arguments are signal names or the constants 0 and 1. */
    record NeuronCall(String target, NeuronDef def, List<String> args) implements Stmt {
        @Override public List<String> targets() { return List.of(target); }
        @Override public String text() { return target + " = " + def.name() + "(" + String.join(", ", args) + ")"; }
        @Override public void run(Map<String, Integer> env, Cell.Tally tally) { env.put(target, def.run(values(args, env), tally)); }
    }

    /** {@code (t1, t2) = s0(a, t0)}. */
    record CircuitCall(List<String> targets, CircuitDef def, List<String> args) implements Stmt {
        @Override
        public String text() {
            String lhs = targets.size() == 1 ? targets.get(0) : "(" + String.join(", ", targets) + ")";
            return lhs + " = " + def.name() + "(" + String.join(", ", args) + ")";
        }

        @Override
        public void run(Map<String, Integer> env, Cell.Tally tally) {
            List<Integer> out = def.run(values(args, env), tally);
            for (int i = 0; i < targets.size(); i++) env.put(targets.get(i), out.get(i));
        }
    }

    private static List<Integer> values(List<String> args, Map<String, Integer> env) {
        List<Integer> v = new ArrayList<>();
        for (String a : args) {
            if (a.equals("0") || a.equals("1")) v.add(Integer.parseInt(a));
            else if (env.containsKey(a)) v.add(env.get(a));
            else throw new IllegalStateException("no value for " + a);
        }
        return v;
    }

    /**
     * {@code circuit name(inputs) -> (outputs) { body }}; {@code body} is in dataflow order and
     * {@code textOrder} is the permutation in which the statements are written.
     */
    record CircuitDef(String name, List<String> inputs, List<Stmt> body, List<String> outputs, int[] textOrder) {
        CircuitDef {
            inputs = List.copyOf(inputs);
            body = List.copyOf(body);
            outputs = List.copyOf(outputs);
            textOrder = textOrder.clone();
        }

        String text() {
            String outs = outputs.size() == 1 ? outputs.get(0) : "(" + String.join(", ", outputs) + ")";
            StringBuilder sb = new StringBuilder("circuit " + name + "(" + String.join(", ", inputs) + ") -> " + outs + " {\n");
            for (int i : textOrder) sb.append("    ").append(body.get(i).text()).append('\n');
            return sb.append("}\n").toString();
        }

        List<Integer> run(List<Integer> in, Cell.Tally tally) {
            Map<String, Integer> env = new HashMap<>();
            for (int i = 0; i < inputs.size(); i++) env.put(inputs.get(i), in.get(i));
            for (Stmt s : body) s.run(env, tally);
            List<Integer> out = new ArrayList<>();
            for (String o : outputs) out.add(env.get(o));
            return out;
        }
    }
}
