package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The command line as a user meets it, run in-process: outputs, messages and exit codes
 * (0 ok, 1 test failed, 2 usage, 3 invalid file, 4 missing file). Every run also checks that no
 * stack trace or exception name reaches the user ({@link CliRun#of}).
 */
class CliTest {
    static final String ADDER = "circuits/adder.net";
    static final String BUS = "src/test/resources/cli/bus.net";
    static final String FAILING = "src/test/resources/cli/failing";
    static final String INVALID = "src/test/resources/invalid";

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    @Nested
    class Eval {
        @Test
        void halfAdderByPosition() {
            CliRun r = CliRun.of("eval", ADDER, "1", "1");
            assertEquals(0, r.code());
            assertEquals("sum=0 carry=1\n", r.out());
            assertEquals("", r.err());
        }

        @Test
        void namedInputsInAnyOrder() {
            assertEquals("sum=1 carry=0\n", CliRun.of("eval", ADDER, "a=1", "b=0").out());
            assertEquals("sum=1 carry=0\n", CliRun.of("eval", ADDER, "b=0", "a=1").out());
        }

        @Test
        void traceShowsEveryNeuronInEvaluationOrder() {
            CliRun r = CliRun.of("eval", "--trace", ADDER, "1", "1");
            assertEquals(0, r.code());
            assertEquals("""
                    neuron       activation   z  out  margin
                    adder/g1     step        -1    0       1
                    adder/g2     step         1    1       1
                    adder/g3     step         1    1       1
                    adder/sum    step        -1    0       1
                    adder/carry  step         3    1       3
                    sum=0 carry=1
                    """, r.out());
        }

        @Test
        @SuppressWarnings("unchecked")
        void jsonHasCircuitInputsAndOutputs() {
            CliRun r = CliRun.of("eval", "--json", ADDER, "1", "0");
            assertEquals(0, r.code());
            Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.out());
            assertEquals(List.of("circuit", "inputs", "outputs"), List.copyOf(j.keySet()));
            assertEquals("adder", j.get("circuit"));
            assertEquals(Map.of("a", new BigDecimal("1"), "b", new BigDecimal("0")), j.get("inputs"));
            assertEquals(Map.of("sum", new BigDecimal("1"), "carry", new BigDecimal("0")), j.get("outputs"));
        }

        @Test
        @SuppressWarnings("unchecked")
        void jsonWithTraceListsEveryNeuron() {
            CliRun r = CliRun.of("eval", "--json", "--trace", ADDER, "1", "1");
            Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.out());
            List<Object> trace = (List<Object>) j.get("trace");
            assertEquals(5, trace.size());
            Map<String, Object> carry = (Map<String, Object>) trace.get(4);
            assertEquals(List.of("neuron", "activation", "z", "out", "margin"), List.copyOf(carry.keySet()));
            assertEquals("adder/carry", carry.get("neuron"));
            assertEquals("step", carry.get("activation"));
            assertEquals(0, new BigDecimal("3").compareTo((BigDecimal) carry.get("z")));
        }

        @Test
        void busInputsInDecimalHexAndBinary() {
            // swap(b[8], x): s is b with its nibbles swapped, nx = not x.
            assertEquals("s=90 nx=0\n", CliRun.of("eval", BUS, "0xA5", "1").out());
            assertEquals("s=90 nx=0\n", CliRun.of("eval", BUS, "165", "1").out());
            assertEquals("s=90 nx=1\n", CliRun.of("eval", BUS, "0b10100101", "0").out());
            assertEquals("s=90 nx=1\n", CliRun.of("eval", BUS, "b=0xa5", "x=0").out());
            assertEquals("s=0b11110000 nx=1\n", CliRun.of("eval", "--bits", BUS, "0b00001111", "0").out());
        }

        @Test
        void busValueThatDoesNotFitIsAUsageError() {
            CliRun r = CliRun.of("eval", BUS, "256", "0");
            assertEquals(2, r.code());
            assertEquals("circuit: error: 256 does not fit input b[8] (0..255): swap takes 2 inputs (b[8] x)\n", r.err());
            assertEquals("", r.out());
        }

        @Test
        void topChoosesAnotherCircuitOrAGenericInstance() {
            assertEquals("y=5\n", CliRun.of("eval", BUS, "--top", "inv_n<4>", "0xA").out());
            assertEquals("y=12\n", CliRun.of("eval", BUS, "--top", "inv_n<4>", "0b0011").out());
            assertEquals("nand=0\n", CliRun.of("eval", ADDER, "--top", "nand", "1", "1").out());
        }

        @Test
        void unknownTopNamesTheOptionAndSuggests() {
            CliRun r = CliRun.of("eval", BUS, "--top", "swp", "1", "1");
            assertEquals(2, r.code());
            assertEquals("circuit: error: --top: no circuit or neuron named 'swp'; did you mean 'swap'?\n", r.err());
        }

        /** A --top that names nothing and one that is malformed are the same kind of mistake: exit 2 both. */
        @Test
        void everyBadTopIsAUsageError() {
            assertEquals(2, CliRun.of("eval", "circuits/arith/adder_n.net", "--top", "nosuch", "1", "1", "1").code());
            CliRun r = CliRun.of("eval", "circuits/arith/adder_n.net", "--top", "adder_n<4", "1", "1", "1");
            assertEquals(2, r.code());
            assertEquals("circuit: error: 'adder_n<4' is not a circuit name (expected NAME or NAME<N,...>)\n", r.err());
            assertEquals(2, CliRun.of("table", "circuits/arith/adder_n.net", "--top", "nosuch").code());
            assertEquals(2, CliRun.of("stats", "circuits/arith/adder_n.net", "--top", "nosuch").code());
        }

        /** Beyond a double's range a number would silently become Infinity or 0: refused like 'inf'. */
        @Test
        void realInputsOutOfRangeAreUsageErrors() {
            CliRun big = CliRun.of("eval", "circuits/learn/line.net", "1e400");
            assertEquals(2, big.code());
            assertTrue(big.err().contains("'1e400' is too large for input x (numbers go up to about 1.8e308)"), big.err());
            assertEquals("", big.out());
            CliRun tiny = CliRun.of("eval", "circuits/learn/line.net", "1e-400");
            assertEquals(2, tiny.code());
            assertTrue(tiny.err().contains("'1e-400' is too small for input x to tell from 0"), tiny.err());
            assertEquals(0, CliRun.of("eval", "circuits/learn/line.net", "1e300").code());
        }

        /** A generated file can raise one warning thousands of times: a few are shown, the rest counted. */
        @Test
        void repeatedWarningsAreSummarisedAfterAFew() throws Exception {
            StringBuilder sb = new StringBuilder("neuron nand(a, b) = step(-2*a - 2*b + 3)\ncircuit c(a) -> y {\n");
            for (int i = 0; i < 1000; i++) sb.append("    t").append(i).append(" = nand(a, a)\n");
            sb.append("    y = nand(a, a)\n}\n");
            java.nio.file.Path f = java.nio.file.Files.writeString(tmp.resolve("many.net"), sb.toString());
            CliRun r = CliRun.of("eval", f.toString(), "1");
            assertEquals(0, r.code(), r.err());
            assertEquals("y=0\n", r.out());
            assertEquals(3, r.err().split("warning: signal 't\\d+' is never used", -1).length - 1, r.err());
            assertTrue(r.err().endsWith("... and 997 more warnings like this: signal 't0' is never used\n"), r.err());
        }

        @Test
        void aDeviceIsNotCalledAMissingFile() {
            CliRun r = CliRun.of("table", "/dev/null");
            assertEquals(4, r.code());
            assertEquals("/dev/null: error: not a regular file (a device, pipe or socket), not a .net file\n", r.err());
        }

        @Test
        void warningsGoToStderrAndTheCircuitStillEvaluates() {
            CliRun r = CliRun.of("eval", INVALID + "/warn_unused_input.net", "1", "1", "0");
            assertEquals(0, r.code());
            assertEquals("y=0\n", r.out());
            assertTrue(r.err().contains("warn_unused_input.net:4:17: warning: input 'unused' of circuit 'c' is never used"), r.err());
        }
    }

    @Nested
    class Table {
        @Test
        void halfAdderTruthTable() {
            CliRun r = CliRun.of("table", ADDER);
            assertEquals(0, r.code());
            assertEquals("""
                    a  b  |  sum  carry
                    0  0  |    0      0
                    0  1  |    1      0
                    1  0  |    1      0
                    1  1  |    0      1
                    """, r.out());
        }

        @Test
        void busTableInBinary() {
            CliRun r = CliRun.of("table", BUS, "--top", "inv_n<2>", "--bits");
            assertEquals("""
                       a  |     y
                    0b00  |  0b11
                    0b01  |  0b10
                    0b10  |  0b01
                    0b11  |  0b00
                    """, r.out());
        }
    }

    @Nested
    class ExitCodes {
        @Test
        void wrongNumberOfInputsIsUsage() {
            CliRun r = CliRun.of("eval", ADDER, "1");
            assertEquals(2, r.code());
            assertEquals("circuit: error: got 1 value: adder takes 2 inputs (a b)\n", r.err());
        }

        @Test
        void aBooleanCircuitTakesBitsOnly() {
            CliRun r = CliRun.of("eval", ADDER, "2", "1");
            assertEquals(2, r.code());
            assertEquals("circuit: error: input a is a bit (0 or 1), not 2: adder takes 2 inputs (a b)\n", r.err());
            // A real-valued circuit takes any number.
            CliRun line = CliRun.of("eval", "circuits/learn/line.net", "2.5");
            assertEquals(0, line.code(), line.all());
            assertEquals("line=22.5\n", line.out());
        }

        @Test
        void unparsableValueIsUsage() {
            CliRun r = CliRun.of("eval", ADDER, "1", "yes");
            assertEquals(2, r.code());
            assertEquals("circuit: error: 'yes' is not a number (input 'b'): adder takes 2 inputs (a b)\n", r.err());
        }

        @Test
        void namedInputMistakesAreUsage() {
            assertEquals("circuit: error: 'c' is not an input: adder takes 2 inputs (a b)\n",
                    CliRun.of("eval", ADDER, "a=1", "c=0").err());
            assertEquals("circuit: error: input 'a' is given twice: adder takes 2 inputs (a b)\n",
                    CliRun.of("eval", ADDER, "a=1", "a=0").err());
            CliRun missing = CliRun.of("eval", ADDER, "a=1");
            assertEquals(2, missing.code());
            assertEquals("circuit: error: missing input b: adder takes 2 inputs (a b)\n", missing.err());
        }

        @Test
        void mixingNamedAndPositionalIsUsage() {
            assertEquals(2, CliRun.of("eval", ADDER, "a=1", "0").code());
        }

        @Test
        void unknownOptionIsUsage() {
            CliRun r = CliRun.of("eval", "--frob", ADDER, "1", "1");
            assertEquals(2, r.code());
            assertTrue(r.err().startsWith("circuit: error: Unknown option: '--frob'\n"), r.err());
            assertTrue(r.err().contains("Try 'circuit eval --help'"), r.err());
        }

        @Test
        void missingFileArgumentIsUsage() {
            CliRun r = CliRun.of("eval");
            assertEquals(2, r.code());
            assertTrue(r.err().contains("Missing required parameter: 'FILE'"), r.err());
        }

        @Test
        void noCommandIsUsage() {
            CliRun r = CliRun.of();
            assertEquals(2, r.code());
            assertTrue(r.err().contains("missing command"), r.err());
        }

        @Test
        void invalidFileIsThreeWithSourceLineAndCaret() {
            CliRun r = CliRun.of("eval", INVALID + "/unknown_signal.net", "1", "1");
            assertEquals(3, r.code());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith(INVALID + "/unknown_signal.net:5:17: error: unknown signal 'q'\n"
                    + "        y = nand(a, q)\n"
                    + "                    ^\n"), r.err());
        }

        @Test
        void invalidFileReportsEveryError() {
            CliRun r = CliRun.of("table", INVALID + "/several_errors.net");
            assertEquals(3, r.code());
            assertEquals(3, r.err().lines().filter(l -> l.contains(": error: ")).count(), r.err());
        }

        @Test
        void inputNestedThousandsDeepIsInvalidNotACrash(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Path deep = dir.resolve("deep.net");
            java.nio.file.Files.writeString(deep, "neuron n(a) = step(" + "(".repeat(20000) + "a" + ")".repeat(20000) + ")\n");
            CliRun r = CliRun.of("eval", deep.toString(), "1");
            assertEquals(3, r.code(), r.all());
            assertTrue(r.err().contains("error: too deeply nested: brackets more than 1000 levels deep"), r.err());
        }

        @Test
        void missingFileIsFour() {
            CliRun r = CliRun.of("eval", "no/such/file.net", "1");
            assertEquals(4, r.code());
            assertEquals("no/such/file.net: error: no such file\n", r.err());
        }

        @Test
        void folderGivenAsFileIsFour() {
            CliRun r = CliRun.of("eval", FAILING);
            assertEquals(4, r.code());
            assertTrue(r.err().contains("is a directory"), r.err());
        }

        @Test
        void internalErrorIsSeventyAndHidesTheTraceUnlessDebug() {
            for (boolean debug : new boolean[] {false, true}) {
                java.io.StringWriter err = new java.io.StringWriter();
                Env env = new Env(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
                env.debug = debug;
                int code = Cli.handle(new IllegalStateException("boom"), env);
                assertEquals(70, code);
                assertTrue(err.toString().startsWith("circuit: internal error: java.lang.IllegalStateException: boom\n"), err.toString());
                assertEquals(debug, err.toString().contains("at dev.circuit"), "stack trace shown only with --debug:\n" + err);
            }
        }

        @Test
        void userErrorsShowNoStackTraceEvenWithDebug() {
            CliRun r = CliRun.of("--debug", "eval", INVALID + "/cycle.net");
            assertEquals(3, r.code());
            r.assertNoStackTrace("--debug eval cycle.net");
        }
    }

    @Nested
    class TestCommand {
        @Test
        void failingTableListsTheRowAndExitsOne() {
            CliRun r = CliRun.of("test", FAILING);
            assertEquals(1, r.code());
            assertEquals(FAILING + "/wrong.net:7:11: error: a=0 b=1: or2 is 1, expected 0\n"
                    + "        0 1 | 0\n"
                    + "              ^\n", r.err());
            assertEquals("PASS  " + FAILING + "/good.net:4: test and2 (2 rows)\n"
                    + "FAIL  " + FAILING + "/wrong.net:4: test or2 (1 of 3 rows failed)\n"
                    + "1 passed, 1 failed\n", r.out());
        }

        @Test
        void testsAndChecksOfOneCircuitAreNamedByTheirLine() {
            String f = "src/test/resources/cli/checks.net";
            CliRun r = CliRun.of("test", "--engine", "scalar", f);
            assertEquals(1, r.code());
            assertEquals("PASS  " + f + ":6: test maj (1 row)\n"
                    + "PASS  " + f + ":11: test maj (1 row)\n"
                    + "PASS  " + f + ":16: check maj (8 rows, scalar engine)\n"
                    + "FAIL  " + f + ":17: check maj (failed at row 2, scalar engine)\n"
                    + "3 passed, 1 failed\n", r.out());
            assertTrue(r.err().startsWith(f + ":17:1: error: check maj fails at a=0 b=0 c=1: "), r.err());
        }

        @Test
        void aCheckTooLargeToEnumerateIsRefusedNotFailedAtRowZero(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Path f = dir.resolve("wide.net");
            java.nio.file.Files.writeString(f, "circuit wide(a[41]) -> y {\n    y = a[0] >= 1\n}\n\ncheck wide: y == a[0]\n");
            // auto proves it by SAT; an enumerating engine refuses it.
            CliRun proved = CliRun.of("test", f.toString());
            assertEquals(0, proved.code(), proved.all());
            assertTrue(proved.out().startsWith("PASS  " + f + ":5: check wide (all 2^41 rows, SAT engine, "), proved.out());
            CliRun r = CliRun.of("test", "--engine", "scalar", f.toString());
            assertEquals(1, r.code(), r.all());
            assertEquals("REFUSED " + f + ":5: check wide (not run: too many rows to enumerate)\n0 passed, 1 failed (1 refused)\n", r.out());
            assertTrue(r.err().contains("2^41 rows is more than the 2^40 circuit checks exhaustively; give --sample N"), r.err());
            assertFalse(r.out().contains("failed at row"), r.out());
        }

        @Test
        void aSequenceTableCountsTheFailingRunsItDoesNotShowAsRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Path f = dir.resolve("reg.net");
            // 15 of the 16 runs the X cells spell fail in their cycle 1 (all but d=15): 10 are shown, 5 counted.
            java.nio.file.Files.writeString(f, "circuit reg(d[4]) -> q[4] {\n    q = dff(d)\n}\n\n"
                    + "test reg sequence {\n    d | q\n    X | 0\n    0 | 15\n}\n");
            CliRun r = CliRun.of("test", f.toString());
            assertEquals(1, r.code(), r.all());
            assertTrue(r.out().startsWith("FAIL  " + f + ":5: test reg (15 runs failed, 32 cycles)"), r.out());
            assertTrue(r.err().contains("\n... and 5 more failing runs\n"), r.err());
        }

        @Test
        void passingFileExitsZero() {
            CliRun r = CliRun.of("test", FAILING + "/good.net");
            assertEquals(0, r.code());
            assertTrue(r.out().endsWith("1 passed, 0 failed\n"), r.out());
        }

        @Test
        void quietPrintsOnlyFailuresAndTheSummary() {
            CliRun r = CliRun.of("test", "-q", FAILING);
            assertEquals(1, r.code());
            assertFalse(r.out().contains("PASS"), r.out());
            assertTrue(r.out().endsWith("1 passed, 1 failed\n"), r.out());
        }

        @Test
        void invalidFileInTheRunIsThree() {
            CliRun r = CliRun.of("test", INVALID + "/test_row_cells.net");
            assertEquals(3, r.code());
            assertTrue(r.out().contains("ERROR " + INVALID + "/test_row_cells.net (2 errors)"), r.out());
            assertTrue(r.err().contains("8:5: error: row has 3 | 1 cells; the header has 2 | 1"), r.err());
        }

        /** Option errors are the command line's: said once (not once per file), exit 2, nothing run. */
        @Test
        void badThreadsAndSampleAreUsageErrorsSaidOnce() {
            String[][] bad = {{"--threads", "0"}, {"--threads", "-1"}, {"--sample", "-5"}, {"--sample", "0"}};
            for (String[] opt : bad) {
                CliRun r = CliRun.of("test", opt[0], opt[1], "circuits/arith");
                assertEquals(2, r.code(), String.join(" ", opt) + ": " + r.all());
                assertEquals("", r.out(), String.join(" ", opt));
                assertEquals(1, r.err().lines().count(), String.join(" ", opt) + ": " + r.err());
                assertTrue(r.err().startsWith("circuit: error: " + opt[0] + " takes "), r.err());
            }
            assertEquals(0, CliRun.of("test", "--sample", "1", ADDER).code());
        }

        @Test
        void aFolderWithoutNetFilesIsAUsageError() throws Exception {
            java.nio.file.Files.writeString(tmp.resolve("notes.txt"), "not a circuit\n");
            CliRun r = CliRun.of("test", tmp.toString());
            assertEquals(2, r.code(), r.all());
            assertEquals("circuit: error: no .net files in " + tmp + " (folders are searched recursively)\n", r.err());
            assertEquals("", r.out());
        }

        @Test
        void exampleCircuitsPass() {
            CliRun r = CliRun.of("test", "circuits");
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().endsWith(" passed, 0 failed\n"), r.out());
        }
    }

    @Nested
    class Separable {
        @Test
        void saysForEachOutputWhetherOneThresholdNeuronCanRealiseIt() {
            CliRun r = CliRun.of("separable", ADDER);
            assertEquals(0, r.code(), r.all());
            assertEquals("""
                    sum is not linearly separable: no single threshold neuron realises it (it needs a hidden layer, as XOR does)
                    one threshold neuron realises carry: step(2*a + 1*b - 2)
                    """, r.out());
        }

        @Test
        void orIsOneNeuronWithUnitWeights() {
            CliRun r = CliRun.of("separable", "circuits/learn/or.net");
            assertEquals("one threshold neuron realises or: step(1*a + 1*b)\n", r.out());
        }

        @Test
        void aCircuitWithoutATestTableIsAUsageError() {
            CliRun r = CliRun.of("separable", "circuits/learn/add.net");
            assertEquals(2, r.code());
            assertEquals("circuit: error: no test table for add in circuits/learn/add.net; separable reads the truth table from one"
                    + " (test add { ... })\n", r.err());
        }

        /** Runs separable on a file of this text, written to {@code name} in the test's folder. */
        private CliRun separable(String name, String text) throws java.io.IOException {
            return CliRun.of("separable", java.nio.file.Files.writeString(tmp.resolve(name), text).toString());
        }

        @Test
        void contradictoryRowsAreNoFunctionAtAll() throws Exception {
            CliRun r = separable("c.net", "circuit c(a, b) -> y {\n    y = step(a + b - 2)\n}\ntest c {\n  a b | y\n  0 0 | 0\n"
                    + "  0 1 | 0\n  0 0 | 1\n}\n");
            java.nio.file.Path f = tmp.resolve("c.net");
            assertEquals(0, r.code(), r.all());
            assertEquals("y is not a function of the inputs: lines 6 and 8 of " + f + " give the same inputs different values,"
                    + " so no circuit realises it\n", r.out());
        }

        @Test
        void aTableWithoutRowsIsAnErrorInTheFileWhateverTheCommand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Path f = dir.resolve("e.net");
            java.nio.file.Files.writeString(f, "circuit e(a) -> y {\n    y = step(?*a + ?)\n}\ntest e {\n  a | y\n}\n");
            // A table that checks nothing is an error in the file, whatever the command.
            String expected = f + ":4:1: error: test e has a header but no rows; add a row such as '0 | 0'\n";
            CliRun r = CliRun.of("separable", f.toString());
            assertEquals(3, r.code(), r.all());
            assertTrue(r.err().startsWith(expected), r.err());
            CliRun t = CliRun.of("train", f.toString());
            assertEquals(3, t.code(), t.all());
            assertTrue(t.err().startsWith(expected), t.err());
        }

        /** A neuron found from some rows of a table is only known to fit those rows. */
        @Test
        void aPartialTableSaysOnHowManyRowsTheNeuronHolds() throws Exception {
            CliRun r = separable("gt.net", "circuit gt(a[2], b[2]) -> gt {\n    gt = step(2*a[1] + a[0] - 2*b[1] - b[0] - 1)\n}\n"
                    + "test gt {\n    a b | gt\n    3 0 | 1\n    0 3 | 0\n    2 1 | 1\n}\n");
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().startsWith("one threshold neuron realises gt on the 3 listed rows (of 16): step("), r.out());
        }

        @Test
        void aTableOfRealNumbersIsNotATruthTable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Path f = dir.resolve("half.net");
            java.nio.file.Files.writeString(f, "circuit half(a) -> y {\n    y = linear(0.5*a)\n}\ntest half {\n    a | y\n    1 | 0.5\n}\n");
            CliRun r = CliRun.of("separable", f.toString());
            assertEquals(2, r.code());
            assertTrue(r.err().contains("is not a truth table: separable needs every input and output 0 or 1"), r.err());
        }
    }

    @Nested
    class Help {
        @Test
        void helpListsCommandsAndExitCodes() {
            CliRun r = CliRun.of("--help");
            assertEquals(0, r.code());
            assertTrue(r.out().startsWith("Usage: circuit "), r.out());
            for (String s : List.of("eval", "table", "test", "--debug",
                    "Exit codes: 0 ok, 1 a test or check failed, 2 usage error, 3 invalid .net file,\n",
                    "4 file not readable or writable, 5 training failed,\n",
                    "6 no check failed but a SAT proof ended unknown (test, equiv --timeout),\n",
                    "70 internal error (rerun with --debug and report it).\n")) {
                assertTrue(r.out().contains(s), "help lacks '" + s + "':\n" + r.out());
            }
        }

        /** A run builds only the command it names: the root's options and picocli's suggestions still work. */
        @Test
        void onlyTheNamedCommandIsBuiltAndNothingElseChanges() {
            assertEquals("eval", Cli.chosen(new String[] {"--debug", "eval", ADDER}));
            assertEquals(null, Cli.chosen(new String[] {"--help"}));
            assertEquals(null, Cli.chosen(new String[] {"help", "eval"}));
            assertEquals(null, Cli.chosen(new String[] {"evl"}));
            assertEquals("sum=0 carry=1\n", CliRun.of("--debug", "eval", ADDER, "1", "1").out());
            assertEquals("sum=0 carry=1\n", CliRun.of("eval", "--debug", ADDER, "1", "1").out());
            CliRun typo = CliRun.of("evl", ADDER);
            assertEquals(2, typo.code());
            assertTrue(typo.err().contains("eval"), "suggests the command: " + typo.err());
            CliRun help = CliRun.of("help", "train");
            assertEquals(0, help.code());
            assertTrue(help.out().startsWith("Usage: circuit train "), help.out());
        }

        @Test
        void versionNamesTheTool() {
            CliRun r = CliRun.of("--version");
            assertEquals(0, r.code());
            assertTrue(r.out().startsWith("circuit "), r.out());
        }

        static final List<String> COMMANDS = List.of("eval", "table", "test", "train", "dot", "stats", "separable", "verilog",
                "import", "fmt");

        /** The one-line summaries `circuit --help` lists are whole sentences (train's ended in a comma). */
        @Test
        void everySummaryIsASentence() {
            String help = CliRun.of("--help").out();
            for (String c : COMMANDS) {
                String summary = help.substring(help.indexOf("\n  " + c + " ") + 1).split("\n  [a-z]")[0].strip();
                assertTrue(summary.endsWith(".") || summary.endsWith("?"), c + ": " + summary);
            }
        }

        /** picocli's wrapping must not split a word (".⏎net") nor garble a synopsis ("R1,R2,...[,R1,R2,......]"). */
        @Test
        void helpTextsWrapCleanly() {
            for (String c : COMMANDS) {
                String out = CliRun.of("help", c).out();
                String[] lines = out.split("\n");
                for (int i = 1; i < lines.length; i++) {
                    boolean splitWord = lines[i - 1].endsWith(".") && lines[i].strip().matches("^(net|bench|blif|csv)\\b.*");
                    assertFalse(splitWord, c + ": a file extension split by wrapping:\n" + lines[i - 1] + "\n" + lines[i]);
                }
                assertFalse(out.contains("[,") || out.contains("......"), c + ": garbled synopsis:\n" + out);
            }
        }

        /** docs/CLI.md lists the engines `test --engine` takes, all of them. */
        @Test
        void theDocumentedEnginesAreTheAcceptedOnes() throws Exception {
            String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/CLI.md"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("`--engine ([a-z|]+)`").matcher(doc);
            assertTrue(m.find(), "docs/CLI.md documents --engine");
            // The list may wrap onto the next line of the option's description.
            String help = CliRun.of("help", "test").out().replaceAll("\n\\s+", " ");
            java.util.regex.Matcher h = java.util.regex.Pattern.compile("Engine for checks: ([a-z, ]+)").matcher(help);
            assertTrue(h.find(), help);
            assertEquals(h.group(1).strip().replace(", ", "|"), m.group(1));
        }

        @Test
        void helpEvalShowsItsOptions() {
            CliRun r = CliRun.of("help", "eval");
            assertEquals(0, r.code());
            assertTrue(r.out().startsWith("Usage: circuit eval "), r.out());
            for (String s : List.of("--trace", "--json", "--top", "--bits", "a=1 b=0", "0xC8")) {
                assertTrue(r.out().contains(s), "help eval lacks '" + s + "':\n" + r.out());
            }
        }
    }
}
