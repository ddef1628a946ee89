package dev.circuit.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.properties.Model.Cell;
import dev.circuit.properties.Model.Def;
import dev.circuit.properties.Model.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Forward references and cycles: a random circuit where one argument is rewired to any signal,
 * possibly a later one. If that closes a loop the file is refused with "combinational cycle" at a
 * statement of the loop; otherwise it computes what the model computes, whatever the line order.
 */
class CyclesTest {
    @TempDir
    Path dir;

    /** A flat circuit in which one cell argument may point at any signal, earlier, later or itself. */
    record Rewired(Def def) {
        String text() {
            return Model.program(def);
        }

        int inputs() {
            return def.inputs();
        }

        Cell cell(int signal) {
            return (Cell) def.body().get(signal - def.inputs());
        }

        /** True when some cell reaches itself through its arguments. */
        boolean cyclic() {
            int n = def.signals();
            int[] state = new int[n]; // 0 new, 1 on the stack, 2 done
            for (int s = def.inputs(); s < n; s++) if (visit(s, state)) return true;
            return false;
        }

        private boolean visit(int s, int[] state) {
            if (s < def.inputs() || state[s] == 2) return false;
            if (state[s] == 1) return true;
            state[s] = 1;
            for (int a : cell(s).args()) if (a >= 0 && visit(a, state)) return true;
            state[s] = 2;
            return false;
        }

        /** The oracle for an acyclic rewiring: each signal evaluated on demand. */
        List<String> table() {
            List<String> rows = new ArrayList<>();
            for (int r = 0; r < 1 << def.inputs(); r++) {
                int[] v = new int[def.signals()];
                Arrays.fill(v, -1);
                for (int k = 0; k < def.inputs(); k++) v[k] = r >> k & 1;
                StringBuilder sb = new StringBuilder();
                for (int o : def.outs()) sb.append(value(o, v));
                rows.add(sb.toString());
            }
            return rows;
        }

        private int value(int s, int[] v) {
            if (s == Model.ZERO) return 0;
            if (s == Model.ONE) return 1;
            if (v[s] < 0) {
                Cell c = cell(s);
                v[s] = Model.cell(c, k -> value(c.args()[k], v));
            }
            return v[s];
        }
    }

    static Gen<Rewired> rewired() {
        Gen<Def> defs = Circuits.flat();
        Gen<Rewired> g = in -> {
            Def d = defs.generate(in);
            int cellIndex = Circuits.draw(in, 0, d.body().size() - 1);
            Cell c = (Cell) d.body().get(cellIndex);
            int[] args = c.args().clone();
            args[Circuits.draw(in, 0, args.length - 1)] = Circuits.draw(in, 0, d.signals() - 1);
            List<Stmt> body = new ArrayList<>(d.body());
            body.set(cellIndex, new Cell(c.act(), args, c.w(), c.bias()));
            return new Rewired(new Def(d.name(), d.inputs(), body, d.outs()));
        };
        return g.describedAs(Rewired::text);
    }

    @Test
    void aLoopIsRefusedAndAnythingElseComputesLikeTheModel() {
        int[] loops = {0};
        qt().withFixedSeed(12L).withExamples(300).forAll(rewired()).checkAssert(r -> {
            if (!r.cyclic()) {
                assertEquals(r.table(), Truth.table(dir, "r.net", r.text(), "top"));
                return;
            }
            loops[0]++;
            CircuitException e = assertThrows(CircuitException.class, () -> Truth.load(dir, "r.net", r.text(), "top"));
            assertEquals(Failure.INVALID_INPUT, e.failure());
            assertTrue(e.diagnostics().stream().anyMatch(d -> d.message().startsWith("combinational cycle: ")
                    && d.pos().line() > 2), () -> e.diagnostics().toString());
        });
        assertTrue(loops[0] >= 30, "only " + loops[0] + " of 300 rewirings made a loop");
    }
}
