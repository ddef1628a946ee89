package dev.circuit.stats;

import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes {@link Stats} from a netlist and the definitions its instance paths name. */
public final class Measure {
    private Measure() {}

    public static Stats of(Netlist net, InstanceTypes types) {
        Map<Activation, Integer> byAct = new EnumMap<>(Activation.class);
        int fixed = 0;
        int learnable = 0;
        int fanIn = 0;
        String widest = null;
        int[] level = new int[net.netCount()];
        for (Neuron n : net.neurons()) {
            byAct.merge(n.activation(), 1, Integer::sum);
            for (Coef c : n.weights()) if (c.isFixed()) fixed++; else learnable++;
            for (Coef c : n.bias()) if (c.isFixed()) fixed++; else learnable++;
            if (widest == null || n.fanIn() > fanIn) {
                fanIn = n.fanIn();
                widest = n.path();
            }
            // Neurons come in topological order, so every input's level is final here.
            int l = 0;
            for (int in : n.inputs()) l = Math.max(l, level[in]);
            level[n.out()] = l + 1;
        }
        int depth = 0;
        for (Terminal t : net.outputs()) for (int o : t.nets()) depth = Math.max(depth, level[o]);
        // A flip-flop's input ends a path as an output does: the register-to-register paths of a
        // sequential circuit are its depth, which the outputs alone (often read straight from
        // flip-flops) would hide.
        int flipFlops = 0;
        for (StateBit b : net.state()) {
            if (b.kind() != StateBit.Kind.FLIP_FLOP) continue;
            flipFlops++;
            depth = Math.max(depth, level[b.d()]);
        }

        Map<String, Integer> instances = new HashMap<>();
        Map<String, Integer> named = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Neuron n : net.neurons()) {
            String[] parts = n.path().split("/");
            // parts[0] is the top circuit itself; every later prefix but the last part is an instance.
            String circuit = types.topDefinition(parts[0]);
            StringBuilder path = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                path.append('/').append(parts[i]);
                String callee = circuit == null ? null : types.callee(circuit, parts[i]);
                if (i == parts.length - 1) {
                    if (callee != null) named.merge(callee, 1, Integer::sum);
                } else if (seen.add(path.toString())) {
                    instances.merge(callee == null ? "(unknown)" : callee, 1, Integer::sum);
                }
                circuit = callee;
            }
        }
        return new Stats(net.name(), net.inputs().size(), net.inputBits(), net.outputs().size(),
                net.outputs().stream().mapToInt(Terminal::width).sum(), net.neurons().size(), byAct, fixed, learnable,
                net.params().size(), depth, fanIn, widest, counts(instances), counts(named),
                flipFlops, net.state().size() - flipFlops);
    }

    private static List<Stats.Count> counts(Map<String, Integer> m) {
        List<Stats.Count> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Stats.Count(k, v)));
        out.sort(Comparator.comparingInt(Stats.Count::count).reversed().thenComparing(Stats.Count::name));
        return out;
    }
}
