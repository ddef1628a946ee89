package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * eval reads and prints buses wider than a long: arguments in decimal and hex up to the bus's
 * width, outputs as exact integers, and one past the width refused by name.
 */
class WideBusEvalTest {
    private static final String ADDER = "circuits/arith/adder_n.net";

    @Test
    void sixtyFourBitArgumentsAndOutputsAreExact() {
        CliRun r = CliRun.of("eval", ADDER, "--top", "adder_n<64>", "18446744073709551615", "0xFFFFFFFFFFFFFFFF", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals("s=18446744073709551615 cout=1\n", r.out());
    }

    @Test
    void seventyBitJsonIsExact() {
        CliRun r = CliRun.of("eval", ADDER, "--top", "adder_n<70>", "0x3FFFFFFFFFFFFFFFFF", "1", "0", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("{\"circuit\":\"adder_n<70>\",\"inputs\":{\"a\":1180591620717411303423,\"b\":1,\"cin\":0},"
                + "\"outputs\":{\"s\":0,\"cout\":1}}\n", r.out());
    }

    @Test
    void aValueOnePastTheWidthIsRefused() {
        CliRun r = CliRun.of("eval", ADDER, "--top", "adder_n<64>", "18446744073709551616", "0", "0");
        assertEquals(2, r.code(), r.out());
        assertEquals(true, r.err().contains("18446744073709551616 does not fit input a[64] (0..18446744073709551615)"), r.err());
    }
}
