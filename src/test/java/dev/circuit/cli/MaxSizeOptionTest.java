package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-size}: the size budget of elaboration, on every command that reads circuits. The half
 * adder costs 28 units (its 7 nets and 5 two-input neurons, 22; the nand neuron on its own, 6), so a
 * budget set by the flag decides exactly whether it loads; the default admits the largest examples.
 */
class MaxSizeOptionTest {
    private static final String ADDER = "circuits/adder.net";
    private static final String OVER = "the design grows beyond its size budget of 27 units here;";

    @Test
    void theFlagSetsTheBudgetToTheUnit() {
        CliRun small = CliRun.of("eval", ADDER, "1", "1", "--max-size", "27");
        assertEquals(3, small.code(), small.all());
        // The adder is built first (22 units), then the neuron it imports, whose last unit is one too many.
        assertEquals("circuits/nand.net:6:1: error: " + OVER + " raise it with --max-size (a unit is a net, a neuron,"
                + " an input of a neuron, an instance or a loop iteration)\n"
                + "    neuron nand(a, b) = step(-2*a - 2*b + 3)\n"
                + "    ^\n", small.err());

        CliRun enough = CliRun.of("eval", ADDER, "1", "1", "--max-size", "28");
        assertEquals(0, enough.code(), enough.all());
        assertEquals("sum=0 carry=1\n", enough.out());
    }

    @Test
    void testTakesTheFlagToo() {
        CliRun r = CliRun.of("test", ADDER, "--max-size", "27");
        assertEquals(3, r.code(), r.all());
        assertTrue(r.err().contains(OVER), r.err());
        assertTrue(r.out().startsWith("ERROR " + ADDER + " (1 error)"), r.out());
        assertEquals(0, CliRun.of("test", ADDER, "--max-size", "28").code());
    }

    @Test
    void theDefaultAdmitsTheLargestExamples() {
        CliRun proof = CliRun.of("test", "circuits/arith/adder16_proof.net", "--sample", "1000");
        assertEquals(0, proof.code(), proof.all());
        assertTrue(proof.out().contains("PASS  circuits/arith/adder16_proof.net:7: check adder_n<16>"), proof.out());
        CliRun mul8 = CliRun.of("eval", "circuits/arith/mul.net", "--top", "mul8", "200", "123");
        assertEquals(0, mul8.code(), mul8.all());
        assertEquals("p=24600\n", mul8.out());
    }

    @Test
    void aBudgetBelowOneUnitIsAUsageErrorSaidOnce() {
        CliRun r = CliRun.of("test", ADDER, "circuits/nand.net", "--max-size", "0");
        assertEquals(2, r.code(), r.all());
        assertEquals("circuit: error: --max-size takes a number of units of at least 1, not 0\n", r.err());
        assertEquals(2, CliRun.of("stats", ADDER, "--max-size", "-5").code());
    }

    /**
     * A budget larger than the memory Java has: the build runs out of memory before the budget, and
     * that is an error at the last place charged (exit 3), not a crash. Run in a JVM of 64 MB, where
     * the first few million-bit buses do not fit.
     */
    @Test
    void runningOutOfMemoryBeforeTheBudgetIsAnErrorAtThePlace(@TempDir Path tmp) throws IOException, InterruptedException {
        Path f = Files.writeString(tmp.resolve("wide.net"), String.join("\n",
                "circuit c(a) -> y {",
                "    for i in 0..100 {",
                "        wire w[1048576]",
                "    }",
                "    y = a",
                "}", ""));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.circuit.cli.Main", "eval", f.toString(), "1", "--max-size", "1000000000")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor(), err);
        assertTrue(err.startsWith(f + ":3:14: error: ran out of memory here, after "), err);
        assertTrue(err.contains(" units of the size budget of 1,000,000,000: give Java more memory"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
}
