package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SAT engine from the command line: past enumeration, its counterexamples, its timeout. */
class SatEngineCliTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String imports(String file) {
        return "import \"" + Path.of("circuits/arith", file).toAbsolutePath() + "\"\n";
    }

    /** 2^65 rows: refused before, proven by auto through SAT now. */
    @Test
    void autoProvesA65BitCheckBySat() {
        CliRun r = CliRun.of("test", "circuits/arith/adder32_sat.net");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PASS  circuits/arith/adder32_sat.net:6: check adder_n<32> (all 2^65 rows, SAT engine, "), r.out());
        assertTrue(r.out().matches("(?s).*\\d+ gates, \\d+ variables, \\d+ clauses\\).*"), r.out());
    }

    /** The counterexample is the scalar evaluator's explanation: inputs and both sides, as for every failure. */
    @Test
    void aWrongWideCheckFailsWithACounterexampleThatReallyFails() throws Exception {
        Path f = file("bad.net", imports("adder_n.net") + "\ncheck adder_n<32>: {cout, s} == a + b\n");
        CliRun r = CliRun.of("test", f.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  " + f + ":3: check adder_n<32> (counterexample, SAT engine, "), r.out());
        // The only failing rows have cin=1, where {cout, s} is one more than a + b.
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("fails at a=(\\d+) b=(\\d+) cin=1: \\{cout, s\\} is (\\d+), a \\+ b is (\\d+)").matcher(r.err());
        assertTrue(m.find(), r.err());
        long a = Long.parseLong(m.group(1));
        long b = Long.parseLong(m.group(2));
        assertEquals(a + b + 1, Long.parseLong(m.group(3)), r.err());
        assertEquals(a + b, Long.parseLong(m.group(4)), r.err());
    }

    /**
     * Past 64 bits: the property fails only where the sum needs more than 100 bits, so the
     * counterexample's buses are wide, and the values printed must be the row's exact integers.
     */
    @Test
    void aCounterexampleOnA128BitAdderPrintsItsWideValuesExactly() throws Exception {
        Path f = file("wide.net", imports("adder_n.net") + "\ncheck adder_n<128>: ({cout, s} == a + b + cin) & (s >> 100 == 0)\n");
        CliRun r = CliRun.of("test", f.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  " + f + ":3: check adder_n<128> (counterexample, SAT engine, "), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("fails at a=(\\d+) b=(\\d+) cin=([01]): s >> 100 == 0 is false: s >> 100 is (\\d+)\n").matcher(r.err());
        assertTrue(m.find(), r.err());
        BigInteger sum = new BigInteger(m.group(1)).add(new BigInteger(m.group(2))).add(new BigInteger(m.group(3)));
        BigInteger s = sum.mod(BigInteger.ONE.shiftLeft(128));
        assertTrue(s.bitLength() > 100, r.err());
        assertEquals(s.shiftRight(100), new BigInteger(m.group(4)), r.err());
    }

    /** The 64-bit adder and the 32-bit comparator of circuits/arith, proven by auto through SAT. */
    @Test
    void autoProvesTheSixtyFourBitAdderAndTheThirtyTwoBitComparator() {
        CliRun r = CliRun.of("test", "circuits/arith/adder64.net", "circuits/arith/compare32.net");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PASS  circuits/arith/adder64.net:13: check adder_n<64> (all 2^129 rows, SAT engine, "), r.out());
        assertTrue(r.out().contains("PASS  circuits/arith/compare32.net:19: check compare<32> (all 2^64 rows, SAT engine, "), r.out());
        assertTrue(r.out().contains("8 passed, 0 failed"), r.out());
    }

    /** A 16x16 multiplier is hard for plain SAT: a one-second limit ends it as UNKNOWN, exit code 6, never PASS. */
    @Test
    void aTimeoutEndsAHardProofAsUnknown() throws Exception {
        Path f = file("mul.net", imports("mul.net") + "\ncheck mul_n<16>: p == a*b\n");
        CliRun r = CliRun.of("test", "--engine", "sat", "--timeout", "1", f.toString());
        assertEquals(6, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("UNKNOWN " + f + ":3: check mul_n<16> (no proof or counterexample before the timeout, SAT engine, "), r.out());
        assertTrue(r.out().contains("0 passed, 1 failed"), r.out());
        assertTrue(r.err().contains("is unknown: the SAT engine found neither a proof nor a counterexample in 1 s (--timeout)"), r.err());
    }

    @Test
    void aTimeoutOfNoSecondsIsAUsageError() {
        CliRun r = CliRun.of("test", "--timeout", "0", "circuits/adder.net");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--timeout takes a number of seconds of at least 1, not 0"), r.err());
    }
}
