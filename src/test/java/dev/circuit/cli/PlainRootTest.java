package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PlainRoot} answers exactly what picocli answers (output, errors, exit code), and leaves every other line to it. */
class PlainRootTest {
    /** What a run printed and returned. */
    private record Run(String out, String err, int code) {}

    private static Run run(String[] args, boolean plain) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Env env = new Env(new PrintWriter(out), new PrintWriter(err));
        int code = plain ? PlainRoot.run(args, env) : Cli.runPicocli(args, env);
        env.out.flush();
        env.err.flush();
        return new Run(out.toString(), err.toString(), code);
    }

    @Test
    void answersAsPicocliDoes() {
        for (String[] args : List.of(new String[] {}, new String[] {"--version"}, new String[] {"-V"})) {
            Run plain = run(args, true);
            assertEquals(run(args, false), plain, String.join(" ", args));
            // Not vacuous: something was printed.
            assertEquals(true, !plain.out().isEmpty() || !plain.err().isEmpty());
        }
    }

    @Test
    void everythingElseIsPicocli() {
        for (String[] args : List.of(new String[] {"--version", "x"}, new String[] {"--debug", "--version"}, new String[] {"-h"},
                new String[] {"--help"}, new String[] {"eval"}, new String[] {"--Version"}, new String[] {"-V", "-V"}, new String[] {""})) {
            Run plain = run(args, true);
            assertEquals(new Run("", "", PlainRoot.PICOCLI), plain, String.join(" ", args));
        }
    }
}
