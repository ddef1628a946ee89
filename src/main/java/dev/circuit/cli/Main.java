package dev.circuit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The process entry point: runs the CLI on the real stdout and stderr and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // Every command runs on the one deep stack (parsing, elaboration, import and fmt recurse).
        // An anonymous class rather than a lambda: see BigStack.
        int code = dev.circuit.BigStack.call(new java.util.function.Supplier<Integer>() {
            @Override
            public Integer get() {
                return Cli.run(args, out, err);
            }
        });
        out.flush();
        err.flush();
        System.exit(code);
    }
}
