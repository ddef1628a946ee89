package dev.circuit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.elab.BoundCheck;
import dev.circuit.elab.Design;
import dev.circuit.verify.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bit-parallel engine with permuted fast inputs and hoisted gates, against the scalar reference's
 * first failing row in counting order. Blocks of 1, 2 and 4 words (6 to 8 fast input bits) give
 * random circuits of 7 to 13 input bits slow inputs, hoisted gates and fast inputs that are not the
 * lowest row bits; properties that fail at one value or above a bound put the first failing row
 * anywhere. A mutation (one gate that depends on a fast input hoisted) must be caught.
 */
class HoistingAgreesWithScalarTest {
    @TempDir
    Path dir;

    @Test
    void permutedAndHoistedEnginesReportTheFirstFailingRowInCountingOrder() {
        AtomicInteger hoisted = new AtomicInteger(), permuted = new AtomicInteger(), failing = new AtomicInteger();
        qt().withFixedSeed(20261128L).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            for (BoundCheck c : load(randomText(r), seed).checks()) {
                BitParallel.Network n = BitParallel.synthesise(c.net(), c.property());
                if (n == null) continue;
                long expected = SatAgreesWithExhaustiveTest.firstScalarFailure(c.net(), Spec.of(c.property()));
                if (expected >= 0) failing.incrementAndGet();
                for (int words : new int[] {1, 2, 4}) {
                    for (boolean generate : new boolean[] {false, true}) {
                        BitParallel e = BitParallel.compile(n, c.net(), 0, generate, words, UnaryOperator.identity());
                        String where = c.property().text() + " words=" + words + " generate=" + generate + " seed=" + seed;
                        assertEquals(expected, e.firstFailure(1 + r.nextInt(2), null), where);
                        assertEquals(e.gates(), e.rowGates() + e.blockGates(), where);
                        if (e.blockGates() > 0) hoisted.incrementAndGet();
                        if (IntStream.range(0, c.net().inputBits()).anyMatch(p -> e.rowOf(1L << p) != 1L << p)) permuted.incrementAndGet();
                    }
                }
            }
        });
        // The property must exercise what it is about: hoisting, permutation, failures.
        String counts = hoisted + " hoisted, " + permuted + " permuted, " + failing + " failing";
        assertTrue(hoisted.get() > 200 && permuted.get() > 200 && failing.get() > 60, counts);
    }

    /**
     * Mutation: one gate that depends on a fast input is hoisted (it then sees the block's first row).
     * On enough random circuits the engine must then disagree with the scalar reference, so the
     * property above would catch a cone analysis that hoists too much.
     */
    @Test
    void hoistingAGateThatDependsOnAFastInputIsCaught() {
        AtomicInteger mutated = new AtomicInteger(), caught = new AtomicInteger();
        qt().withFixedSeed(20261129L).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            for (BoundCheck c : load(randomText(r), seed).checks()) {
                BitParallel.Network n = BitParallel.synthesise(c.net(), c.property());
                if (n == null) continue;
                long expected = SatAgreesWithExhaustiveTest.firstScalarFailure(c.net(), Spec.of(c.property()));
                for (boolean generate : new boolean[] {false, true}) {
                    boolean[] applied = {false};
                    BitParallel e = BitParallel.compile(n, c.net(), 0, generate, 2, varies -> hoistOne(n.gates(), varies, applied));
                    if (!applied[0]) continue;
                    mutated.incrementAndGet();
                    if (e.firstFailure(1, null) != expected) caught.incrementAndGet();
                }
            }
        });
        assertTrue(mutated.get() > 100 && caught.get() > mutated.get() / 10, caught + " of " + mutated + " mutants caught");
    }

    /** Marks the first row gate whose inputs are all inputs or block gates as a block gate. */
    private static boolean[] hoistOne(Gates g, boolean[] varies, boolean[] applied) {
        boolean[] v = varies.clone();
        int first = g.firstGate();
        for (int s = first; s < v.length; s++) {
            if (!v[s]) continue;
            int a = g.a(s - first), b = g.b(s - first);
            if ((a < first || !v[a]) && (b < first || !v[b])) {
                v[s] = false;
                applied[0] = true;
                return v;
            }
        }
        return v;
    }

    /** A random circuit of 7 to 13 input bits with its random checks and three that fail deep in the rows. */
    private static String randomText(Random r) {
        int n = 6 + r.nextInt(7);
        String text = EngineAgreesWithScalarTest.RandomCircuit.write(r, n);
        long k = r.nextInt(1 << n);
        return text + "check r: x != " + k + "\ncheck r: (x < " + k + ") | (c == 0)\ncheck r: (y == " + r.nextInt(4) + ") | (x < " + k + ")\n";
    }

    private Design load(String text, long seed) {
        try {
            Path f = dir.resolve("h" + Long.toHexString(seed) + ".net");
            Files.writeString(f, text);
            return Circuit.load(f, new Sources());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
