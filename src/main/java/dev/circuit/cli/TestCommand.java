package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import dev.circuit.verify.Verdict;
import dev.circuit.verify.VerifyOptions;
import java.io.IOException;
import java.nio.file.Files;
import dev.circuit.Circuit;
import dev.circuit.elab.Design;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", description = {"Run every test table and check in the given .net files and folders (searched recursively).",
        "Checks run exhaustively; exits 1 when a test or check fails, 3 when a file is invalid."},
        mixinStandardHelpOptions = true)
final class TestCommand implements Callable<Integer> {
    private final Env env;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the summary.")
    boolean quiet;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "0",
            description = "Check N seeded random rows per check instead of every row (reported as sampled, not proven).")
    long sample;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for --sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for checks (default: all cores).")
    Integer threads;

    /**
     * Which engine runs checks: auto picks the bit-parallel one (as generated code) whenever the
     * circuit is Boolean; interpreted runs its gate interpreter; scalar is the row-by-row reference.
     */
    enum Engine { auto, interpreted, scalar }

    @Option(names = "--engine", defaultValue = "auto",
            description = "Engine for checks: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; scalar is the slow reference, interpreted skips code generation).")
    Engine engine;

    TestCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<Path> files = files(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        int passed = 0;
        int failed = 0;
        boolean invalid = false;
        for (Path f : files) {
            List<TestOutcome> outcomes;
            try {
                VerifyOptions options = options();
                Design design = Circuit.load(f, env.sources);
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
                    if (!quiet) env.out.println("PASS  " + label(o) + " (" + o.detail() + ")");
                    continue;
                }
                // A refused check is no PASS: it counts with the failures, under its own word.
                failed++;
                env.report(o.failures());
                if (o.failed() > o.failures().size()) {
                    env.err.println("... and " + (o.failed() - o.failures().size()) + " more failing rows");
                }
                String word = o.verdict() == Verdict.REFUSED ? "REFUSED " : "FAIL  ";
                env.out.println(word + label(o) + " (" + o.detail() + ")");
            }
            env.out.flush();
        }
        env.out.println(passed + " passed, " + failed + " failed");
        if (invalid) return Failure.INVALID_INPUT.exitCode;
        return failed > 0 ? Failure.TEST_FAILED.exitCode : 0;
    }

    /**
     * "circuits/alu4.net:49: check alu4": a file may hold several tests or checks of one circuit, so
     * the line tells them apart; written as in diagnostics, editors can jump to it.
     */
    private static String label(TestOutcome o) {
        return (o.pos().hasLine() ? o.file() + ":" + o.pos().line() : o.file()) + ": " + o.name();
    }

    private VerifyOptions options() {
        if (sample < 0) throw CircuitException.usage("--sample must be a positive number of rows");
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) throw CircuitException.usage("--threads must be at least 1");
        return new VerifyOptions(sample, seed, t, engine == Engine.scalar, engine == Engine.interpreted,
                TerminalProgress.forTerminal(env.err));
    }

    private static List<Path> files(List<Path> roots) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(p -> p.toString().endsWith(".net") && Files.isRegularFile(p)).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new CircuitException(Failure.IO, dev.circuit.diag.Pos.file(root.toString()), "cannot list: " + e.getMessage());
                }
            } else if (Files.isRegularFile(root)) {
                out.add(root);
            } else {
                throw new CircuitException(Failure.IO, dev.circuit.diag.Pos.file(root.toString()), "no such file or folder");
            }
        }
        return out;
    }
}
