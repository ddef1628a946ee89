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
 * Check arithmetic is exact at any size, whichever engine runs it: a value past 64 bits is neither
 * wrapped nor refused, and the rows that cannot be computed (a shift by a negative amount, a left
 * shift past Prop.MAX_SHIFT) fail on both engines alike. Each file pairs a property the bit-parallel
 * engine synthesises with the same property plus a {@code % 3}, which sends it to the scalar engine.
 */
class ExactVerdictTest {
    private static List<TestOutcome> run(Path dir, String... lines) throws IOException {
        Path f = dir.resolve("exact.net");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return TestRunner.run(f, new Sources(), new VerifyOptions(0, 1, 2, false));
    }

    @Test
    void valuesPastSixtyFourBitsAreExactOnBothEngines(@TempDir Path dir) throws IOException {
        List<TestOutcome> out = run(dir,
                "circuit id(a[16]) -> (y[16]) {",
                "    y = a",
                "}",
                "check id: (a << 61) >> 61 == y",
                "check id: (a << 61) >> 61 == y + (a % 3) * 0",
                "check id: y * y * y * y * y == a * a * a * a * a",
                "check id: y * y * y * y * y == a * a * a * a * a + (a % 3) * 0",
                "check id: (y << 100) - (a << 100) + 1 == 1",
                "check id: (y << 100) - (a << 100) + 1 == 1 + (a % 3) * 0");
        assertEquals(6, out.size());
        for (int i = 0; i < out.size(); i++) {
            TestOutcome o = out.get(i);
            assertTrue(o.passed(), o.failures().toString());
            assertTrue(o.how().startsWith(i % 2 == 0 ? "bit-parallel" : "scalar"), o.how());
        }
    }

    @Test
    void aWrongValuePastSixtyFourBitsFailsAtTheSameRowOnBothEngines(@TempDir Path dir) throws IOException {
        List<TestOutcome> out = run(dir,
                "circuit id(a[8]) -> (y[8]) {",
                "    y = a",
                "}",
                "check id: (y << 70) != 12 << 72",
                "check id: (y << 70) != (12 << 72) + (a % 3) * 0");
        for (TestOutcome o : out) {
            assertFalse(o.passed(), o.how());
            assertEquals(49, o.rows(), o.how() + ": a=48 is the one failing row");
            assertEquals("check id fails at a=48: (y << 70) and 12 << 72 are both 56668397794435742564352",
                    o.failures().get(0).message().replace("(12 << 72) + (a % 3) * 0", "12 << 72"), o.how());
        }
    }

    @Test
    void aShiftByANegativeAmountFailsOnBothEngines(@TempDir Path dir) throws IOException {
        List<TestOutcome> out = run(dir,
                "circuit id(a[2]) -> (y[2]) {",
                "    y = a",
                "}",
                "check id: (y >> (a - 2)) >= 0",
                "check id: (y >> (a - 2)) + (a % 3) * 0 >= 0",
                "check id: y >> -1 >= 0");
        for (TestOutcome o : out) {
            assertFalse(o.passed(), o.how() + " passed a row that shifts by a negative amount");
            assertEquals(1, o.rows(), o.how() + ": a=0 shifts by -2");
            assertTrue(o.failures().get(0).message().contains("a shift by a negative amount in y >> "), o.failures().get(0).message());
        }
    }

    @Test
    void aLeftShiftPastTheLimitFailsOnBothEngines(@TempDir Path dir) throws IOException {
        List<TestOutcome> out = run(dir,
                "circuit id(a[2]) -> (y[2]) {",
                "    y = a",
                "}",
                "check id: (1 << 1048577) > y",
                "check id: (1 << (1048576 + a)) > y");
        assertEquals(2, out.get(1).rows(), "a=1 shifts by one bit too many");
        for (TestOutcome o : out) {
            assertFalse(o.passed(), o.how());
            assertTrue(o.failures().get(0).message().contains("a shift by more than 1048576 bits in 1 << "), o.failures().get(0).message());
        }
    }
}
