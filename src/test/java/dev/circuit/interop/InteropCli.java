package dev.circuit.interop;

import dev.circuit.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the circuit CLI in-process and keeps what it printed. */
record InteropCli(int code, String out, String err) {
    static InteropCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new InteropCli(code, out.toString(), err.toString());
    }

    /** True when {@code program} can be started (it is on the PATH). */
    static boolean installed(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
