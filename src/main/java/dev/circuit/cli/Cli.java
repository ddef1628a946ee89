package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command and the one place where failures become exit codes. */
@Command(name = "circuit",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Simulate, verify and train circuits made of perceptrons.",
        // The subcommands are added in commandLine(): see Commands.
        // Each footer line fits the 80-column help: picocli would wrap a longer one mid-phrase.
        footer = {"", "Exit codes: 0 ok, 1 a test or check failed, 2 usage error, 3 invalid .net file,",
                "4 file not readable or writable, 5 training failed,",
                "6 no check failed but a SAT proof ended unknown (test, equiv --timeout),",
                "70 internal error (rerun with --debug and report it)."})
public final class Cli implements Runnable {
    final Env env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of internal errors.")
    void debug(boolean on) {
        env.debug = on;
    }

    Cli(Env env) {
        this.env = env;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), MISSING_COMMAND);
    }

    /** The usage error of {@code circuit} alone. */
    static final String MISSING_COMMAND = "missing command: try eval, table, test, train, dot, verilog or import (circuit --help lists all)";

    /**
     * Every subcommand, in the order `circuit --help` lists them. picocli builds a command's model by
     * reflection over its annotations, which took most of a short run's start-up when all twelve were
     * built for every call; so a run builds only the command it runs (docs/BENCHMARKS.md, "Start-up").
     * Held by a class of its own so that a plain eval, which runs without picocli, loads none of its
     * classes (the last two entries are picocli's).
     */
    private static final class Commands {
        static final Map<String, Class<?>> ALL = commands();
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("eval", EvalCommand.class);
        m.put("table", TableCommand.class);
        m.put("sim", SimCommand.class);
        m.put("test", TestCommand.class);
        m.put("equiv", EquivCommand.class);
        m.put("train", TrainCommand.class);
        m.put("dot", DotCommand.class);
        m.put("view", ViewCommand.class);
        m.put("stats", StatsCommand.class);
        m.put("separable", SeparableCommand.class);
        m.put("verilog", VerilogCommand.class);
        m.put("import", ImportCommand.class);
        m.put("fmt", FmtCommand.class);
        m.put("generate-completion", picocli.AutoComplete.GenerateCompletion.class);
        m.put("help", CommandLine.HelpCommand.class);
        return m;
    }

    /**
     * The command a run names: its first argument after the root's own options, or null when that
     * is no command (root --help or --version, a typo, nothing). Only "--debug" can come before it.
     */
    static String chosen(String[] args) {
        for (String a : args) {
            if (a.equals("--debug")) continue;
            if (a.equals("--version") || a.equals("-V")) return NONE;
            return Commands.ALL.containsKey(a) && !a.equals("help") && !a.equals("generate-completion") ? a : null;
        }
        return null;
    }

    /** {@link #chosen} when the run needs no subcommand at all: --version. */
    static final String NONE = "";

    /** Runs the CLI with the given writers and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Env env = new Env(out, err);
        // A plain eval, --version and no arguments run without picocli, which would cost them most of
        // their start-up (PlainEval, PlainRoot).
        int code = PlainRoot.run(args, env);
        if (code == PlainRoot.PICOCLI) {
            EvalCommand plain = PlainEval.parse(args, env);
            code = plain != null ? runPlain(plain, env) : runPicocli(args, env);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** What picocli's execute does with a command it has parsed: its result is the exit code, what it throws goes to {@link #handle}. */
    private static int runPlain(EvalCommand cmd, Env env) {
        try {
            return cmd.call();
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return handle(e, env);
        }
    }

    /** Parses and runs {@code args} with picocli: every command, help and usage error. */
    static int runPicocli(String[] args, Env env) {
        try {
            return commandLine(args, env).execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler; these Errors would print a raw trace.
            return handle(e, env);
        }
    }

    /** picocli's model of the command line {@code args}, with this CLI's output and handlers. */
    static CommandLine commandLine(String[] args, Env env) {
        PrintWriter err = env.err;
        Factory factory = new Factory(env);
        CommandLine cl = new CommandLine(new Cli(env), factory);
        // The named command alone; all of them when the root's help, the help command, completion or
        // picocli's "did you mean" for an unknown command needs the whole list.
        String only = chosen(args);
        for (Map.Entry<String, Class<?>> c : Commands.ALL.entrySet()) {
            if (only == null || only.equals(c.getKey())) cl.addSubcommand(c.getKey(), new CommandLine(c.getValue(), factory));
        }
        cl.setOut(env.out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("circuit: error: " + ex.getMessage());
            // "Did you mean: circuit eval?" for a mistyped command or option.
            if (ex instanceof CommandLine.UnmatchedArgumentException u) CommandLine.UnmatchedArgumentException.printSuggestions(u, err);
            CommandLine c = ex.getCommandLine();
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return Failure.USAGE.exitCode;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, env));
        return cl;
    }

    static int handle(Throwable ex, Env env) {
        if (ex instanceof CircuitException ce) {
            if (ce.failure() == Failure.USAGE && ce.diagnostics().stream().allMatch(d -> !d.pos().hasLine())) {
                ce.diagnostics().forEach(d -> env.err.println("circuit: error: " + d.message()));
                env.err.flush();
            } else {
                env.report(ce.diagnostics());
            }
            return ce.failure().exitCode;
        }
        env.err.println("circuit: internal error: " + ex);
        if (env.debug) ex.printStackTrace(env.err);
        else env.err.println("(this is a bug in circuit; rerun with --debug for the stack trace)");
        env.err.flush();
        return Failure.INTERNAL.exitCode;
    }

    /** Gives every command the shared {@link Env}. */
    private static final class Factory implements CommandLine.IFactory {
        private final Env env;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(Env env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Env.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(env));
                }
            }
            return fallback.create(cls);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return versionLines();
        }
    }

    /** The lines of {@code --version}: here, not in {@link Version}, so that {@link PlainRoot} loads no picocli class for them. */
    static String[] versionLines() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return new String[] {"circuit " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
