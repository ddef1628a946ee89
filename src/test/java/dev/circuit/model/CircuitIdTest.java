package dev.circuit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CircuitId's hand-written equals and hashCode are a record's: same hash (so the same map order), same equality. */
class CircuitIdTest {
    /** What the compiler generates for CircuitId's components: the oracle. */
    private record Generated(String name, List<Long> args) {}

    @Test
    void equalsAndHashCodeAreTheRecordOnes() {
        qt().withFixedSeed(20261127L).withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            CircuitId a = random(r);
            CircuitId b = r.nextBoolean() ? new CircuitId(a.name(), new ArrayList<>(a.args())) : random(r);
            assertEquals(new Generated(a.name(), a.args()).hashCode(), a.hashCode(), a.toString());
            assertEquals(new Generated(a.name(), a.args()).equals(new Generated(b.name(), b.args())), a.equals(b), a + " " + b);
        });
        assertEquals(false, CircuitId.of("adder").equals("adder"));
        assertEquals(false, CircuitId.of("adder").equals(null));
    }

    private static CircuitId random(Random r) {
        String name = List.of("adder", "adder_n", "a", "grid").get(r.nextInt(4));
        List<Long> args = new ArrayList<>();
        for (int n = r.nextInt(3); n > 0; n--) args.add(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(4));
        return new CircuitId(name, args);
    }
}
