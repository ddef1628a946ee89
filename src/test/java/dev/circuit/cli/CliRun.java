package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** One in-process run of the CLI: its exit code and what it printed on stdout and stderr. */
record CliRun(int code, String out, String err) {
    /** Runs the CLI and checks that no stack trace reached the user (unless --debug was asked for). */
    static CliRun of(String... args) {
        CliRun r = unchecked(args);
        if (!Arrays.asList(args).contains("--debug")) r.assertNoStackTrace(String.join(" ", args));
        return r;
    }

    /** Runs the CLI; the caller checks the output. */
    static CliRun unchecked(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    boolean hasStackTrace() {
        String text = out + err;
        return text.contains("at dev.circuit") || text.contains("\tat ") || text.contains("Exception");
    }

    /** A user never sees Java's insides: no stack frame, no exception class name. */
    void assertNoStackTrace(String what) {
        assertFalse(hasStackTrace(), "a stack trace or exception leaked for '" + what + "':\n" + out + err);
    }

    String all() {
        return out + err;
    }
}
