package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.elab.Design;
import dev.circuit.elab.Program;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import dev.circuit.model.Param;
import dev.circuit.train.Accuracy;
import dev.circuit.io.AtomicFile;
import dev.circuit.train.CsvData;
import dev.circuit.train.SequenceData;
import dev.circuit.train.Dataset;
import dev.circuit.train.ImportPaths;
import dev.circuit.train.LossPlot;
import dev.circuit.train.Loss;
import dev.circuit.train.Optimizer;
import dev.circuit.train.Restarts;
import dev.circuit.train.Separable;
import dev.circuit.train.Snap;
import dev.circuit.train.TableData;
import dev.circuit.train.TrainOptions;
import dev.circuit.train.TrainResult;
import dev.circuit.train.Trainer;
import dev.circuit.train.WriteBack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

// The first description line is also the summary in `circuit --help`: it is a whole sentence.
@Command(name = "train", description = {"Fit the learnable coefficients (?) of a circuit by gradient descent.",
        "Reports the loss, the accuracy (RMSE and R\u00b2 for real-valued data) and, for truth tables, the circuit"
                + " snapped to hard neurons. Data: the file's test tables for the top circuit, or --data FILE.csv.",
        "Exits 1 when the snapped circuit fails its truth table, 5 when training diverges."},
        mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
    /** Parameters listed in the report; a big circuit's are summarised. */
    static final int LISTED = 40;

    private final Env env;

    @Mixin
    CircuitFile circuit;

    @Option(names = "--data", paramLabel = "CSV", description = "Training data: a header naming the inputs and outputs, then rows of numbers.")
    Path data;

    @Option(names = "--eval", paramLabel = "CSV", description = "Held-out data: report the accuracy of the trained circuit on it.")
    Path holdout;

    @Option(names = "--epochs", defaultValue = "1000", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--rate", defaultValue = "0.1", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--batch", defaultValue = "full", paramLabel = "online|full|N",
            description = "Rows per step: online (1), full (all rows, one step per epoch) or a number (default: ${DEFAULT-VALUE}).")
    String batch;

    @Option(names = "--shuffle", description = "Visit the rows in a new seeded order every epoch.")
    boolean shuffle;

    @Option(names = "--loss", defaultValue = "mse", paramLabel = "mse|bce", description = "mse (mean squared error) or bce (binary cross-entropy) (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "sgd|momentum|adam", description = "Update rule (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for the random starts of bare '?' and for --shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--restarts", defaultValue = "0", paramLabel = "N",
            description = "When a run ends stuck (a truth table its snapped circuit fails), train again from up to N new seeded starts; keep the best (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--until-loss", paramLabel = "X", description = "Stop as soon as an epoch's loss is at most X.")
    Double untilLoss;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the trained circuit to OUT (the learned values stay learnable: ?1.25).")
    Path output;

    @Option(names = "--in-place", description = "Write the learned values into FILE itself (and into imported files that hold learnable coefficients).")
    boolean inPlace;

    @Option(names = "--freeze", description = "Write learned values as plain numbers, no longer learnable.")
    boolean freeze;

    @Option(names = "--plot", paramLabel = "SVG", description = "Write the loss curve as an SVG chart.")
    Path plot;

    // picocli would write a split option as LABEL[,LABEL...]... and wrap the synopsis at that comma:
    // one plain label, its form said in the description.
    @Option(names = "--plot-rates", paramLabel = "RATES", hideParamSyntax = true, split = ",",
            description = "Also train once per rate (comma-separated: 0.003,0.001) and draw the loss curves side by side (needs --plot).")
    List<Double> plotRates = new ArrayList<>();

    // Not in the help: the general per-neuron trainer instead of the flat fast path. Both give the same
    // weights bit for bit; this is for speed comparisons (docs/BENCHMARKS.md) and for bisecting a bug.
    @Option(names = "--general-trainer", hidden = true)
    boolean generalTrainer;

    /** Set when the circuit has state and trains unrolled: per-output separability means nothing then. */
    private boolean throughTime;

    TrainCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        TrainOptions opts = options();
        if (output != null && inPlace) throw CircuitException.usage("give -o OUT or --in-place, not both");
        if (!plotRates.isEmpty() && plot == null) throw CircuitException.usage("--plot-rates draws a chart: give --plot FILE.svg too");
        if (output != null && !inPlace && sameFile(output, circuit.file)) {
            throw CircuitException.usage("-o " + output + " is the input file; use --in-place to overwrite it");
        }
        Design design = circuit.load(env);
        Program program = design.program();
        Netlist net = design.topCircuit().netlist();
        SequenceData.Unrolled through = null;
        if (net.isSequential()) {
            if (data != null || holdout != null) {
                throw CircuitException.usage(net.name() + " has state: it trains on its sequence tables (--data and --eval give rows of a function)");
            }
            // Backpropagation through time: the circuit unrolled over its sequence tables' cycles.
            through = SequenceData.of(design, design.top());
            net = through.unrolling().net();
            env.out.println("through time: " + through.unrolling().original().name() + " unrolled over " + through.unrolling().cycles()
                    + " cycles; each row below is one run of a sequence table");
        }
        throughTime = through != null;
        if (net.params().isEmpty()) {
            // Nothing to train is a wrong command, not a failed training (exit 5 reads as "diverged").
            throw new CircuitException(Failure.USAGE, Pos.file(program.root().name()), net.name()
                    + " has no learnable coefficient to train; mark one with ? (for example step(?*a + ?*b + ?))");
        }
        if (output != null) refuseImported(program, net);
        Dataset rows = through != null ? through.data() : data != null ? CsvData.read(data, net, env.sources) : TableData.of(design, design.top());
        Dataset held = holdout != null ? CsvData.read(holdout, net, env.sources) : null;
        if (rows.rows() == 0) {
            throw new CircuitException(Failure.TRAINING, Pos.file(rows.source()), "no rows to train on: "
                    + (data != null ? "the file has a header and nothing under it" : "the test table for " + net.name() + " is empty"));
        }
        Trainer trainer = new Trainer(net, rows);
        Progress progress = new Progress(env, System.console() != null);
        long t0 = System.nanoTime();
        Restarts.Outcome outcome = Restarts.train(net, rows, opts, restarts, progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.done();
        TrainResult result = outcome.result();
        double[] start = outcome.start();
        if (outcome.attempt() > 0) env.out.println("restart " + outcome.attempt() + " of " + restarts + " (seed " + outcome.seed() + ") gave the result below");
        List<LossPlot.Series> series = new ArrayList<>();
        series.add(new LossPlot.Series("rate " + WriteBack.number(rate), result.losses()));
        for (double r : plotRates) {
            if (r == rate) continue;
            TrainResult other = new Trainer(net, rows).train(start, opts.withRate(r), null);
            series.add(new LossPlot.Series("rate " + WriteBack.number(r) + (other.hasDiverged() ? " (diverged)" : ""), other.losses()));
        }
        if (plot != null) {
            AtomicFile.write(plot, LossPlot.svg("loss of " + net.name(), series));
            env.out.println("wrote the loss curve" + (series.size() > 1 ? "s (" + series.size() + " rates)" : "") + " to " + plot);
        }
        if (result.hasDiverged()) {
            String msg = result.diverged() + "; try a smaller --rate (e.g. " + WriteBack.number(rate / 10) + "); nothing was written";
            throw new CircuitException(Failure.TRAINING, Pos.file(program.root().name()), msg);
        }
        boolean snappedFails = report(net, rows, held, opts.withSeed(outcome.seed()), start, result, trainer);
        env.out.printf(Locale.ROOT, "time: %.3f s training, %.0f epochs/s%n", seconds, outcome.epochsRun() / Math.max(seconds, 1e-9));
        write(program, net, result.params());
        // The learned values are still written (training can resume from them), but a circuit that
        // fails its own truth table is not a success: exit 1, as `circuit test` would on that file.
        if (snappedFails) {
            env.err.println("circuit: the trained circuit, snapped to hard neurons, fails its truth table (exit 1);"
                    + " try more --epochs, another --seed or --restarts N");
            return Failure.TEST_FAILED.exitCode;
        }
        return 0;
    }

    private TrainOptions options() {
        if (restarts < 0) throw CircuitException.usage("--restarts must be 0 or more");
        if (epochs < 1) throw CircuitException.usage("--epochs must be at least 1");
        if (!(rate > 0) || Double.isInfinite(rate)) throw CircuitException.usage("--rate must be a positive number");
        for (double r : plotRates) if (!(r > 0) || Double.isInfinite(r)) throw CircuitException.usage("--plot-rates: " + r + " is not a positive rate");
        int b;
        switch (batch) {
            case "online" -> b = 1;
            case "full" -> b = TrainOptions.FULL;
            default -> {
                try {
                    b = Integer.parseInt(batch);
                } catch (NumberFormatException ex) {
                    b = -1;
                }
                if (b < 1) throw CircuitException.usage("--batch takes online, full or a positive number of rows, not '" + batch + "'");
            }
        }
        Loss l = switch (loss) {
            case "mse" -> Loss.MSE;
            case "bce" -> Loss.BCE;
            default -> throw CircuitException.usage("--loss takes mse or bce, not '" + loss + "'");
        };
        Optimizer.Kind k = switch (optimizer) {
            case "sgd" -> Optimizer.Kind.SGD;
            case "momentum" -> Optimizer.Kind.MOMENTUM;
            case "adam" -> Optimizer.Kind.ADAM;
            default -> throw CircuitException.usage("--optimizer takes sgd, momentum or adam, not '" + optimizer + "'");
        };
        return new TrainOptions(epochs, rate, b, shuffle, l, k, seed, untilLoss == null ? Double.NaN : untilLoss, generalTrainer);
    }

    /**
     * With -o only the root file is written; a coefficient learned in an imported file would be lost
     * (the copy still imports the old file), so that is refused before any training time is spent.
     */
    private void refuseImported(Program program, Netlist net) {
        for (Param p : net.params()) {
            if (!p.file().equals(program.root().name())) {
                throw new CircuitException(Failure.USAGE, p.pos(), "this learnable coefficient is in an imported file, which -o "
                        + output + " would not update; train with --in-place (writes every file that holds one) or without -o");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Prints the report; {@code o} carries the seed of the attempt that won. True when the snapped circuit fails its table. */
    private boolean report(Netlist net, Dataset rows, Dataset held, TrainOptions o, double[] start, TrainResult r, Trainer trainer) {
        String batchText = o.batch() == TrainOptions.FULL ? "full batch" : o.batch() == 1 ? "online" : "batch " + o.batch();
        env.out.printf(Locale.ROOT, "trained %s: %d learnable coefficient%s on %d row%s of %s%n", net.name(), net.params().size(),
                net.params().size() == 1 ? "" : "s", rows.rows(), rows.rows() == 1 ? "" : "s", rows.source());
        env.out.printf(Locale.ROOT, "  %d epoch%s (%s), %s, rate %s, %s%s, loss %s, seed %d%n", r.epochs(), r.epochs() == 1 ? "" : "s",
                r.stop() == TrainResult.Stop.UNTIL_LOSS ? "reached --until-loss" : "all run", o.optimizer().name().toLowerCase(Locale.ROOT),
                WriteBack.number(o.rate()), batchText, o.shuffle() ? ", shuffled" : "", o.loss().keyword(), o.seed());
        double before = trainer.loss(start, r.finalSlope(), o.loss());
        double after = trainer.loss(r.params(), r.finalSlope(), o.loss());
        env.out.printf(Locale.ROOT, "loss: %s at the start, %s at the end%n", LossText.of(before), LossText.of(after));
        Netlist frozen = dev.circuit.train.Snap.frozen(net, r.params());
        if (rows.isBoolean()) {
            Accuracy.Result acc = Accuracy.of(frozen, rows);
            env.out.printf(Locale.ROOT, "accuracy: %d of %d rows right (%.1f%%; outputs read at 0.5)%n", acc.right(), acc.rows(), 100 * acc.share());
        } else {
            env.out.println("fit: " + fit(Accuracy.fit(frozen, rows)));
        }
        if (held != null) {
            if (held.isBoolean() && rows.isBoolean()) {
                Accuracy.Result h = Accuracy.of(frozen, held);
                env.out.printf(Locale.ROOT, "held-out accuracy: %d of %d rows of %s right (%.1f%%)%n", h.right(), h.rows(), held.source(), 100 * h.share());
            } else {
                env.out.println("held-out fit on " + held.source() + ": " + fit(Accuracy.fit(frozen, held)));
            }
        }
        boolean fails = false;
        if (rows.isBoolean()) {
            fails = !snapReport(net, rows, r.params());
            if (!throughTime) separability(net, rows);
        }
        env.out.println("learned:");
        List<Param> ps = net.params();
        for (int i = 0; i < ps.size() && i < LISTED; i++) {
            Param p = ps.get(i);
            env.out.printf(Locale.ROOT, "  %s  %s%n", p.pos(), WriteBack.number(r.params()[p.id()]));
        }
        if (ps.size() > LISTED) env.out.println("  ... and " + (ps.size() - LISTED) + " more");
        return fails;
    }

    /** "RMSE 1.43172, R² 0.998712 over 20 values (within 0.05, right to one decimal: 0 of 20 rows)". */
    private static String fit(Accuracy.Fit f) {
        Accuracy.Result w = f.within();
        return String.format(Locale.ROOT, "RMSE %s, R\u00b2 %s over %d value%s (within 0.05, right to one decimal: %d of %d rows, %.1f%%)",
                LossText.of(f.rmse()), Double.isNaN(f.r2()) ? "undefined (the targets do not vary)" : LossText.of(f.r2()),
                f.values(), f.values() == 1 ? "" : "s", w.right(), w.rows(), 100 * w.share());
    }

    /** The snapped circuit's verdict on the table and what backs it; true when it passes. */
    private boolean snapReport(Netlist net, Dataset rows, double[] params) {
        Snap.Report s = Snap.check(net, params, rows);
        String scope = s.exhaustive() ? "all " + s.checked() + " input rows" : s.checked() + " data rows (too many inputs for all)";
        if (s.passes()) env.out.println("snapped to hard steps: passes the truth table (" + rows.rows() + " rows)");
        else env.out.println("snapped to hard steps: FAILS " + s.failing() + " of " + rows.rows() + " truth-table rows");
        for (String f : s.failures()) env.out.println("  " + f);
        env.out.println("trained vs snapped on " + scope + ": " + (s.disagreeing() == 0 ? "they agree everywhere"
                : s.disagreeing() + " row" + (s.disagreeing() == 1 ? "" : "s") + " differ"));
        for (String d : s.disagreements()) env.out.println("  " + d);
        if (!s.margins().isEmpty()) {
            env.out.println("margins (smallest |z| of each snapped neuron; small means close to flipping):");
            // An unrolled circuit has a copy of each neuron per cycle: the smallest margin of its copies.
            Map<String, Double> least = new LinkedHashMap<>();
            for (Snap.Margin m : s.margins()) least.merge(m.neuron(), m.minAbsZ(), Math::min);
            least.forEach((neuron, z) -> env.out.println("  " + neuron + "  " + Values.format(z)));
        }
        return s.passes();
    }

    /** For each output bit of a truth table: could one threshold neuron do it, and with which weights? */
    private void separability(Netlist net, Dataset rows) {
        for (String line : Separable.describe(net, rows)) env.out.println("separable: " + line);
    }

    private void write(Program program, Netlist net, double[] params) {
        List<WriteBack.Edit> edits = WriteBack.edits(program, net.params(), params, freeze);
        if (output != null) {
            // The copy lives elsewhere: its relative imports must still name the same files.
            AtomicFile.write(output, ImportPaths.relocate(program.root(), edits.get(0).text(), output));
            env.out.println("wrote " + output);
        } else if (inPlace) {
            // Every file or none: a model half old and half trained is neither.
            List<AtomicFile.Entry> files = new ArrayList<>();
            for (WriteBack.Edit e : edits) files.add(new AtomicFile.Entry(e.file().path(), e.text().getBytes(StandardCharsets.UTF_8), e.file().name()));
            AtomicFile.writeAll(files);
            for (WriteBack.Edit e : edits) env.out.println("wrote " + e.file().name());
        } else {
            env.out.println("(nothing written: give -o OUT or --in-place to keep the learned values)");
        }
    }

    /** An epoch/loss/ETA line on stderr, only on a terminal and only once a run has taken a second. */
    private static final class Progress implements Trainer.Listener {
        private final Env env;
        private final boolean terminal;
        private final long started = System.nanoTime();
        private long last;
        private boolean shown;

        Progress(Env env, boolean terminal) {
            this.env = env;
            this.terminal = terminal;
        }

        @Override
        public void epoch(int epoch, int of, double loss) {
            if (!terminal || (epoch & 63) != 0) return;
            long now = System.nanoTime();
            if (now - started < 1_000_000_000L || now - last < 200_000_000L) return;
            last = now;
            shown = true;
            double eta = (now - started) / 1e9 * (of - epoch) / epoch;
            int width = 30;
            int filled = (int) ((long) width * epoch / of);
            env.err.printf(Locale.ROOT, "\r[%s%s] epoch %d/%d  loss %s  ETA %.0fs ", "#".repeat(filled), ".".repeat(width - filled),
                    epoch, of, Values.format(loss), eta);
            env.err.flush();
        }

        void done() {
            if (shown) {
                env.err.print("\r" + " ".repeat(79) + "\r");
                env.err.flush();
            }
        }
    }
}
