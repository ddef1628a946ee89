package dev.circuit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Design;
import dev.circuit.verify.Progress;
import dev.circuit.verify.SatFirst;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import dev.circuit.verify.Verdict;
import dev.circuit.verify.VerifyOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default engine's portfolio (SAT first under a budget of propagations, then enumeration)
 * against the scalar reference, on the random circuits and properties of
 * {@link EngineAgreesWithScalarTest}, with SAT tried on every check ({@code fromGateRows} 0) and
 * budgets from one propagation (SAT never answers) to one per gate-row (it nearly always does).
 * Whichever engine answered: the same verdict as the scalar engine; a FAIL at the scalar engine's
 * first failing row with its explanation (so a SAT counterexample is never reported as it is, only
 * as the first failing row at or below it); a PASS by SAT says so; and the same check with the same
 * budget gives the same report twice (the budget is reproducible, unlike a time limit).
 *
 * <p>Mutations this catches (each tried by hand on Portfolio, 2026-11-27): SAT's "no answer" read
 * as a proof (failing checks pass at a budget of one propagation); a SAT counterexample reported
 * instead of the first failing row (other rows); the budget ignored (no check ends without an
 * answer, which the tally below requires).
 */
class PortfolioAgreesWithScalarTest {
    @TempDir
    Path dir;

    /** One propagation per this many gate-rows: from "always unknown" to "nearly always answered". */
    private static final long[] PER = {Long.MAX_VALUE, 1L << 14, 1L << 9, 1};

    @Test
    void sameVerdictAndFirstFailingRowWhicheverEngineAnswers() {
        Map<String, Integer> tally = new TreeMap<>();
        qt().withFixedSeed(20261127L).withExamples(80).forAll(longs().all()).checkAssert(seed -> {
            String text = EngineAgreesWithScalarTest.RandomCircuit.write(new Random(seed));
            agree(text, seed, tally);
        });
        qt().withFixedSeed(20261128L).withExamples(20).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            agree(EngineAgreesWithScalarTest.RandomCircuit.wide(r, 8 + r.nextInt(5)), seed, tally);
        });
        // Every way the portfolio can end must have happened, many times.
        for (String k : List.of("proven", "counterexample", "no answer, pass", "no answer, fail")) {
            assertTrue(tally.getOrDefault(k, 0) > 10, "too few '" + k + "': " + tally);
        }
        System.out.println("PortfolioAgreesWithScalarTest: " + tally);
    }

    private void agree(String text, long seed, Map<String, Integer> tally) {
        Path f = SatAgreesWithExhaustiveTest.write(dir, text, seed);
        Design design = Circuit.load(f, new Sources());
        List<TestOutcome> scalar = TestRunner.run(design, new VerifyOptions(0, 1, 1, true));
        for (long per : PER) {
            VerifyOptions auto = new VerifyOptions(0, 1, 2, false, false, Progress.NONE, false, 0, new SatFirst(0, per));
            List<TestOutcome> got = TestRunner.run(design, auto);
            List<TestOutcome> again = TestRunner.run(design, auto);
            assertEquals(scalar.size(), got.size(), text);
            for (int i = 0; i < got.size(); i++) {
                TestOutcome.Check g = (TestOutcome.Check) got.get(i);
                TestOutcome s = scalar.get(i);
                String where = text + "\nper " + per + "\nportfolio: " + g.verboseDetail() + " " + g.failures() + "\nscalar: " + s;
                assertEquals(s.verdict(), g.verdict(), where);
                assertNotNull(g.satFirst(), where);
                assertEquals(g.verboseDetail(), again.get(i).verboseDetail(), "not reproducible: " + where);
                assertEquals(g.failures(), again.get(i).failures(), "not reproducible: " + where);
                if (g.verdict() == Verdict.PASS && g.satFirst().startsWith("proven")) {
                    assertTrue(g.how().startsWith("SAT engine"), where);
                    count(tally, "proven");
                    continue;
                }
                // Enumeration answered: every detail as the reference has it.
                assertTrue(g.how().startsWith("bit-parallel"), where);
                assertEquals(s.rows(), g.rows(), where);
                assertEquals(s.failures().stream().map(d -> d.message()).toList(), g.failures().stream().map(d -> d.message()).toList(), where);
                if (g.satFirst().startsWith("a counterexample")) {
                    assertEquals(Verdict.FAIL, g.verdict(), where);
                    long satRow = Long.parseLong(g.satFirst().replaceFirst("^a counterexample at row (\\d+) .*", "$1"));
                    assertTrue(g.rows() <= satRow, where);
                    count(tally, "counterexample");
                } else {
                    assertTrue(g.satFirst().startsWith("no answer within "), where);
                    count(tally, g.passed() ? "no answer, pass" : "no answer, fail");
                }
            }
        }
    }

    private static void count(Map<String, Integer> tally, String k) {
        tally.merge(k, 1, Integer::sum);
    }
}
