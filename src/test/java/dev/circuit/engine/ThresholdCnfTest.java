package dev.circuit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The threshold constraint's clauses against its definition, on every assignment of its inputs:
 * random constraints over up to 10 variables with up to 24 terms (a variable repeated, negated, the
 * constants among them), weights ±1, ±2^j, up to ±40 or past 2^62, and a threshold in the range of
 * the sum. With the inputs fixed, unit propagation alone must give every variable of the encoding a
 * value, satisfy every clause, and make the root equal to {@code sum(w * x) >= t} computed in
 * BigInteger (the rule of {@link dev.circuit.model.Threshold#fires}). That is both directions of
 * the reification: with the root forced the other way the clauses are unsatisfiable, and with it
 * free they are satisfiable.
 */
class ThresholdCnfTest {
    private static final int TRUE = 1;

    @Test
    void unitPropagationFromTheInputsGivesTheRootTheConstraintsValue() {
        AtomicInteger fires = new AtomicInteger();
        AtomicInteger not = new AtomicInteger();
        qt().withFixedSeed(20261127L).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int vars = 1 + r.nextInt(10);
            int terms = 1 + r.nextInt(24);
            List<BigInteger> w = new ArrayList<>();
            int[] lits = new int[terms];
            BigInteger lo = BigInteger.ZERO;
            BigInteger hi = BigInteger.ZERO;
            int style = r.nextInt(4);
            for (int i = 0; i < terms; i++) {
                BigInteger x = EngineAgreesWithScalarTest.RandomCircuit.wideWeight(r, style, terms);
                w.add(x);
                if (x.signum() < 0) lo = lo.add(x); else hi = hi.add(x);
                // Variables 2 .. vars + 1 (1 is constant true), either sign, sometimes a constant.
                lits[i] = r.nextInt(12) == 0 ? (r.nextBoolean() ? TRUE : -TRUE) : (2 + r.nextInt(vars)) * (r.nextBoolean() ? 1 : -1);
            }
            BigInteger span = hi.subtract(lo).add(BigInteger.valueOf(3));
            BigInteger t = lo.subtract(BigInteger.ONE).add(new BigInteger(span.bitLength() + 8, r).mod(span));
            int[] next = {vars + 2};
            List<int[]> clauses = new ArrayList<>();
            int root = ThresholdCnf.encode(w, t, lits, TRUE, () -> next[0]++, clauses);
            assertNotEquals(ThresholdCnf.GAVE_UP, root);
            String where = "weights " + w + " literals " + Arrays.toString(lits) + " threshold " + t;
            for (int row = 0; row < 1 << vars; row++) {
                int[] value = new int[next[0]];
                value[TRUE] = 1;
                for (int v = 0; v < vars; v++) value[v + 2] = ((row >> v) & 1) == 1 ? 1 : -1;
                propagate(clauses, value, where);
                BigInteger sum = BigInteger.ZERO;
                for (int i = 0; i < terms; i++) if (truth(value, lits[i]) == 1) sum = sum.add(w.get(i));
                boolean expected = sum.compareTo(t) >= 0;
                (expected ? fires : not).incrementAndGet();
                String at = where + " row " + row;
                for (int v = 1; v < next[0]; v++) assertNotEquals(0, value[v], at + ": variable " + v + " is not decided");
                for (int[] c : clauses) assertTrue(Arrays.stream(c).anyMatch(l -> truth(value, l) == 1), at + ": clause " + Arrays.toString(c));
                assertEquals(expected ? 1 : -1, truth(value, root), at);
            }
        });
        assertTrue(fires.get() > 10_000 && not.get() > 10_000, fires + " rows fire, " + not + " do not");
    }

    /** 1 true, -1 false, 0 unassigned. */
    private static int truth(int[] value, int lit) {
        return lit > 0 ? value[lit] : -value[-lit];
    }

    /** Unit propagation to a fixpoint; a clause with every literal false is a failure. */
    private static void propagate(List<int[]> clauses, int[] value, String where) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] c : clauses) {
                int open = 0;
                int last = 0;
                boolean sat = false;
                for (int l : c) {
                    int v = truth(value, l);
                    if (v == 1) sat = true;
                    if (v == 0) {
                        open++;
                        last = l;
                    }
                }
                if (sat) continue;
                assertTrue(open > 0, where + ": clause " + Arrays.toString(c) + " is false");
                if (open == 1) {
                    value[Math.abs(last)] = last > 0 ? 1 : -1;
                    changed = true;
                }
            }
        }
    }
}
