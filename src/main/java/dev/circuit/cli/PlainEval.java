package dev.circuit.cli;

import dev.circuit.elab.Limits;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of a plain {@code circuit eval FILE INPUT...}, read without picocli. Building
 * picocli's model of a command (its classes, compiled for Java 5, and reflection over the
 * annotations) took about half the CPU time of such a run (docs/BENCHMARKS.md, "Start-up"), and eval
 * is the command people type by hand and call from scripts.
 *
 * <p>This reads only the forms whose meaning is beyond doubt: the file, the inputs, each of
 * {@link #FLAGS} at most once, and each of {@link #VALUED} at most once with a value that picocli
 * would convert the same way. Anything else (help, a misspelt or repeated option, a value that looks
 * like an option, a negative number, an {@code @file}, {@code --}) returns null and picocli reads the
 * whole line, errors and help included, as it always did. {@code PlainEvalTest} holds every line this
 * accepts to what picocli makes of it, and fails when EvalCommand gains an option this does not know.
 */
final class PlainEval {
    private PlainEval() {}

    /** Options without a value: EvalCommand's, and the root's --debug, which every command inherits. */
    static final List<String> FLAGS = List.of("--trace", "--json", "--bits", "--debug");

    /** Options with one value: EvalCommand's and those of its mixins (CircuitFile, SizeBudget). */
    static final List<String> VALUED = List.of("--top", "--seed", "--max-size");

    /** The eval command {@code args} ask for, its fields set as picocli would set them; null when picocli must read them. */
    static EvalCommand parse(String[] args, Env env) {
        int at = 0;
        Set<String> seen = new HashSet<>();
        if (at < args.length && args[at].equals("--debug")) {
            seen.add("--debug");
            at++;
        }
        if (at >= args.length || !args[at].equals("eval") || picocliConfigured()) return null;
        at++;
        EvalCommand cmd = new EvalCommand(env);
        cmd.circuit = new CircuitFile();
        cmd.circuit.size = new SizeBudget();
        cmd.circuit.size.maxSize = Limits.DEFAULT_MAX_SIZE;
        List<String> positional = new ArrayList<>();
        for (; at < args.length; at++) {
            String a = args[at];
            if (a.isEmpty() || a.startsWith("@")) return null;
            if (!a.startsWith("-")) {
                positional.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!seen.add(name)) return null;
            if (FLAGS.contains(name)) {
                if (eq >= 0) return null;
                set(cmd, name);
                continue;
            }
            if (!VALUED.contains(name)) return null;
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (at + 1 < args.length) {
                value = args[++at];
            } else {
                return null;
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@") || !set(cmd, name, value)) return null;
        }
        if (positional.isEmpty()) return null;
        try {
            cmd.circuit.file = Path.of(positional.get(0));
        } catch (InvalidPathException e) {
            return null;
        }
        cmd.inputs = new ArrayList<>(positional.subList(1, positional.size()));
        if (seen.contains("--debug")) env.debug = true;
        return cmd;
    }

    private static void set(EvalCommand cmd, String flag) {
        switch (flag) {
            case "--trace" -> cmd.trace = true;
            case "--json" -> cmd.json = true;
            case "--bits" -> cmd.bits = true;
            case "--debug" -> { } // set on env below, once the whole line is known to be plain
            default -> throw new IllegalArgumentException(flag);
        }
    }

    /** Sets an option's value; false when picocli would not take it as written (it says why, this does not). */
    private static boolean set(EvalCommand cmd, String option, String value) {
        if (option.equals("--top")) {
            cmd.circuit.top = value;
            return true;
        }
        long n;
        try {
            // picocli's converter for long.
            n = Long.valueOf(value);
        } catch (NumberFormatException e) {
            return false;
        }
        if (option.equals("--seed")) cmd.seed = n;
        else cmd.circuit.size.maxSize = n;
        return true;
    }

    /** picocli reads a few system properties (picocli.trace, picocli.trimQuotes, ...); with any set, it alone knows what they do. */
    static boolean picocliConfigured() {
        for (Object k : System.getProperties().keySet()) {
            if (k.toString().startsWith("picocli.")) return true;
        }
        return false;
    }
}
