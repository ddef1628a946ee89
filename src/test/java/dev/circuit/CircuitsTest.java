package dev.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.cli.Cli;
import dev.circuit.diag.Sources;
import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Rational;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example circuit in circuits/ is verified by its own test tables, and the promised outputs hold. */
class CircuitsTest {
    static final Path CIRCUITS = Path.of("circuits");

    /** Files meant to be imported rather than run; they may have no test table. None so far. */
    /**
     * Files without a test table: regression examples trained from CSV data (their data is not a
     * truth table; the trainer's tests train them and check the result).
     */
    static final Set<Path> LIBRARY = Set.of(CIRCUITS.resolve("learn/add.net"), CIRCUITS.resolve("learn/add_scaled.net"),
            CIRCUITS.resolve("learn/line.net"));

    static Stream<Path> circuitFiles() {
        // Files named *_proof.net hold the long exhaustive proofs (the 16-bit adder: 2^33 rows): the CLI
        // runs them (`./circuit test circuits/`, as CI does); the suite samples them in ArithCircuitsTest.
        return NetFiles.under(CIRCUITS).stream().filter(p -> !p.getFileName().toString().endsWith("_proof.net"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("circuitFiles")
    void everyTestTableRowHolds(Path file) {
        NetFiles.assertVerified(file, LIBRARY);
    }

    /** An example is read by people first: its opening comment says what it shows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("circuitFiles")
    void everyExampleStartsWithAComment(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        assertTrue(first.startsWith("# ") || first.startsWith("// "), file + " starts with '" + first + "', not a comment");
    }

    @Test
    void thePromisedExamplesAreThere() {
        List<String> names = NetFiles.under(CIRCUITS).stream().map(p -> p.getFileName().toString()).toList();
        for (String n : List.of("nand.net", "adder.net", "not.net", "and.net", "or.net", "nor.net", "xor.net", "xnor.net",
                "full_adder.net", "mux2.net", "go_out.net", "majority.net", "xor_threshold.net", "full_adder_threshold.net")) {
            assertTrue(names.contains(n), "circuits/" + n + " is missing");
        }
    }

    /** The gate examples claim to be built only from NAND perceptrons, and how many: the netlist must agree. */
    @ParameterizedTest(name = "{0} is {1} NANDs")
    @CsvSource({"nand, 1", "not, 1", "and, 2", "or, 3", "nor, 4", "xor, 4", "xnor, 5", "mux2, 4", "adder, 5", "full_adder, 9"})
    void gateExamplesAreMadeOfNandsOnly(String name, int count) {
        Netlist net = load(name);
        assertEquals(count, net.neurons().size(), "neurons in " + name);
        for (Neuron n : net.neurons()) {
            boolean nand = n.activation() == Activation.STEP && n.fanIn() == 2
                    && n.weights().stream().allMatch(w -> w.isFixed() && w.scale().equals(Rational.of(-2)))
                    && sum(n.bias()).equals(Rational.of(3));
            assertTrue(nand, n.path() + " is not a NAND perceptron");
        }
    }

    /** The threshold-logic examples claim a neuron count that NANDs cannot match. */
    @ParameterizedTest(name = "{0} is {1} threshold neurons")
    @CsvSource({"majority, 1", "xor_threshold, 3", "full_adder_threshold, 2", "go_out, 1"})
    void thresholdExamplesUseThePromisedNumberOfNeurons(String name, int count) {
        Netlist net = load(name);
        assertEquals(count, net.neurons().size(), "neurons in " + name);
        assertTrue(net.isBoolean(), name + " should be fixed 0/1 threshold logic");
    }

    private static Netlist load(String name) {
        return Circuit.load(CIRCUITS.resolve(name + ".net"), null, new Sources()).topCircuit().netlist();
    }

    private static Rational sum(List<Coef> terms) {
        return terms.stream().peek(c -> assertTrue(c.isFixed())).map(Coef::scale).reduce(Rational.ZERO, Rational::plus);
    }

    @Test
    void evalOfTheHalfAdderPrintsSumAndCarry() {
        Run r = cli("eval", "circuits/adder.net", "1", "1");
        assertEquals(0, r.code, r.err);
        assertEquals("sum=0 carry=1\n", r.out);
        assertEquals("", r.err);
    }

    @Test
    void tableOfTheHalfAdderIsAlignedWithTheHeaderFirst() {
        Run r = cli("table", "circuits/adder.net");
        assertEquals(0, r.code, r.err);
        assertEquals("""
                a  b  |  sum  carry
                0  0  |    0      0
                0  1  |    1      0
                1  0  |    1      0
                1  1  |    0      1
                """, r.out);
    }

    /** The check above must be able to fail: a wrong row in a copy of an example is caught and shown. */
    @Test
    void aWrongRowFailsWithTheRenderedDiagnostic(@TempDir Path dir) throws IOException {
        Files.copy(CIRCUITS.resolve("nand.net"), dir.resolve("nand.net"));
        Path xor = dir.resolve("xor.net");
        Files.writeString(xor, Files.readString(CIRCUITS.resolve("xor.net")).replace("1 1 | 0", "1 1 | 1"));
        AssertionError e = assertThrows(AssertionError.class, () -> NetFiles.assertVerified(xor, LIBRARY));
        assertTrue(e.getMessage().contains("xor.net:17:11: error: a=1 b=1: y is 0, expected 1"), e.getMessage());
        assertTrue(e.getMessage().contains("    1 1 | 1\n"), e.getMessage());
    }

    @Test
    void aFileWithoutTestsFailsUnlessItIsALibrary(@TempDir Path dir) throws IOException {
        Path lib = dir.resolve("half.net");
        Files.writeString(lib, "neuron half(a, b) = a + b >= 1\n");
        AssertionError e = assertThrows(AssertionError.class, () -> NetFiles.assertVerified(lib, Set.of()));
        assertTrue(e.getMessage().contains("has no test table"), e.getMessage());
        NetFiles.assertVerified(lib, Set.of(lib));
    }

    @Test
    void anInvalidFileFailsWithItsErrors(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.net");
        Files.writeString(bad, "neuron bad(a) = step(a*a)\ntest bad {\n a | bad\n 0 | 0\n}\n");
        AssertionError e = assertThrows(AssertionError.class, () -> NetFiles.assertVerified(bad, Set.of()));
        assertTrue(e.getMessage().contains("bad.net:1:23: error: not linear"), e.getMessage());
    }

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        String nl = System.lineSeparator();
        return new Run(code, out.toString().replace(nl, "\n"), err.toString().replace(nl, "\n"));
    }
}
