package dev.circuit.cli;

import dev.circuit.model.Activation;
import dev.circuit.elab.Design;
import dev.circuit.stats.InstanceTypes;
import dev.circuit.stats.Measure;
import dev.circuit.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stats", description = "Print figures about a circuit: neurons by activation, coefficients, depth, fan-in, instances.",
        mixinStandardHelpOptions = true)
final class StatsCommand implements Callable<Integer> {
    private final Env env;

    @Mixin
    CircuitFile circuit;

    StatsCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Design design = circuit.load(env);
        Stats s = Measure.of(design.topCircuit().netlist(), InstanceTypes.of(design.program()));
        for (String line : Tables.align(rows(s), new boolean[] {false, false})) env.out.println(line);
        return 0;
    }

    static List<String[]> rows(Stats s) {
        List<String[]> r = new ArrayList<>();
        r.add(new String[] {"circuit", s.circuit()});
        r.add(new String[] {"inputs", s.inputs() + bits(s.inputs(), s.inputBits())});
        r.add(new String[] {"outputs", s.outputs() + bits(s.outputs(), s.outputBits())});
        r.add(new String[] {"neurons", s.neurons() + (s.byActivation().isEmpty() ? "" : ": " + byActivation(s))});
        int coefs = s.fixedCoefficients() + s.learnableCoefficients();
        r.add(new String[] {"coefficients", coefs + " (" + s.fixedCoefficients() + " fixed, " + s.learnableCoefficients()
                + " learnable, " + s.parameters() + " distinct parameter" + (s.parameters() == 1 ? "" : "s") + ")"});
        boolean state = s.flipFlops() + s.feedbackWires() > 0;
        if (state) {
            r.add(new String[] {"state", s.flipFlops() + " flip-flop" + (s.flipFlops() == 1 ? "" : "s") + ", "
                    + s.feedbackWires() + " feedback wire" + (s.feedbackWires() == 1 ? "" : "s")});
        }
        r.add(new String[] {"depth", s.depth() + " neuron" + (s.depth() == 1 ? "" : "s") + " on the longest "
                + (state ? "path from an input or state bit to an output or flip-flop" : "input-to-output path")});
        r.add(new String[] {"largest fan-in", s.widestNeuron() == null ? "0" : s.largestFanIn() + " (" + s.widestNeuron() + ")"});
        r.add(new String[] {"instances", counts(s.instances())});
        r.add(new String[] {"named neurons", counts(s.namedNeurons())});
        return r;
    }

    private static String bits(int terminals, int bits) {
        return bits == terminals ? "" : " (" + bits + " bits)";
    }

    private static String byActivation(Stats s) {
        List<String> parts = new ArrayList<>();
        for (Activation a : Activation.values()) {
            Integer n = s.byActivation().get(a);
            if (n != null) parts.add(n + " " + (a == Activation.THRESHOLD ? "threshold (>=)" : a.keyword()));
        }
        return String.join(", ", parts);
    }

    private static String counts(List<Stats.Count> cs) {
        int total = cs.stream().mapToInt(Stats.Count::count).sum();
        if (total == 0) return "0";
        return total + ": " + cs.stream().map(c -> c.name() + " " + c.count()).collect(Collectors.joining(", "));
    }
}
