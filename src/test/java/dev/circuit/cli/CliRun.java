package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** One in-process run of the CLI: its exit code and what it printed on stdout and stderr. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        CliRun r = new CliRun(code, out.toString(), err.toString());
        if (!Arrays.asList(args).contains("--debug")) r.assertNoStackTrace(String.join(" ", args));
        return r;
    }

    /** A user never sees Java's insides: no stack frame, no exception class name. */
    void assertNoStackTrace(String what) {
        for (String text : new String[] {out, err}) {
            assertFalse(text.contains("at dev.circuit") || text.contains("\tat ") || text.contains("Exception"),
                    "a stack trace or exception leaked for '" + what + "':\n" + text);
        }
    }

    String all() {
        return out + err;
    }
}
