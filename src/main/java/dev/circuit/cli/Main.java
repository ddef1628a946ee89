package dev.circuit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The process entry point: runs the CLI on the real stdout and stderr and exits with its code. */
public final class Main {
    private Main() {}

    /**
     * The parser and the elaborator recurse once per nesting level and per term of a sum; the default
     * 1 MB stack ends a neuron at about 1000 terms. The stack is reserved, not committed, so a large
     * one costs nothing until used.
     */
    static final long STACK_BYTES = 256L << 20;

    public static void main(String[] args) throws InterruptedException {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int[] code = {dev.circuit.diag.Failure.INTERNAL.exitCode};
        Thread run = new Thread(null, () -> code[0] = Cli.run(args, out, err), "circuit", STACK_BYTES);
        run.start();
        run.join();
        out.flush();
        err.flush();
        System.exit(code[0]);
    }
}
