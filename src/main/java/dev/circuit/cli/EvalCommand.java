package dev.circuit.cli;

import dev.circuit.elab.Elaborated;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Simulator;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", description = {"Evaluate a circuit on one input row and print its outputs.",
        "Inputs go by position (1 0) or by name (a=1 b=0); a bus takes an unsigned integer (200, 0xC8, 0b11001000)."},
        mixinStandardHelpOptions = true)
final class EvalCommand implements Callable<Integer> {
    private final Env env;

    @Mixin
    CircuitFile circuit;

    @Parameters(index = "1..*", paramLabel = "INPUT", description = "Input values.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--trace", description = "Show every neuron in evaluation order: weighted sum z, activation, output, margin |z|.")
    boolean trace;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--bits", description = "Print bus outputs in binary.")
    boolean bits;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for learnable coefficients written as a bare '?' (default: ${DEFAULT-VALUE}).")
    long seed;

    EvalCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Elaborated e = circuit.load(env).topCircuit();
        Netlist net = e.netlist();
        double[] in = Inputs.parse(net, inputs);
        List<Step> steps = new ArrayList<>();
        Evaluator.Trace tracer = trace ? (n, z, y) -> steps.add(new Step(n, z, y)) : null;
        double[] out;
        if (net.isSequential()) {
            // One cycle from the initial state: what the circuit shows before its first clock edge.
            env.err.println("note: '" + net.name() + "' has state; this is its first cycle, from the initial state"
                    + " (circuit sim runs cycles)");
            Simulator sim = new Simulator(net, net.initialParams(seed));
            sim.settle(in, tracer);
            out = sim.outputBits();
        } else {
            Evaluator ev = new Evaluator(net, net.initialParams(seed));
            double[] state = ev.newState();
            ev.run(in, state, tracer);
            out = ev.outputBits(state);
        }
        if (json) env.out.println(json(net, in, out, steps));
        else {
            if (trace) printTrace(steps);
            env.out.println(line(net.outputs(), out, bits));
        }
        return 0;
    }

    record Step(Neuron neuron, double z, double out) {}

    static String line(List<Terminal> terms, double[] values, boolean binary) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (Terminal t : terms) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(t.name()).append('=').append(Values.terminal(t, values, k, binary));
            k += t.width();
        }
        return sb.toString();
    }

    private void printTrace(List<Step> steps) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"neuron", "activation", "z", "out", "margin"});
        for (Step s : steps) {
            rows.add(new String[] {s.neuron().path(), s.neuron().activation().keyword(), Values.format(s.z()),
                    Values.format(s.out()), Values.format(Math.abs(s.z()))});
        }
        for (String line : Tables.align(rows, new boolean[] {false, false, true, true, true})) env.out.println(line);
    }

    private static String json(Netlist net, double[] in, double[] out, List<Step> steps) {
        StringBuilder sb = new StringBuilder("{\"circuit\":").append(Json.string(net.name()));
        sb.append(",\"inputs\":").append(object(net.inputs(), in));
        sb.append(",\"outputs\":").append(object(net.outputs(), out));
        if (!steps.isEmpty()) {
            sb.append(",\"trace\":[");
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                if (i > 0) sb.append(',');
                sb.append("{\"neuron\":").append(Json.string(s.neuron().path()))
                        .append(",\"activation\":").append(Json.string(s.neuron().activation().keyword()))
                        .append(",\"z\":").append(Json.number(s.z()))
                        .append(",\"out\":").append(Json.number(s.out()))
                        .append(",\"margin\":").append(Json.number(Math.abs(s.z()))).append('}');
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    private static String object(List<Terminal> terms, double[] values) {
        StringBuilder sb = new StringBuilder("{");
        int k = 0;
        for (Terminal t : terms) {
            if (sb.length() > 1) sb.append(',');
            sb.append(Json.string(t.name())).append(':');
            if (t.bus()) {
                java.math.BigInteger v = Values.busValue(values, k, t.width());
                sb.append(v == null ? "null" : v.toString());
            } else {
                sb.append(Json.number(values[k]));
            }
            k += t.width();
        }
        return sb.append('}').toString();
    }
}
