package dev.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.cli.Cli;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Sources;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import dev.circuit.verify.VerifyOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arithmetic circuits of circuits/arith: every table and check in them passes, exhaustively,
 * and a deliberately broken adder is caught with the first input it gets wrong. The 2^33-row
 * proof of adder_n<16> (adder16_proof.net) takes seconds even on the fast engine, so here it is only sampled.
 */
class ArithCircuitsTest {
    private static final Path ARITH = Path.of("circuits", "arith");

    /** The files the library promises; a missing one must fail the suite, not shrink it. */
    private static final List<String> EXPECTED = List.of("gates.net", "full_adders.net", "adder_n.net", "mux.net",
            "decoder.net", "compare.net", "parity.net", "popcount.net", "alu4.net", "mul.net", "adder64.net", "compare32.net");

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(ARITH)) {
            return s.filter(p -> p.toString().endsWith(".net") && !p.toString().endsWith("_proof.net"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void everyPromisedFileIsThere() throws IOException {
        List<String> names = files().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(EXPECTED), "missing from " + ARITH + ": " + EXPECTED.stream()
                .filter(n -> !names.contains(n)).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyTableAndCheckPasses(Path file) {
        List<TestOutcome> outcomes = TestRunner.run(file, new Sources(), VerifyOptions.defaults());
        assertTrue(outcomes.stream().anyMatch(o -> o.name().startsWith("check ")), file + " has no check");
        String failures = outcomes.stream().filter(o -> !o.passed())
                .map(o -> o.name() + ": " + o.failures().stream().map(Diagnostic::message).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
        assertEquals("", failures, file + " has failing tests");
        for (TestOutcome o : outcomes) {
            assertFalse(o.how().contains("sampled"), o.name() + " in " + file + " was sampled, not proven");
        }
    }

    /** The full proof is too slow for the suite; a sample still shows the file is valid and true. */
    @Test
    void theSixteenBitProofHoldsOnASample() {
        List<TestOutcome> outcomes = TestRunner.run(ARITH.resolve("adder16_proof.net"), new Sources(),
                new VerifyOptions(4096, 7, 1, false));
        assertEquals(List.of("check adder_n<16>"), outcomes.stream().map(TestOutcome::name).toList());
        assertTrue(outcomes.get(0).passed(), () -> outcomes.get(0).failures().toString());
        assertEquals(4096, outcomes.get(0).rows());
    }

    /**
     * The negative control: fa_nand with one NAND input swapped (the carry reads g2 instead of
     * g1). With a = 0 every g2 is 1, as g1 is there, so the first row that goes wrong is
     * a=1 b=0 cin=0 (row 32: a is the most significant input), where the adder says 3, not 1.
     * The mutant is the real file with that one edit, so the control breaks if the file changes.
     */
    @Test
    void anAdderWithOneSwappedInputFailsAtItsFirstWrongRow(@TempDir Path tmp) throws IOException {
        Path arith = copyLibrary(tmp);
        Path fa = arith.resolve("full_adders.net");
        String text = Files.readString(fa);
        String good = "    cout = nand(g1, g5)\n";
        assertTrue(text.contains(good), "the mutation site moved: update this control");
        Files.writeString(fa, text.replace(good, "    cout = nand(g2, g5)\n"));
        Path mutant = arith.resolve("mutant.net");
        // The second check computes the same property through '% 3 * 0', which the scalar
        // engine evaluates: both engines must report the same first failing row.
        Files.writeString(mutant, String.join("\n",
                "import \"adder_n.net\"",
                "check adder_n<4>: {cout, s} == a + b + cin",
                "check adder_n<4>: {cout, s} == a + b + cin + (a % 3) * 0",
                ""));

        List<TestOutcome> outcomes = TestRunner.run(mutant, new Sources(), VerifyOptions.defaults());
        assertEquals(2, outcomes.size());
        for (TestOutcome o : outcomes) {
            assertFalse(o.passed(), o.how() + " passed the broken adder");
            assertEquals(33, o.rows(), o.how() + ": rows run up to and including the first failure");
            String message = o.failures().get(0).message();
            assertTrue(message.contains("fails at a=1 b=0 cin=0: {cout, s} is 3, a + b + cin"), o.how() + ": " + message);
        }

        // 2^129 rows: the SAT engine must find the same mutation, its row re-run on the scalar evaluator.
        Path wide = arith.resolve("mutant64.net");
        Files.writeString(wide, "import \"adder_n.net\"\ncheck adder_n<64>: {cout, s} == a + b + cin\n");
        TestOutcome sat = TestRunner.run(wide, new Sources(), VerifyOptions.defaults()).get(0);
        assertFalse(sat.passed(), "the SAT engine passed the broken 64-bit adder");
        assertTrue(sat.how().startsWith("SAT engine"), sat.how());
        assertTrue(sat.failures().get(0).message().matches("check adder_n<64> fails at a=\\d+ b=\\d+ cin=[01]: \\{cout, s\\} is \\d+, a \\+ b \\+ cin is \\d+"),
                sat.failures().get(0).message());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"test", mutant.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, code, "exit code of a failed check");
        assertTrue(err.toString().contains("a=1 b=0 cin=0"), err.toString());
        assertTrue(out.toString().contains("FAIL"), out.toString());
    }

    /** circuits/nand.net and circuits/arith/*.net under tmp, keeping the relative imports working. */
    private static Path copyLibrary(Path tmp) throws IOException {
        Files.copy(Path.of("circuits", "nand.net"), tmp.resolve("nand.net"));
        Path arith = Files.createDirectory(tmp.resolve("arith"));
        try (Stream<Path> s = Files.list(ARITH)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".net")).toList()) {
                Files.writeString(arith.resolve(p.getFileName().toString()), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return arith;
    }
}
