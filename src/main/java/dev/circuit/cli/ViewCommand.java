package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.elab.Design;
import dev.circuit.interop.Dot;
import dev.circuit.model.Netlist;
import dev.circuit.view.GraphvizPlain;
import dev.circuit.view.Layered;
import dev.circuit.view.Layout;
import dev.circuit.view.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "view", description = {"Write an interactive page of a circuit: one self-contained HTML file that opens offline.",
        "In it, inputs toggle and values propagate through every neuron, evaluated with the engine's exact integer"
                + " weights and thresholds; a neuron shows its weights, sum and margin on hover or click; the file's"
                + " test tables are rows to click, failing rows marked. A circuit with state gets a clock: step it,"
                + " reset it, watch a waveform of the last cycles, run its sequence tables. Laid out by Graphviz's 'dot' when installed,"
                + " else by a simple layered layout."},
        mixinStandardHelpOptions = true)
final class ViewCommand implements Callable<Integer> {
    private final Env env;

    @Mixin
    CircuitFile circuit;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.html", required = true, description = "The page to write.")
    Path output;

    /**
     * Who lays the drawing out. auto is Graphviz when installed and the circuit is small enough for
     * it: Graphviz took 17 s on the 632 neurons of mul_n<8>, over 7 minutes on the 3,229 of the Hack
     * computer and did not finish in 5 on 10^4 (docs/BENCHMARKS.md), where the page's own layered
     * layout takes about a second.
     */
    enum LayoutEngine { auto, graphviz, layered }

    /** Above this many neurons auto lays out with the page's own layout, not Graphviz. */
    static final int GRAPHVIZ_NEURONS = 500;

    @Option(names = "--layout", defaultValue = "auto",
            description = "Layout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: Graphviz's 'dot' when installed and the circuit has at most "
                    + GRAPHVIZ_NEURONS + " neurons, else layered;"
                    + " layered is the page's own, fast on circuits too large for Graphviz).")
    LayoutEngine layout;

    ViewCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        OutputFile.notAnInput(output, circuit.file);
        Design design = circuit.load(env);
        Netlist net = design.topCircuit().netlist();
        boolean layered = layout == LayoutEngine.layered || layout == LayoutEngine.auto && net.neurons().size() > GRAPHVIZ_NEURONS;
        String html = Page.html(design, layered ? Layered.of(net) : layout(net, layout == LayoutEngine.graphviz));
        OutputFile.write(output, html.getBytes(StandardCharsets.UTF_8));
        return 0;
    }

    /** Graphviz's layout of the DOT text 'circuit dot' writes; without Graphviz, the page's own unless Graphviz was asked for. */
    private static Layout layout(Netlist net, boolean required) {
        byte[] plain;
        try {
            plain = Graphviz.render(Dot.render(net, null, false), "plain", "dot");
        } catch (CircuitException notInstalledOrFailed) {
            if (required) throw notInstalledOrFailed;
            return Layered.of(net);
        }
        return GraphvizPlain.parse(new String(plain, StandardCharsets.UTF_8));
    }
}
