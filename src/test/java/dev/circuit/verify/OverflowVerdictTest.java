package dev.circuit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.diag.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check whose property overflows 64-bit integers on some row fails at that row, whichever engine
 * runs it. The bit-parallel engine computes exactly and used to pass such checks while the scalar
 * engine (taken, say, when the property also has a '% 3') failed them: same property, two verdicts.
 */
class OverflowVerdictTest {
    private static List<TestOutcome> run(Path dir, String... lines) throws IOException {
        Path f = dir.resolve("ovf.net");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return TestRunner.run(f, new Sources(), new VerifyOptions(0, 1, 2, false));
    }

    @Test
    void aShiftPastSixtyTwoBitsFailsOnBothEngines(@TempDir Path dir) throws IOException {
        List<TestOutcome> out = run(dir,
                "circuit id(a[2]) -> (y[2]) {",
                "    y = a",
                "}",
                "check id: (a << 61) >= 0",
                "check id: (a << 61) + (a % 3) * 0 >= 0");
        for (TestOutcome o : out) {
            assertFalse(o.passed(), o.how() + " passed a row that overflows");
            assertEquals(3, o.rows(), o.how() + ": a=2 is the first row whose shift overflows");
            assertTrue(o.failures().get(0).message().contains("overflow in a << 61"), o.failures().get(0).message());
        }
    }

    @Test
    void aProductPastSixtyFourBitsFailsOnBothEngines(@TempDir Path dir) throws IOException {
        List<TestOutcome> out = run(dir,
                "circuit id(a[16]) -> (y[16]) {",
                "    y = a",
                "}",
                "check id: y * y * y * y * 0 == 0",
                "check id: y * y * y * y * 0 + (a % 3) * 0 == 0");
        for (TestOutcome o : out) {
            assertFalse(o.passed(), o.how() + " passed a row that overflows");
            // 55109 is the smallest y with y^4 >= 2^63
            assertTrue(o.failures().get(0).message().contains("fails at a=55109: overflow in y*y * y * y"),
                    o.failures().get(0).message());
        }
    }

    @Test
    void propertiesThatFitStayOnTheBitParallelEngine(@TempDir Path dir) throws IOException {
        List<TestOutcome> out = run(dir,
                "circuit id(a[8]) -> (y[8]) {",
                "    y = a",
                "}",
                "check id: y * y * y == a * a * a",
                "check id: (a << 54) >> 54 == y");
        for (TestOutcome o : out) {
            assertTrue(o.passed(), o.failures().toString());
            assertTrue(o.how().startsWith("bit-parallel"), o.how());
        }
    }
}
