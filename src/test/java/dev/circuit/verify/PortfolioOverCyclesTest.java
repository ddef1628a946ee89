package dev.circuit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.diag.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portfolio on a check over cycles: SAT's counterexample is some failing input sequence, the
 * enumeration after it reports the first in counting order, as the scalar simulator does, and the
 * report counts sequences, as the result line does.
 */
class PortfolioOverCyclesTest {
    @Test
    void aFailingCounterReportsTheScalarFirstSequence(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("cnt.net");
        Files.writeString(f, String.join("\n",
                "circuit cnt(en) -> q[4] {",
                "    wire next[4], c[5]",
                "    q = dff(next)",
                "    # the bug: at q == 5 the counter counts even when en is 0",
                "    is5 = q[0] - q[1] + q[2] - q[3] >= 2",
                "    c[0] = en + is5 >= 1",
                "    for i in 0..3 {",
                "        o = q[i] + c[i] >= 1",
                "        a = q[i] + c[i] >= 2",
                "        next[i] = o - a >= 1",
                "        c[i + 1] = a",
                "    }",
                "    _carry = c[4]",
                "}",
                "check cnt for 12 cycles: q == (prev(q) + prev(en)) % 16", ""));
        TestOutcome scalar = TestRunner.run(f, new Sources(), new VerifyOptions(0, 1, 1, true)).get(0);
        VerifyOptions satFirst = new VerifyOptions(0, 1, 2, false, false, Progress.NONE, false, 0, new SatFirst(0, 1));
        TestOutcome.Check got = (TestOutcome.Check) TestRunner.run(f, new Sources(), satFirst).get(0);
        assertEquals(Verdict.FAIL, scalar.verdict());
        // en = 0 for five cycles, then 1 five times (q reaches 5), then 0: the 125th sequence.
        assertEquals(125, scalar.rows());
        assertEquals(scalar.rows(), got.rows(), got.verboseDetail());
        assertEquals(scalar.failures(), got.failures());
        assertTrue(got.satFirst().matches("a counterexample in sequence \\d+ within \\d+ propagations?; the first failing sequence by enumeration"),
                got.satFirst());
    }
}
