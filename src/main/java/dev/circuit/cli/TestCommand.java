package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", description = {"Run every test table in the given .net files and folders (searched recursively).",
        "Exits 1 when a test fails, 3 when a file is invalid."},
        mixinStandardHelpOptions = true)
final class TestCommand implements Callable<Integer> {
    private final Env env;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the summary.")
    boolean quiet;

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
                outcomes = TestRunner.run(f, env.sources);
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
                    if (!quiet) env.out.println("PASS  " + o.file() + ": " + o.name() + " (" + rows(o.rows()) + ")");
                } else {
                    failed++;
                    env.report(o.failures());
                    if (o.failed() > o.failures().size()) {
                        env.err.println("... and " + (o.failed() - o.failures().size()) + " more failing rows");
                    }
                    env.out.println("FAIL  " + o.file() + ": " + o.name() + " (" + o.failed() + " of " + rows(o.rows()) + " failed)");
                }
            }
            env.out.flush();
        }
        env.out.println(passed + " passed, " + failed + " failed");
        if (invalid) return Failure.INVALID_INPUT.exitCode;
        return failed > 0 ? Failure.TEST_FAILED.exitCode : 0;
    }

    private static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
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
