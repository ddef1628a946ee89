package dev.circuit.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.model.Netlist;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances are transparent: a circuit built from subcircuits two levels deep computes exactly
 * what the same neurons compute written flat in one circuit (and what the model says).
 */
class FlatteningTest {
    @TempDir
    Path dir;

    @Test
    void nestedAndFlatCircuitsAgreeOnEveryInput() {
        qt().withFixedSeed(7_2026L).withExamples(250).forAll(Circuits.twoLevels()).checkAssert(top -> {
            List<String> expected = Model.table(top);
            Netlist nested = Truth.load(dir, "nested.net", Model.program(top), "top");
            Netlist flat = Truth.load(dir, "flat.net", Model.flat(top), "top");
            assertEquals(expected, Truth.table(nested), "nested");
            assertEquals(expected, Truth.table(flat), () -> "flat:\n" + Model.flat(top));
            // The same neurons, whichever way they were written (NAND cells count one each).
            assertEquals(flat.neurons().size(), nested.neurons().size(), "neuron count");
            // The nested paths keep the instance path: some neuron lives two instances down.
            assertTrue(nested.neurons().stream().anyMatch(n -> n.path().chars().filter(c -> c == '/').count() >= 3),
                    () -> "no neuron two levels down: " + nested.neurons().stream().map(n -> n.path()).toList());
        });
    }
}
