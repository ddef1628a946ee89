package dev.circuit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompletionTest {
    @Test
    void completionScriptKnowsEveryCommandAndItsOptions() {
        InteropCli r = InteropCli.run("generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
        for (String cmd : new String[] {"eval", "table", "test", "dot", "stats", "verilog", "import"}) {
            assertTrue(r.out().contains("'" + cmd + "'") || r.out().contains(" " + cmd + " ") || r.out().contains(" " + cmd + "\""),
                    "completes " + cmd);
        }
        assertTrue(r.out().contains("--testbench"), "completes verilog's options");
        assertTrue(r.out().contains("complete -F _complete_circuit"), "registers for bash");
    }
}
