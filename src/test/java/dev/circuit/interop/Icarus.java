package dev.circuit.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Runs exported Verilog in Icarus Verilog, for the tests that hold the export to the other engines
 * (here and in dev.circuit.reference). Public for those; test code only.
 */
public final class Icarus {
    /** The testbench's last line. */
    public static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");
    /** The row count the testbench states at its top. */
    public static final Pattern ROWS = Pattern.compile("// Testbench: (\\d+) rows\\.");
    public static final String MISSING = "Icarus Verilog is not installed (apt-get install -y iverilog): Verilog export not simulated";

    private Icarus() {}

    public static boolean installed() {
        return InteropCli.installed("iverilog", "-V") && InteropCli.installed("vvp", "-V");
    }

    /** Compiles {@code v} in {@code dir} and returns what its simulation printed. */
    public static String simulate(Path v, Path dir) throws IOException, InterruptedException {
        Path sim = dir.resolve("sim");
        String compile = run(dir, "iverilog", "-g2005", "-Wall", "-o", sim.toString(), v.toString());
        if (!Files.exists(sim)) throw new AssertionError("iverilog failed:\n" + compile);
        return run(dir, "vvp", "-n", sim.toString());
    }

    private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
