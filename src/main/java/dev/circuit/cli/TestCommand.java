package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.verify.SatFirst;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import dev.circuit.verify.Verdict;
import dev.circuit.verify.VerifyOptions;
import dev.circuit.Circuit;
import dev.circuit.elab.Design;
import dev.circuit.elab.Limits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", description = {"Run every test table and check in the given .net files and folders (searched recursively).",
        "Checks run exhaustively, or are proven by SAT above 2^40 rows; exits 1 when a test or check fails,",
        "3 when a file is invalid, 6 when no check failed but a SAT proof ended unknown at --timeout."},
        mixinStandardHelpOptions = true)
final class TestCommand implements Callable<Integer> {
    private final Env env;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Say more on each result line: on the bit-parallel engine, its gates per row before and after hoisting.")
    boolean verbose;

    @Option(names = "--sample", paramLabel = "N",
            description = "Check N seeded random rows per check instead of every row (reported as sampled, not proven).")
    Long sample;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for --sample (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * Which engine runs checks: auto picks the bit-parallel one (as generated code) whenever the
     * circuit is Boolean, SAT first under a budget where enumerating costs real time (SatFirst),
     * and SAT above 2^40 rows; exhaustive enumerates as auto does but never tries SAT (refused
     * above 2^40 rows); interpreted runs the gate interpreter; scalar is the row-by-row reference;
     * sat proves every check by SAT.
     */
    enum Engine { auto, exhaustive, interpreted, scalar, sat }

    @Option(names = "--engine", defaultValue = "auto",
            description = "Engine for checks: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: SAT first under a budget on large checks, then enumeration; exhaustive only enumerates; scalar is the slow reference, interpreted skips code generation, sat proves by SAT, as auto does above 2^40 rows).")
    Engine engine;

    @Mixin
    ProofLimits limits;

    @Mixin
    SizeBudget size;

    TestCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        VerifyOptions options = options();
        Limits budget = size.limits();
        List<Path> files = NetPaths.expand(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        int passed = 0;
        int failed = 0;
        int unknown = 0;
        int refused = 0;
        boolean invalid = false;
        for (Path f : files) {
            List<TestOutcome> outcomes;
            try {
                Design design = Circuit.load(f, env.sources, budget);
                env.report(design.warnings());
                outcomes = TestRunner.run(design, options);
            } catch (CircuitException e) {
                Cli.handle(e, env);
                long errors = e.diagnostics().stream().filter(d -> d.isError()).count();
                env.out.println("ERROR " + f + " (" + errors + (errors == 1 ? " error)" : " errors)"));
                invalid = true;
                failed++;
                continue;
            }
            for (TestOutcome o : outcomes) {
                if (o.passed()) {
                    passed++;
                    if (!quiet) env.out.println("PASS  " + label(o) + " (" + detail(o) + ")");
                    continue;
                }
                // A refused or unknown check is no PASS: it counts with the failures, under its own word.
                failed++;
                if (o.verdict() == Verdict.UNKNOWN) unknown++;
                if (o.verdict() == Verdict.REFUSED) refused++;
                env.report(o.failures());
                if (o.failed() > o.failures().size()) {
                    // A sequence table counts failing runs ("28 runs failed"), every other table rows.
                    boolean runs = o instanceof TestOutcome.Table t && t.cycles();
                    env.err.println("... and " + (o.failed() - o.failures().size()) + " more failing " + (runs ? "runs" : "rows"));
                }
                String word = o.verdict() == Verdict.REFUSED ? "REFUSED " : o.verdict() == Verdict.UNKNOWN ? "UNKNOWN " : "FAIL  ";
                env.out.println(word + label(o) + " (" + detail(o) + ")");
            }
            env.out.flush();
        }
        // Refused and unknown checks count as failed (they are no PASS), and the line says which they are.
        List<String> notRun = new java.util.ArrayList<>();
        if (refused > 0) notRun.add(refused + " refused");
        if (unknown > 0) notRun.add(unknown + " unknown");
        env.out.println(passed + " passed, " + failed + " failed" + (notRun.isEmpty() ? "" : " (" + String.join(", ", notRun) + ")"));
        if (invalid) return Failure.INVALID_INPUT.exitCode;
        if (failed > unknown) return Failure.TEST_FAILED.exitCode;
        return unknown > 0 ? Failure.UNKNOWN.exitCode : 0;
    }

    private String detail(TestOutcome o) {
        return verbose ? o.verboseDetail() : o.detail();
    }

    /**
     * "circuits/alu4.net:49: check alu4": a file may hold several tests or checks of one circuit, so
     * the line tells them apart; written as in diagnostics, editors can jump to it.
     */
    private static String label(TestOutcome o) {
        return (o.pos().hasLine() ? o.file() + ":" + o.pos().line() : o.file()) + ": " + o.name();
    }

    /**
     * Checked once, before any file is read: a wrong option is the command line's fault, not each
     * file's. {@code --sample 0} is refused too: checking no rows would pass every check.
     */
    private VerifyOptions options() {
        if (sample != null && sample < 1) throw CircuitException.usage("--sample takes a number of rows of at least 1, not " + sample);
        return new VerifyOptions(sample == null ? 0 : sample, seed, limits.threads(), engine == Engine.scalar, engine == Engine.interpreted,
                TerminalProgress.forTerminal(env.err), engine == Engine.sat, limits.timeoutMillis(),
                engine == Engine.exhaustive ? SatFirst.NEVER : SatFirst.MEASURED);
    }
}
