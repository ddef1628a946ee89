package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Failure;
import dev.circuit.eval.Recording;
import dev.circuit.eval.Simulator;
import dev.circuit.eval.Values;
import dev.circuit.interop.Vcd;
import dev.circuit.model.Netlist;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import dev.circuit.train.CsvData;
import dev.circuit.train.Dataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sim", description = {"Simulate a circuit cycle by cycle: flip-flops, latches and all.",
        "IN.csv names the inputs in its header and gives one row per clock cycle (buses as unsigned integers).",
        "Each printed row shows a cycle's inputs and its outputs, read after the inputs settle and before the clock edge that ends the cycle."},
        mixinStandardHelpOptions = true)
final class SimCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    private final Env env;

    @Mixin
    CircuitFile circuit;

    @Option(names = "--inputs", paramLabel = "IN.csv", description = "The inputs, one row per cycle (a circuit without inputs needs none).")
    Path inputs;

    @Option(names = "--cycles", paramLabel = "N", description = "Cycles to run (default: one per row of IN.csv).")
    Integer cycles;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--vcd", paramLabel = "OUT.vcd", description = "Also write the waveform (GTKWave, Surfer) to this file.")
    Path vcd;

    @Option(names = "--all", description = "With --vcd: every internal signal, by instance path, not only the ports.")
    boolean all;

    @Option(names = "--random", paramLabel = "N",
            description = "Run N runs of --cycles K cycles on random inputs instead of IN.csv (64 runs a machine word on the bit-parallel engine).")
    Integer random;

    @Option(names = "--last", description = "Print only the last cycle of each run.")
    boolean last;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed for --random inputs and for learnable coefficients written as a bare '?' (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Cycles one command may run: each is kept for the output. */
    static final int MAX_CYCLES = 10_000_000;

    SimCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        OutputFile.notAnInput(vcd, circuit.file);
        if (inputs != null) OutputFile.notAnInput(vcd, inputs);
        if (cycles != null && (cycles < 1 || cycles > MAX_CYCLES)) {
            throw CircuitException.usage("--cycles takes 1 to " + MAX_CYCLES + ", not " + cycles);
        }
        if (all && vcd == null) throw CircuitException.usage("--all says what goes into the --vcd file; give --vcd OUT.vcd too");
        if (random != null) {
            if (inputs != null) throw CircuitException.usage("give --inputs IN.csv or --random N, not both");
            if (vcd != null) throw CircuitException.usage("--vcd draws one run; --random runs many (use --inputs for a waveform)");
            if (random < 1 || random > MAX_RUNS) throw CircuitException.usage("--random takes 1 to " + MAX_RUNS + " runs, not " + random);
            if (cycles == null) throw CircuitException.usage("--random needs --cycles K: how long each run is");
            if (format == Format.json) throw CircuitException.usage("--random prints table or csv");
            if ((long) random * cycles > MAX_CYCLES && !last) {
                throw CircuitException.usage(random + " runs of " + cycles + " cycles print more than " + MAX_CYCLES + " rows; add --last");
            }
            return manyRuns(circuit.load(env).topCircuit().netlist());
        }
        Netlist net = circuit.load(env).topCircuit().netlist();
        double[][] stimulus;
        int n;
        if (inputs == null) {
            if (!net.inputs().isEmpty()) {
                throw CircuitException.usage(net.name() + " has inputs (" + names(net.inputs()) + "): give them with --inputs IN.csv, one row per cycle");
            }
            if (cycles == null) throw CircuitException.usage(net.name() + " has no inputs: say how long to run with --cycles N");
            n = cycles;
            stimulus = new double[n][0];
        } else {
            if (net.inputs().isEmpty()) {
                throw CircuitException.usage(net.name() + " has no inputs, so --inputs has nothing to give; run it with --cycles N");
            }
            Dataset d = CsvData.read(inputs, net, env.sources, false);
            if (cycles != null && cycles > d.rows()) {
                throw CircuitException.usage("--cycles " + cycles + " but " + inputs + " has " + d.rows() + " row" + (d.rows() == 1 ? "" : "s"));
            }
            n = cycles != null ? cycles : d.rows();
            stimulus = d.inputs();
        }
        Recording rec;
        try {
            // The bit-parallel engine runs a Boolean circuit (one lane); the scalar simulator the rest,
            // every net when the waveform shows them all, and any loop that does not settle.
            Recording fast = vcd != null && all ? null : dev.circuit.engine.SeqSim.recording(net, stimulus, n);
            rec = fast != null ? fast : Recording.of(net, net.initialParams(seed), stimulus, n, vcd != null && all);
        } catch (Simulator.Oscillation o) {
            throw oscillation(o);
        }
        if (vcd != null) OutputFile.write(vcd, Vcd.of(rec, all).getBytes(StandardCharsets.UTF_8));
        if (format == Format.json) {
            json(rec);
            return 0;
        }
        Rows rows = new Rows(net, List.of("cycle"));
        for (int t = 0; t < rec.cycles(); t++) rows.add(List.of(Integer.toString(t)), rec.inputs().get(t), rec.outputs().get(t));
        rows.finish();
        return 0;
    }

    /** Runs one --random may ask for. */
    static final int MAX_RUNS = 1 << 20;

    /** --random N: N runs on seeded random inputs, on the bit-parallel engine when the circuit is Boolean. */
    private Integer manyRuns(Netlist net) {
        dev.circuit.engine.RandomRuns.Result r;
        try {
            r = dev.circuit.engine.RandomRuns.run(net, random, cycles, seed, last);
        } catch (Simulator.Oscillation o) {
            throw oscillation(o);
        }
        Rows rows = new Rows(net, List.of("run", "cycle"));
        for (int run = 0; run < random; run++) {
            for (int t = last ? cycles - 1 : 0; t < cycles; t++) {
                rows.add(List.of(Integer.toString(run), Integer.toString(t)), r.inputs(run, t), r.outputs(run, t));
            }
        }
        rows.finish();
        return 0;
    }

    /** A loop that never settles is the circuit's failure, told at its feedback wires. */
    static CircuitException oscillation(Simulator.Oscillation o) {
        List<Diagnostic> notes = new ArrayList<>();
        for (StateBit s : o.wires().subList(1, o.wires().size())) notes.add(Diagnostic.note(s.pos(), "'" + s.path() + "' is declared here"));
        return new CircuitException(Failure.TEST_FAILED, List.of(Diagnostic.error(o.wires().get(0).pos(), "in cycle " + o.cycle() + ", " + o.getMessage()).withNotes(notes)));
    }

    /**
     * Rows of inputs and outputs, printed as a table (aligned, "|" between inputs and outputs) or as
     * csv (each row as it comes): one place for the layout of one run and of many.
     */
    private final class Rows {
        private final Netlist net;
        private final boolean csv = format == Format.csv;
        private final List<String[]> table = new ArrayList<>();

        Rows(Netlist net, List<String> key) {
            this.net = net;
            List<String> head = new ArrayList<>(key);
            net.inputs().forEach(t -> head.add(t.name()));
            if (!csv) head.add("|");
            net.outputs().forEach(t -> head.add(t.name()));
            emit(head);
        }

        void add(List<String> key, double[] in, double[] out) {
            List<String> cells = new ArrayList<>(key);
            cells.addAll(values(net.inputs(), in));
            if (!csv) cells.add("|");
            cells.addAll(values(net.outputs(), out));
            emit(cells);
        }

        private void emit(List<String> cells) {
            if (csv) env.out.println(String.join(",", cells));
            else table.add(cells.toArray(String[]::new));
        }

        void finish() {
            if (csv || table.isEmpty()) return;
            boolean[] right = new boolean[table.get(0).length];
            java.util.Arrays.fill(right, true);
            for (String line : Tables.align(table, right)) env.out.println(line);
        }
    }

    private void json(Recording rec) {
        Netlist net = rec.net();
        StringBuilder sb = new StringBuilder("{\"circuit\":").append(Json.string(net.name())).append(",\"cycles\":[");
        for (int t = 0; t < rec.cycles(); t++) {
            if (t > 0) sb.append(',');
            sb.append("{\"cycle\":").append(t).append(",\"inputs\":").append(object(net.inputs(), rec.inputs().get(t)))
                    .append(",\"outputs\":").append(object(net.outputs(), rec.outputs().get(t))).append('}');
        }
        env.out.println(sb.append("]}"));
    }

    private static String object(List<Terminal> terms, double[] bits) {
        List<String> vs = values(terms, bits);
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) sb.append(',');
            String v = vs.get(i);
            sb.append(Json.string(terms.get(i).name())).append(':').append(v.equals("?") ? "null" : v);
        }
        return sb.append('}').toString();
    }

    /** Each terminal's value as {@code circuit eval} prints it: buses as unsigned integers. */
    private static List<String> values(List<Terminal> terms, double[] bits) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (Terminal t : terms) {
            out.add(Values.terminal(t, bits, at, false));
            at += t.width();
        }
        return out;
    }

    private static String names(List<Terminal> terms) {
        return String.join(", ", terms.stream().map(Terminal::name).toList());
    }
}
