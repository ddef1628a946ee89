package dev.circuit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.Circuit;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Design;
import dev.circuit.reference.WideExprs.Expr;
import dev.circuit.reference.WideExprs.Term;
import dev.circuit.verify.Progress;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import dev.circuit.verify.VerifyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Checks on wide buses, few enough input rows to enumerate: Boolean circuits of up to 9 input bits
 * drive an output bus of up to 130 bits, and random properties over both (from {@link WideExprs})
 * run on the scalar engine (the reference), the bit-parallel engine and the SAT engine. All three
 * give the same verdict; the bit-parallel engine the same first failing row and message as the
 * scalar one; every SAT counterexample is re-run on the scalar evaluator by the runner, which
 * fails loudly when it holds there.
 */
class WideEnginesAgreeTest {
    @TempDir
    Path dir;

    private static final VerifyOptions SCALAR = new VerifyOptions(0, 1, 1, true);
    private static final VerifyOptions BIT_PARALLEL = new VerifyOptions(0, 1, 1, false, false, Progress.NONE);
    private static final VerifyOptions SAT = new VerifyOptions(0, 1, 1, false, false, Progress.NONE, true, 0);

    /** {@code circuit w(x[k], c) -> (y[m])}: each bit of y a copy, a constant or a threshold of input bits. */
    static String circuit(RandomnessSource in, int k, int m) {
        StringBuilder sb = new StringBuilder("circuit w(x[" + k + "], c) -> (y[" + m + "]) {\n");
        for (int i = 0; i < m; i++) {
            sb.append("    y[").append(i).append("] = ");
            switch (WideExprs.draw(in, 0, 3)) {
                case 0: sb.append(WideExprs.draw(in, 0, 1)); break;
                case 1: sb.append("x[").append(WideExprs.draw(in, 0, k - 1)).append(']'); break;
                case 2: sb.append("c"); break;
                default: sb.append("x[").append(WideExprs.draw(in, 0, k - 1)).append("] + x[").append(WideExprs.draw(in, 0, k - 1))
                        .append("] + c >= ").append(WideExprs.draw(in, 1, 2));
            }
            sb.append('\n');
        }
        return sb.append("}\n").toString();
    }

    /** A comparison of two random expressions (mostly false somewhere), or an identity that must hold. */
    static String property(RandomnessSource in, List<Term> terms, int k) {
        Expr e = WideExprs.expr(in, terms, 3, false);
        switch (WideExprs.draw(in, 0, 5)) {
            case 0: return "((" + e.text() + " << " + WideExprs.draw(in, 0, 140) + ") >> 0) >= " + e.text() + " - " + e.text() + " + " + e.text();
            case 1: return "((" + e.text() + " + y) - y) == " + e.text();
            case 2: return "({y, x} >> " + k + ") == y";
            case 3: {
                int s = WideExprs.draw(in, 0, 140);
                return "((" + e.text() + " << " + s + ") >> " + s + ") == " + e.text();
            }
            default: {
                String[] ops = {"==", "!=", "<", "<=", ">", ">="};
                return e.text() + " " + ops[WideExprs.draw(in, 0, ops.length - 1)] + " " + WideExprs.expr(in, terms, 3, false).text();
            }
        }
    }

    static Gen<String> files() {
        Gen<String> g = in -> {
            int k = WideExprs.draw(in, 1, 8);
            int m = WideExprs.width(in, 130);
            List<Term> terms = List.of(new Term("x", k), new Term("c", 1), new Term("y", m));
            StringBuilder sb = new StringBuilder(circuit(in, k, m)).append('\n');
            for (int i = WideExprs.draw(in, 1, 3); i > 0; i--) sb.append("check w: ").append(property(in, terms, k)).append('\n');
            return sb.toString();
        };
        return g.describedAs(s -> s);
    }

    @Test
    void scalarBitParallelAndSatAgreeOnWideChecks() {
        int[] tally = new int[4]; // on gates, passed on gates, failed on gates, checks
        qt().withFixedSeed(20261206L).withExamples(150).withShrinkCycles(100).forAll(files()).checkAssert(text -> {
            Design design = Circuit.load(write(text), new Sources());
            List<TestOutcome> slow = TestRunner.run(design, SCALAR);
            List<TestOutcome> fast = TestRunner.run(design, BIT_PARALLEL);
            List<TestOutcome> sat = TestRunner.run(design, SAT);
            assertEquals(slow.size(), fast.size(), text);
            assertEquals(slow.size(), sat.size(), text);
            for (int i = 0; i < slow.size(); i++) {
                TestOutcome s = slow.get(i);
                TestOutcome f = fast.get(i);
                String where = text + "\nscalar: " + s + "\nbit-parallel: " + f + "\nsat: " + sat.get(i);
                assertEquals(s.verdict(), f.verdict(), where);
                assertEquals(s.verdict(), sat.get(i).verdict(), where);
                assertEquals(s.rows(), f.rows(), where);
                assertEquals(messages(s), messages(f), where);
                tally[3]++;
                if (f.how().startsWith("bit-parallel")) {
                    assertTrue(sat.get(i).how().startsWith("SAT engine"), where);
                    tally[0]++;
                    tally[s.passed() ? 1 : 2]++;
                }
            }
        });
        // Most checks must run on the gates, and both verdicts must come up there many times.
        assertTrue(tally[0] * 2 > tally[3] && tally[1] > 40 && tally[2] > 40, java.util.Arrays.toString(tally));
    }

    private static List<String> messages(TestOutcome o) {
        return o.failures().stream().map(Diagnostic::message).toList();
    }

    private Path write(String text) {
        try {
            return Files.writeString(dir.resolve("w" + Integer.toHexString(text.hashCode()) + ".net"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
