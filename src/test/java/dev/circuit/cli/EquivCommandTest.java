package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code circuit equiv} from the command line: proofs, counterexamples, and what it refuses. */
class EquivCommandTest {
    @TempDir
    Path dir;

    private static final String MUL4 = "circuits/imported/mul4.net";
    private static final String MUL = "circuits/arith/mul.net";

    /** The "done": the 4x4 multiplier Yosys synthesised, imported, equals the hand-written NAND array. */
    @ParameterizedTest
    @ValueSource(strings = {"auto", "exhaustive", "sat", "scalar"})
    void theImportedMultiplierEqualsTheHandWrittenOne(String engine) {
        CliRun r = CliRun.of("equiv", MUL4, MUL, "--top-b", "mul4", "--engine", engine);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("EQUIVALENT  " + MUL4 + ":mul4 == " + MUL + ":mul4 (8 input bits, "), r.out());
        assertEquals("", r.err());
    }

    /** The 8x8 multiplier Yosys wrote as BLIF (docs/INTEROP.md), imported, against mul.net's 632 NANDs: all 2^16 rows. */
    @Test
    void theImported8BitMultiplierEqualsTheHandWrittenOne() {
        Path net = dir.resolve("mul8.net");
        assertEquals(0, CliRun.of("import", "src/test/resources/interop/mul8.blif", "-o", net.toString()).code());
        CliRun r = CliRun.of("equiv", net.toString(), MUL, "--top-b", "mul8");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("EQUIVALENT  " + net + ":mul8 == " + MUL + ":mul8 (16 input bits, all 65536 rows, bit-parallel engine"), r.out());
    }

    /**
     * A mutation of the imported multiplier (p[0] = a[0] OR b[0] instead of AND) is caught by every
     * engine, with an input where the two differ: the hand-written side's p is a*b there, the mutant's is not.
     */
    @ParameterizedTest
    @ValueSource(strings = {"auto", "sat", "scalar"})
    void aMutantMultiplierIsNotEquivalentAtAnInputWhereItIsWrong(String engine) throws Exception {
        String text = Files.readString(Path.of(MUL4));
        String mutated = text.replace("p[0]                  = b[0] + a[0] >= 2", "p[0]                  = b[0] + a[0] >= 1");
        assertNotEquals(text, mutated);
        Path f = Files.writeString(dir.resolve("mul4_bad.net"), mutated);
        CliRun r = CliRun.of("equiv", f.toString(), MUL, "--top-b", "mul4", "--engine", engine);
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().startsWith("NOT EQUIVALENT  " + f + ":mul4 != " + MUL + ":mul4 (8 input bits, "), r.out());
        Matcher m = Pattern.compile("\n  inputs  a=(\\d+) b=(\\d+)\n  A       p=(\\d+)\n  B       p=(\\d+)\n").matcher(r.out());
        assertTrue(m.find(), r.out());
        long a = Long.parseLong(m.group(1));
        long b = Long.parseLong(m.group(2));
        assertNotEquals(a * b, Long.parseLong(m.group(3)), r.out());
        assertEquals(a * b, Long.parseLong(m.group(4)), r.out());
    }

    @Test
    void theFirstDifferenceOfAnEnumerationIsPrinted() {
        CliRun r = CliRun.of("equiv", "circuits/xor.net", "circuits/xnor.net");
        assertEquals(1, r.code(), r.all());
        assertEquals("NOT EQUIVALENT  circuits/xor.net:xor != circuits/xnor.net:xnor (2 input bits, first difference at row 1, "
                + "bit-parallel engine, interpreted, 6 gates)\n  inputs  a=0 b=0\n  A       y=0\n  B       y=1\n", r.out());
    }

    /** Generic instances on both sides; past 2^40 rows auto proves by SAT. */
    @Test
    void genericInstancesAndSatPastEnumeration() {
        CliRun r = CliRun.of("equiv", "circuits/arith/adder_n.net", "circuits/arith/adder_n.net", "--top-a", "adder_n<8>", "--top-b", "adder_t<8>");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains(":adder_n<8> == circuits/arith/adder_n.net:adder_t<8> (17 input bits, all 131072 rows, bit-parallel"), r.out());
        r = CliRun.of("equiv", "circuits/arith/adder_n.net", "circuits/arith/adder_n.net", "--top-a", "adder_n<32>", "--top-b", "adder_t<32>");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("(65 input bits, proven for all 2^65 inputs, SAT engine, "), r.out());
        r = CliRun.of("equiv", "circuits/arith/adder_n.net", "circuits/arith/adder_n.net", "--top-a", "adder_n<32>", "--top-b", "adder_t<32>",
                "--engine", "exhaustive");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("has 65 input bits: 2^65 rows is more than the 2^40 equiv enumerates; --engine auto or sat proves it by SAT"), r.err());
    }

    /**
     * A neuron whose weights need more than 62 bits as exact integers keeps a pair off the gates, not
     * off SAT: past the 2^40 rows equiv enumerates (41 bits, which equiv once refused, and 64), the
     * pair is proven, or refuted at its one differing input, by SAT; up to them (4 bits), auto and
     * exhaustive enumerate every row on the reference evaluator, as test does for such a check, and
     * SAT, asked for, gives the same verdicts.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 41, 64})
    void neuronsTooWideForTheGatesAreDecidedBySatPastEnumeration(int n) throws Exception {
        Path f = Files.writeString(dir.resolve("or" + n + ".net"), wideOr(n));
        String wide = f + ":or_wide";
        String off = f + ":or_wide_off";
        String small = f + ":or_small";
        for (String engine : n > 40 ? List.of("auto", "sat") : List.of("sat")) {
            CliRun r = CliRun.of("equiv", f.toString(), f.toString(), "--top-a", "or_wide", "--top-b", "or_small", "--engine", engine);
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().startsWith("EQUIVALENT  " + wide + " == " + small + " (" + n + " input bits, proven for all 2^" + n
                    + " inputs, SAT engine, "), r.out());
            r = CliRun.of("equiv", f.toString(), f.toString(), "--top-a", "or_wide_off", "--top-b", "or_small", "--engine", engine);
            assertEquals(1, r.code(), r.all());
            assertTrue(r.out().startsWith("NOT EQUIVALENT  " + off + " != " + small + " (" + n + " input bits, counterexample, SAT engine, "), r.out());
            assertTrue(r.out().endsWith(")\n  inputs  x=1\n  A       y=0\n  B       y=1\n"), r.out());
        }
        if (n > 40) {
            CliRun r = CliRun.of("equiv", f.toString(), f.toString(), "--top-a", "or_small", "--top-b", "or_wide", "--engine", "exhaustive");
            assertEquals(2, r.code(), r.all());
            assertEquals("", r.out());
            assertTrue(r.err().contains("error: " + small + " has " + n + " input bits: 2^" + n + " rows is more than the 2^40 equiv enumerates;"
                    + " --engine auto or sat proves it by SAT"), r.err());
            return;
        }
        for (String engine : List.of("auto", "exhaustive", "scalar")) {
            CliRun r = CliRun.of("equiv", f.toString(), f.toString(), "--top-a", "or_wide", "--top-b", "or_small", "--engine", engine);
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().contains("(" + n + " input bits, all " + (1 << n) + " rows, scalar engine"), r.out());
            r = CliRun.of("equiv", f.toString(), f.toString(), "--top-a", "or_wide_off", "--top-b", "or_small", "--engine", engine);
            assertEquals(1, r.code(), r.all());
            assertTrue(r.out().contains("(" + n + " input bits, first difference at row 2, scalar engine") && r.out().contains("\n  inputs  x=1\n"), r.out());
        }
    }

    /**
     * Weights that overflow the SAT encoding's budget as well (41 random 80-bit weights, written in
     * two orders so each side keeps its own threshold constraint, a decision diagram of millions of
     * nodes): past 2^40 rows no engine applies, and the refusal says why rather than that SAT does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"auto", "sat"})
    void aPairTooWideForTheSatEncodingTooIsRefusedPastEnumerationSayingWhy(String engine) throws Exception {
        Path f = tooWideForSat(41);
        CliRun run = CliRun.of("equiv", f.toString(), f.toString(), "--top-a", "a", "--top-b", "b", "--engine", engine);
        assertEquals(2, run.code(), run.all());
        assertTrue(run.err().contains("error: " + f + ":a has 41 input bits: 2^41 rows is more than the 2^40 equiv enumerates; the SAT engine"
                + " does not apply: a threshold constraint of a neuron whose weights as exact integers need more than 62 bits is over the"
                + " SAT encoding's budget of decision-diagram nodes"), run.err());
    }

    /**
     * The same pair at 32 input bits, within what equiv enumerates: --engine sat is refused there too
     * (not run on another engine than asked), pointing to the engines that enumerate it. (Auto would
     * enumerate its 2^32 rows on the reference evaluator: too long for a test.)
     */
    @Test
    void satOnAPairTooWideForTheSatEncodingIsRefusedWithinEnumerationToo() throws Exception {
        Path f = tooWideForSat(32);
        CliRun run = CliRun.of("equiv", f.toString(), f.toString(), "--top-a", "a", "--top-b", "b", "--engine", "sat");
        assertEquals(2, run.code(), run.all());
        assertEquals("", run.out());
        assertTrue(run.err().contains("error: the SAT engine does not apply: a threshold constraint of a neuron whose weights as exact integers"
                + " need more than 62 bits is over the SAT encoding's budget of decision-diagram nodes; --engine auto or scalar enumerates"
                + " the pair on the reference evaluator"), run.err());
    }

    /**
     * Circuits a and b of n inputs whose one neuron has n random 80-bit weights, written in two
     * orders so each side keeps its own threshold constraint: from about 30 inputs its decision
     * diagram is over the SAT encoding's budget (millions of nodes at 41).
     */
    private Path tooWideForSat(int n) throws Exception {
        Random r = new Random(7);
        List<String> terms = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger w = new BigInteger(80, r).setBit(79);
            total = total.add(w);
            terms.add(w + "*x[" + i + "]");
        }
        String a = "circuit a(x[" + n + "]) -> y {\n    y = " + String.join(" +\n        ", terms) + " >= " + total.shiftRight(1) + "\n}\n";
        Collections.reverse(terms);
        String b = "circuit b(x[" + n + "]) -> y {\n    y = " + String.join(" +\n        ", terms) + " >= " + total.shiftRight(1) + "\n}\n";
        return Files.writeString(dir.resolve("big" + n + ".net"), a + "\n" + b);
    }

    /**
     * or_small: y = 1 when any of x[0..n-1] is, by a chain of small neurons. or_wide: the same as one
     * neuron weighing x[i] by 2^(63+i); its threshold 1 leaves the weights no common factor to divide
     * out. or_wide_off: the threshold 2^63 + 1, which every x[i] but x[0] reaches alone, so it differs
     * from the others only where x is 1.
     */
    private static String wideOr(int n) {
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < n; i++) sum.append(i == 0 ? "" : " +\n        ").append(BigInteger.ONE.shiftLeft(63 + i)).append("*x[").append(i).append(']');
        return "circuit or_small(x[" + n + "]) -> y {\n"
                + "    wire o[" + (n + 1) + "]\n"
                + "    o[0] = 0\n"
                + "    for i in 0.." + (n - 1) + " {\n"
                + "        o[i + 1] = o[i] + x[i] >= 1\n"
                + "    }\n"
                + "    y = o[" + n + "]\n"
                + "}\n"
                + "\n"
                + "circuit or_wide(x[" + n + "]) -> y {\n"
                + "    y = " + sum + " >= 1\n"
                + "}\n"
                + "\n"
                + "circuit or_wide_off(x[" + n + "]) -> y {\n"
                + "    y = " + sum + " >= " + BigInteger.ONE.shiftLeft(63).add(BigInteger.ONE) + "\n"
                + "}\n";
    }

    /** Ports are matched by name whatever their order: a circuit equals itself with its ports declared the other way round. */
    @Test
    void portsMatchByNameNotOrder() throws Exception {
        Path f = Files.writeString(dir.resolve("swapped.net"), "import \"" + Path.of("circuits/full_adder.net").toAbsolutePath() + "\"\n\n"
                + "circuit swapped(cin, b, a) -> (cout, sum) {\n    (sum, cout) = full_adder(a, b, cin)\n}\n");
        CliRun r = CliRun.of("equiv", f.toString(), "circuits/full_adder_threshold.net", "--top-a", "swapped");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("EQUIVALENT  "), r.out());
    }

    /** A difference prints B's outputs under A's, port by port, whatever order B declares them in. */
    @Test
    void aDifferencePrintsBsOutputsInAsOrder() throws Exception {
        Path a = Files.writeString(dir.resolve("a.net"), "circuit a(x, y) -> (p, q, r[2]) {\n    p = x\n    q = y\n    r = {x, y}\n}\n");
        Path b = Files.writeString(dir.resolve("b.net"), "circuit b(y, x) -> (r[2], q, p) {\n    p = x\n    q = 1 - y >= 1\n    r = {x, y}\n}\n");
        CliRun run = CliRun.of("equiv", a.toString(), b.toString());
        assertEquals(1, run.code(), run.all());
        List<String> lines = run.out().lines().toList();
        assertEquals("  inputs  x=0 y=0", lines.get(1));
        assertEquals("  A       p=0 q=0 r=0", lines.get(2));
        assertEquals("  B       p=0 q=1 r=0", lines.get(3));
    }

    @Test
    void portsThatDoNotMatchAreAllNamedAtTheirPlaces() {
        CliRun r = CliRun.of("equiv", "circuits/adder.net", "circuits/full_adder.net");
        assertEquals(2, r.code(), r.all());
        assertEquals("", r.out());
        assertTrue(r.err().contains("circuits/adder.net:4:30: error: output 'carry' of circuits/adder.net:adder has no output of that name in circuits/full_adder.net:full_adder"), r.err());
        assertTrue(r.err().contains("error: input 'cin' of circuits/full_adder.net:full_adder has no input of that name in circuits/adder.net:adder"), r.err());
        assertTrue(r.err().contains("error: output 'cout' of circuits/full_adder.net:full_adder has no output of that name"), r.err());
        r = CliRun.of("equiv", MUL4, MUL, "--top-b", "mul8");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("circuits/arith/mul.net:32:14: error: input 'a' is 8 bits wide in circuits/arith/mul.net:mul8 but 4 bits wide in "
                + MUL4 + ":mul4"), r.err());
        assertTrue(r.err().contains("error: output 'p' is 16 bits wide"), r.err());
    }

    @Test
    void aCircuitThatIsNotBooleanIsRefusedWithTheNeuronThatIsNot() {
        CliRun r = CliRun.of("equiv", "circuits/learn/xor.net", "circuits/xor.net");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("circuits/learn/xor.net:8:5: error: equiv compares Boolean circuits (step and threshold neurons with fixed weights): "
                + "neuron 'xor/h1' of circuits/learn/xor.net:xor is sigmoid"), r.err());
    }

    @Test
    void aWrongTopIsAUsageErrorNamingItsOption() {
        CliRun r = CliRun.of("equiv", "circuits/xor.net", "circuits/xor.net", "--top-b", "nosuch");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("circuit: error: --top-b: no circuit or neuron named 'nosuch'"), r.err());
        r = CliRun.of("equiv", "circuits/xor.net", "circuits/xor.net", "--timeout", "0");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("--timeout takes a number of seconds of at least 1, not 0"), r.err());
    }

    /** A 16x16 multiplier against itself with its operands swapped is hard for plain SAT: the timeout ends it UNKNOWN, exit 6. */
    @Test
    void aTimeoutEndsAHardProofAsUnknown() throws Exception {
        Path f = Files.writeString(dir.resolve("swap.net"), "import \"" + Path.of(MUL).toAbsolutePath() + "\"\n\n"
                + "circuit swap16(a[16], b[16]) -> p[32] {\n    p = mul_n<16>(b, a)\n}\n");
        CliRun r = CliRun.of("equiv", MUL, f.toString(), "--top-a", "mul_n<16>", "--engine", "sat", "--timeout", "1");
        assertEquals(6, r.code(), r.all());
        assertTrue(r.out().startsWith("UNKNOWN  " + MUL + ":mul_n<16> =? " + f + ":swap16 (32 input bits, no proof or counterexample before the timeout, SAT engine, "), r.out());
        assertTrue(r.err().contains("the SAT engine found neither a proof nor a counterexample in 1 s (--timeout)"), r.err());
    }
}
