package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.elab.Elaborated;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Simulator;
import dev.circuit.interop.Dot;
import dev.circuit.model.Netlist;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dot", description = {"Draw a circuit with Graphviz: DOT text, or SVG/PNG when Graphviz's 'dot' is installed.",
        "Edges carry weights (blue positive, red negative, thicker for larger; dashed = learnable);"
                + " subcircuit instances are grouped in boxes named by instance path.",
        "Flip-flops are grey 3-D boxes (dff, init) fed by a green 'd' edge; feedback wires are dashed nodes fed by a dashed orange 'feedback' edge."
                + " With --values, a circuit with state shows its first cycle."},
        mixinStandardHelpOptions = true)
final class DotCommand implements Callable<Integer> {
    private final Env env;

    @Mixin
    CircuitFile circuit;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT: .dot (text), .svg or .png (rendered by 'dot'). Default: DOT text on standard output.")
    Path output;

    // One plain label: picocli would write a split option as a=1,b=0[,a=1,b=0...]...
    @Option(names = "--values", paramLabel = "INPUTS", hideParamSyntax = true, split = ",",
            description = "Evaluate on these inputs (comma-separated: a=1,b=0) and show every node's value.")
    List<String> values;

    @Option(names = "--flat", description = "Do not group subcircuit instances.")
    boolean flat;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for learnable coefficients written as a bare '?' (default: ${DEFAULT-VALUE}).")
    long seed;

    DotCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        String format = format(output);
        OutputFile.notAnInput(output, circuit.file);
        Elaborated e = circuit.load(env).topCircuit();
        Netlist net = e.netlist();
        double[] state = null;
        if (values != null && net.isSequential()) {
            // A circuit with state shows its first cycle: the inputs settled from the initial state.
            try {
                state = new Simulator(net, net.initialParams(seed)).settle(Inputs.parse(net, values), null).clone();
            } catch (Simulator.Oscillation o) {
                throw SimCommand.oscillation(o);
            }
        } else if (values != null) {
            Evaluator ev = new Evaluator(net, net.initialParams(seed));
            state = ev.newState();
            ev.run(Inputs.parse(net, values), state, null);
        }
        String dot = Dot.render(net, state, flat);
        if (format.equals("dot")) OutputFile.text(env, output, dot);
        else OutputFile.write(output, Graphviz.render(dot, format, output.toString()));
        return 0;
    }

    private static String format(Path output) {
        if (output == null) return "dot";
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (Arrays.asList("dot", "gv").contains(ext)) return "dot";
        if (Arrays.asList("svg", "png").contains(ext)) return ext;
        throw CircuitException.usage("-o " + output + ": say which picture by the extension: .dot, .svg or .png");
    }
}
