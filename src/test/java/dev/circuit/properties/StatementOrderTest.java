package dev.circuit.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.properties.Model.Def;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * The language promises that statements are a dataflow graph, not a sequence: shuffling the lines
 * of a circuit (and putting the neuron definition after its use) never changes the truth table.
 * Both orders are also checked against the model's own evaluation.
 */
class StatementOrderTest {
    @TempDir
    Path dir;

    /** A random circuit, a random permutation of its statement lines, and where the neuron goes. */
    record Shuffled(Def def, int[] order, boolean neuronLast) {
        String text() {
            List<String> lines = Model.lines(def, i -> "s" + i);
            List<String> shuffled = new ArrayList<>();
            for (int i : order) shuffled.add(lines.get(i));
            String circuit = Model.nested(def, shuffled);
            return neuronLast ? circuit + "\n" + Model.NAND + "\n" : Model.NAND + "\n\n" + circuit;
        }
    }

    static Gen<Shuffled> shuffled() {
        Gen<Def> defs = Circuits.flat();
        Gen<Shuffled> g = in -> {
            Def d = defs.generate(in);
            int n = d.body().size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            // Fisher-Yates with draws from the source, so the permutation shrinks too.
            for (int i = n - 1; i > 0; i--) {
                int j = Circuits.draw(in, 0, i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return new Shuffled(d, order, Circuits.draw(in, 0, 1) == 1);
        };
        return g.describedAs(Shuffled::text);
    }

    @Test
    void shufflingStatementsNeverChangesTheTruthTable() {
        qt().withFixedSeed(20261122L).withExamples(300).forAll(shuffled()).checkAssert(s -> {
            List<String> expected = Model.table(s.def());
            assertEquals(expected, Truth.table(dir, "ordered.net", Model.program(s.def()), "top"), "written in order");
            assertEquals(expected, Truth.table(dir, "shuffled.net", s.text(), "top"), "shuffled");
        });
    }
}
