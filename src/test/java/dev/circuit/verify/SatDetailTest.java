package dev.circuit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.circuit.diag.Pos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result line of a SAT proof over cycles counts its cycles as every other engine's does. */
class SatDetailTest {
    private static String proof(int cycles) {
        TestOutcome.SatSize size = new TestOutcome.SatSize(1, 2, 2);
        return new TestOutcome.Check("f.net", "check r", Pos.file("f.net"), Verdict.PASS, Engine.SAT, 0, -1, List.of(), size, cycles)
                .detail();
    }

    @Test
    void oneCycleIsSingular() {
        assertEquals("all 2^1 input sequences of 1 cycle, SAT engine, 0 gates, 2 variables, 2 clauses", proof(1));
        assertEquals("all 2^1 input sequences of 2 cycles, SAT engine, 0 gates, 2 variables, 2 clauses", proof(2));
    }
}
