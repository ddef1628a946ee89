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
            String circuit = Model.nested(def, Circuits.permuted(lines, order));
            return neuronLast ? circuit + "\n" + Model.NAND + "\n" : Model.NAND + "\n\n" + circuit;
        }
    }

    static Gen<Shuffled> shuffled() {
        Gen<Def> defs = Circuits.flat();
        Gen<Shuffled> g = in -> {
            Def d = defs.generate(in);
            return new Shuffled(d, Circuits.permutation(in, d.body().size()), Circuits.draw(in, 0, 1) == 1);
        };
        return g.describedAs(Shuffled::text);
    }

    /**
     * A program with two levels of subcircuits where every block's lines are shuffled and so are
     * the definitions themselves: callers may come before the circuits they instantiate.
     */
    record Program(Def top, String text) {}

    static Gen<Program> shuffledPrograms(Gen<Def> tops) {
        Gen<Program> g = in -> {
            Def top = tops.generate(in);
            List<String> decls = new ArrayList<>();
            decls.add(Model.NAND + "\n");
            List<Def> defs = new ArrayList<>(top.callees());
            defs.add(top);
            for (Def d : defs) {
                List<String> lines = Model.lines(d, i -> "s" + i);
                decls.add(Model.nested(d, Circuits.permuted(lines, Circuits.permutation(in, lines.size()))));
            }
            return new Program(top, String.join("\n", Circuits.permuted(decls, Circuits.permutation(in, decls.size()))));
        };
        return g.describedAs(Program::text);
    }

    @Test
    void shufflingEveryBlockAndDefinitionNeverChangesTheTruthTable() {
        qt().withFixedSeed(20261123L).withExamples(150).forAll(shuffledPrograms(Circuits.twoLevels())).checkAssert(p -> {
            assertEquals(Model.table(p.top()), Truth.table(dir, "program.net", p.text(), "top"));
        });
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
