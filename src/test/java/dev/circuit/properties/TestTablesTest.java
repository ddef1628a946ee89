package dev.circuit.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.diag.Sources;
import dev.circuit.properties.Model.Def;
import dev.circuit.verify.TestOutcome;
import dev.circuit.verify.TestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * The test runner agrees with the oracle: a random circuit's true table, written as a {@code test}
 * in the file, passes; the same table with one output bit flipped fails, at exactly that row.
 */
class TestTablesTest {
    @TempDir
    Path dir;

    /** A circuit and the row (index into its truth table) whose output bit 0 gets flipped. */
    record Case(Def def, int row) {}

    static Gen<Case> cases() {
        Gen<Def> defs = Circuits.flat();
        Gen<Case> g = in -> {
            Def d = defs.generate(in);
            return new Case(d, Circuits.draw(in, 0, (1 << d.inputs()) - 1));
        };
        return g.describedAs(c -> Model.program(c.def()) + "flipped row " + c.row());
    }

    /** The table in the language: header of names, then one row per input combination. */
    static String testBlock(Def d, List<String> rows) {
        List<String> lines = new ArrayList<>();
        List<String> ins = new ArrayList<>();
        for (int k = 0; k < d.inputs(); k++) ins.add("s" + k);
        List<String> outs = new ArrayList<>();
        for (int o : d.outs()) outs.add("s" + o);
        lines.add(String.join(" ", ins) + " | " + String.join(" ", outs));
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int k = 0; k < d.inputs(); k++) cells.add(Integer.toString(r >> k & 1));
            cells.add("|");
            for (char c : rows.get(r).toCharArray()) cells.add(Character.toString(c));
            lines.add(String.join(" ", cells));
        }
        return "test top {\n" + Model.indent(lines) + "}\n";
    }

    List<TestOutcome> run(String text) {
        Path file = dir.resolve("t.net");
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return TestRunner.run(file, new Sources());
    }

    @Test
    void theOraclesTablePassesAndAFlippedBitFailsAtItsRow() {
        qt().withFixedSeed(31L).withExamples(200).forAll(cases()).checkAssert(c -> {
            List<String> rows = Model.table(c.def());
            String program = Model.program(c.def()) + "\n";
            List<TestOutcome> good = run(program + testBlock(c.def(), rows));
            assertEquals(1, good.size());
            assertEquals(0, good.get(0).failed(), () -> good.get(0).failures().toString());
            assertEquals(rows.size(), good.get(0).rows());

            List<String> bad = new ArrayList<>(rows);
            String row = bad.get(c.row());
            bad.set(c.row(), (row.charAt(0) == '0' ? "1" : "0") + row.substring(1));
            List<TestOutcome> failed = run(program + testBlock(c.def(), bad));
            assertEquals(1, failed.get(0).failed());
            // The program's lines, "test top {", the header, then the rows in order.
            int line = (int) program.lines().count() + 3 + c.row();
            assertEquals(line, failed.get(0).failures().get(0).pos().line(), () -> failed.get(0).failures().toString());
        });
    }
}
