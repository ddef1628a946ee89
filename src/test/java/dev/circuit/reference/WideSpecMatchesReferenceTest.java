package dev.circuit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.elab.BoundCheck;
import dev.circuit.elab.Design;
import dev.circuit.eval.TermValues;
import dev.circuit.reference.WideExprs.Expr;
import dev.circuit.reference.WideExprs.Term;
import dev.circuit.verify.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * The scalar interpreter of checks ({@code verify.Spec}) against {@link WideExprs}' BigInteger
 * values: random expressions over buses of 1 to 200 bits, on random rows. The property is the
 * expression plus 0, so that Spec's explanation is its exact value ("the property is V"); a row
 * without a value must fail with Spec.Undefined. Narrow buses exercise Spec's long arithmetic,
 * wide ones its BigInteger arithmetic, and mixed ones the places where one feeds the other.
 */
class WideSpecMatchesReferenceTest {
    @TempDir
    Path dir;

    record Case(List<Term> terms, Expr expr, List<Map<String, BigInteger>> rows) {
        String text() {
            StringBuilder sb = new StringBuilder("circuit t(");
            for (int i = 0; i < 2; i++) sb.append(i > 0 ? ", " : "").append(terms.get(i).name()).append('[').append(terms.get(i).width()).append(']');
            sb.append(") -> (");
            for (int i = 2; i < 4; i++) sb.append(i > 2 ? ", " : "").append(terms.get(i).name()).append('[').append(terms.get(i).width()).append(']');
            sb.append(") {\n    p = x\n    q = y\n}\n\ncheck t: ").append(expr.text()).append(" + 0\n");
            return sb.toString();
        }
    }

    static Gen<Case> cases() {
        Gen<Case> g = in -> {
            int wx = WideExprs.width(in, 200);
            // Equal widths a third of the time: two 63-bit all-ones values overflow a long when added.
            int wy = WideExprs.draw(in, 0, 2) == 0 ? wx : WideExprs.width(in, 200);
            List<Term> terms = List.of(new Term("x", wx), new Term("y", wy), new Term("p", wx), new Term("q", wy));
            Expr e = WideExprs.expr(in, terms, 4, true);
            List<Map<String, BigInteger>> rows = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                Map<String, BigInteger> row = new HashMap<>();
                row.put("x", WideExprs.value(in, wx));
                row.put("y", WideExprs.value(in, wy));
                // Outputs copy the inputs, except sometimes, since Spec reads whatever the row holds.
                row.put("p", WideExprs.draw(in, 0, 3) == 0 ? WideExprs.value(in, wx) : row.get("x"));
                row.put("q", WideExprs.draw(in, 0, 3) == 0 ? WideExprs.value(in, wy) : row.get("y"));
                rows.add(row);
            }
            return new Case(terms, e, rows);
        };
        return g.describedAs(Case::text);
    }

    @Test
    void specEqualsTheBigIntegerReferenceOnWideExpressions() {
        int[] tally = new int[3]; // values past 64 bits, rows without a value, rows
        qt().withFixedSeed(20261205L).withExamples(400).withShrinkCycles(200).forAll(cases()).checkAssert(c -> {
            Design design = Circuit.load(write(c.text()), new Sources());
            BoundCheck check = design.checks().get(0);
            Spec spec = Spec.of(check.property());
            TermValues terms = new TermValues(4);
            for (Map<String, BigInteger> row : c.rows()) {
                for (int i = 0; i < 4; i++) terms.set(i, row.get(c.terms().get(i).name()));
                String where = c.text() + "row " + row;
                BigInteger want;
                try {
                    want = c.expr().value(row);
                } catch (WideExprs.NoValue n) {
                    tally[1]++;
                    assertThrows(Spec.Undefined.class, () -> spec.holds(terms), where);
                    continue;
                }
                tally[2]++;
                if (want.bitLength() > 63) tally[0]++;
                assertEquals(want.signum() != 0, spec.holds(terms), where);
                assertEquals("the property is " + want, spec.explain(terms), where);
            }
        });
        // The generator must reach both arithmetics and the rows without a value, many times each.
        assertTrue(tally[0] > 300 && tally[1] > 100 && tally[2] - tally[0] > 300, java.util.Arrays.toString(tally));
    }

    private Path write(String text) {
        try {
            return Files.writeString(dir.resolve("w" + Integer.toHexString(text.hashCode()) + ".net"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
