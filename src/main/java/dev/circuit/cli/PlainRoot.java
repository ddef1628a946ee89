package dev.circuit.cli;

import dev.circuit.diag.Failure;

/**
 * {@code circuit --version} ({@code -V}) and {@code circuit} alone, answered without picocli, as
 * {@link PlainEval} answers a plain eval: building picocli's model of the root command and its
 * subcommand list took most of such a run's CPU time (docs/BENCHMARKS.md, "Start-up"). Each prints
 * what picocli prints for it, byte for byte, and exits with its code ({@code PlainRootTest}); any
 * other line, and any line at all while a {@code picocli.*} system property is set, is picocli's.
 */
final class PlainRoot {
    private PlainRoot() {}

    /** What {@link #run} returns when picocli must read the line. */
    static final int PICOCLI = -1;

    /** Runs {@code args} if they are one of the lines this answers and returns the exit code; {@link #PICOCLI} otherwise. */
    static int run(String[] args, Env env) {
        if (args.length > 1 || PlainEval.picocliConfigured()) return PICOCLI;
        if (args.length == 0) {
            // picocli runs the root command, whose run() throws this message as a usage error.
            env.err.println("circuit: error: " + Cli.MISSING_COMMAND);
            env.err.println("Try 'circuit --help' for more information.");
            env.err.flush();
            return Failure.USAGE.exitCode;
        }
        if (!args[0].equals("--version") && !args[0].equals("-V")) return PICOCLI;
        String[] lines = Cli.versionLines();
        for (String line : lines) {
            // picocli formats each line with String.format: a '%' would mean something to it.
            if (line.indexOf('%') >= 0) return PICOCLI;
        }
        for (String line : lines) env.out.println(line);
        env.out.flush();
        return 0;
    }
}
