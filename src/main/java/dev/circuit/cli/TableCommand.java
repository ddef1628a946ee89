package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.elab.Elaborated;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "table", description = "Print the whole truth table of a circuit: every input row, in counting order.",
        mixinStandardHelpOptions = true)
final class TableCommand implements Callable<Integer> {
    /** 2^20 rows is already a million lines; beyond that a table is not for reading. */
    static final int MAX_INPUT_BITS = 20;

    private final Env env;

    @Mixin
    CircuitFile circuit;

    @Option(names = "--bits", description = "Print bus values in binary.")
    boolean bits;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for learnable coefficients written as a bare '?' (default: ${DEFAULT-VALUE}).")
    long seed;

    TableCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Elaborated e = circuit.load(env).topCircuit();
        Netlist net = e.netlist();
        CircuitFile.requireCombinational(net, "table", "its behaviour over time is a sequence table ('test NAME sequence') or `circuit sim`");
        int n = net.inputBits();
        if (n > MAX_INPUT_BITS) {
            throw CircuitException.usage(net.name() + " has " + n + " input bits: its table would have 2^" + n
                    + " rows; the limit is 2^" + MAX_INPUT_BITS + " (use 'circuit test' with a check to verify it)");
        }
        List<Terminal> ins = net.inputs();
        List<Terminal> outs = net.outputs();
        List<String[]> rows = new ArrayList<>();
        rows.add(header(ins, outs));
        Evaluator ev = new Evaluator(net, net.initialParams(seed));
        double[] in = new double[n];
        double[] state = ev.newState();
        for (long row = 0; row < 1L << n; row++) {
            // The first input is the most significant, so rows count up like the binary number they spell.
            dev.circuit.eval.Rows.spread(ins, row, in);
            ev.run(in, state, null);
            double[] out = ev.outputBits(state);
            String[] cells = new String[ins.size() + outs.size() + 1];
            int c = 0;
            int at = 0;
            for (Terminal t : ins) {
                cells[c++] = Values.terminal(t, in, at, bits);
                at += t.width();
            }
            cells[c++] = "|";
            at = 0;
            for (Terminal t : outs) {
                cells[c++] = Values.terminal(t, out, at, bits);
                at += t.width();
            }
            rows.add(cells);
        }
        boolean[] right = new boolean[ins.size() + outs.size() + 1];
        java.util.Arrays.fill(right, true);
        for (String line : Tables.align(rows, right)) env.out.println(line);
        return 0;
    }

    private static String[] header(List<Terminal> ins, List<Terminal> outs) {
        String[] h = new String[ins.size() + outs.size() + 1];
        int c = 0;
        for (Terminal t : ins) h[c++] = t.name();
        h[c++] = "|";
        for (Terminal t : outs) h[c++] = t.name();
        return h;
    }
}
