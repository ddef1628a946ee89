package dev.circuit.cli;

import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import dev.circuit.elab.Design;
import dev.circuit.eval.Evaluator;
import dev.circuit.train.Snap;
import dev.circuit.interop.Testbench;
import dev.circuit.interop.Vector;
import dev.circuit.interop.Vectors;
import dev.circuit.interop.Verilog;
import dev.circuit.model.Netlist;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verilog", description = {"Export a circuit as structural Verilog-2005: one integer threshold 'assign' per neuron.",
        "Neurons must be step or threshold neurons with fixed weights (or use --snap).",
        "With --testbench, a self-checking testbench follows the module: run it with",
        "  iverilog -g2005 -o sim out.v && vvp sim",
        "A circuit with flip-flops gets a clk port (a reg per bit, loaded on posedge clk, starting at its initial value);"
                + " a feedback wire is a reg that takes its driver's value one time unit later, the settling step of circuit's simulator."},
        mixinStandardHelpOptions = true)
final class VerilogCommand implements Callable<Integer> {
    /** Up to this many input bits, the testbench also checks every input against circuit's own evaluation. */
    static final int EVERY_INPUT_BITS = 12;
    /** A circuit with state: the testbench also runs this many cycles of seeded random inputs against circuit's simulator. */
    static final int RANDOM_CYCLES = 64;

    private final Env env;

    @Mixin
    CircuitFile circuit;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT (default: standard output).")
    Path output;

    @Option(names = "--testbench", description = {"Append a testbench that replays the file's test rows and, up to "
            + EVERY_INPUT_BITS + " input bits, every input; it prints 'N passed, N failed'. For a circuit with state: its"
            + " sequence tables cycle by cycle, and " + RANDOM_CYCLES + " cycles of random inputs with the outputs circuit's simulator gives."})
    boolean testbench;

    @Option(names = "--snap", description = "Export real-valued neurons as step neurons and freeze learnable coefficients at their current values.")
    boolean snap;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for learnable coefficients written as a bare '?' (default: ${DEFAULT-VALUE}).")
    long seed;

    VerilogCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        OutputFile.notAnInput(output, circuit.file);
        Design design = circuit.load(env);
        Netlist net = design.topCircuit().netlist();
        if (snap) {
            Snap.Result s = Snap.apply(net, net.initialParams(seed));
            net = s.netlist();
            if (s.neuronsHardened() + s.coefficientsFrozen() > 0) {
                env.err.println("circuit: note: --snap made " + s.neuronsHardened() + " real-valued neuron(s) step neurons and froze "
                        + s.coefficientsFrozen() + " learnable coefficient(s)");
            }
        }
        Diagnostics diags = new Diagnostics();
        Verilog.Module m = Verilog.module(net, circuit.file.toString(), diags);
        diags.check();
        String text = m.text();
        if (testbench && net.isSequential()) {
            List<List<Vector>> runs = new ArrayList<>(Vectors.fromSequences(design, net, diags));
            runs.add(Vectors.randomRun(net, net.initialParams(seed), RANDOM_CYCLES, seed));
            env.report(diags.warnings());
            text += Testbench.sequential(net, m, runs);
        } else if (testbench) {
            List<Vector> rows = new ArrayList<>(Vectors.fromTests(design, net, diags));
            rows.addAll(Vectors.exhaustive(net, new Evaluator(net, net.initialParams(seed)), EVERY_INPUT_BITS));
            env.report(diags.warnings());
            if (rows.isEmpty()) {
                env.report(List.of(dev.circuit.diag.Diagnostic.warning(Pos.file(circuit.file.toString()),
                        "the testbench has no rows: no test table for " + net.name() + " and more than "
                                + EVERY_INPUT_BITS + " input bits")));
            }
            text += Testbench.of(net, m, rows);
        }
        OutputFile.text(env, output, text);
        return 0;
    }
}
