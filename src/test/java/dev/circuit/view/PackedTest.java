package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The page's packed columns: unpacking gives back every column exactly (here in Java; the page's own
 * unpack is held to the same columns in {@code PackedInBrowserTest}), packing never writes more than
 * the plain list, and the repeats of a regular circuit's columns shrink to a few numbers.
 */
class PackedTest {
    /**
     * A column with what real ones hold: runs of one number, short periods, a period repeated with
     * changes, copies of a stretch from far back, random numbers of any size, in random order.
     */
    static int[] column(long seed) {
        Random r = new Random(seed);
        int[] v = new int[r.nextInt(4) == 0 ? r.nextInt(4) : r.nextInt(3000)];
        for (int p = 0; p < v.length; ) {
            int len = Math.min(v.length - p, 1 + r.nextInt(r.nextBoolean() ? 8 : 400));
            switch (r.nextInt(6)) {
                case 0: { int x = small(r); for (int k = 0; k < len; k++) v[p + k] = x; break; }
                case 1: { int d = 1 + r.nextInt(7); for (int k = 0; k < len; k++) v[p + k] = p + k - d >= p ? v[p + k - d] : small(r); break; }
                case 2: { int from = p == 0 ? 0 : r.nextInt(p); for (int k = 0; k < len; k++) v[p + k] = from + k < p ? v[from + k] : small(r); break; }
                case 3: for (int k = 0; k < len; k++) v[p + k] = r.nextInt(); break;
                case 4: { int d = 1 + r.nextInt(5); for (int k = 0; k < len; k++) v[p + k] = p + k - d >= p && r.nextInt(10) > 0 ? v[p + k - d] : small(r); break; }
                default: for (int k = 0; k < len; k++) v[p + k] = small(r); break;
            }
            p += len;
        }
        if (v.length > 2 && r.nextBoolean()) { v[0] = Integer.MIN_VALUE; v[v.length - 1] = Integer.MAX_VALUE; }
        return v;
    }

    private static int small(Random r) {
        return r.nextInt(201) - 100;
    }

    static String plain(int[] v) {
        return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void unpackingGivesBackEveryColumnAndPackingIsNeverLonger() {
        qt().withFixedSeed(20261128L).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            int[] v = column(seed);
            String packed = Packed.of(v);
            assertArrayEquals(v, Packed.unpack(packed), "seed " + seed + ": " + packed);
            // The length is the one number added.
            assertTrue(packed.length() <= plain(v).length() + Integer.toString(v.length).length() + 1,
                    "seed " + seed + ": packed " + packed.length() + " chars, plain " + plain(v).length());
        });
    }

    @Test
    void aGridsColumnsShrinkToAFewNumbers() {
        // The layered layout of a 100 x 100 grid: per box x and y as differences and a size, a column at a time.
        int[] boxes = new int[3 * 10_000];
        for (int b = 0; b < 10_000; b++) {
            boxes[3 * b] = b % 100 == 0 && b > 0 ? 130 : 0;
            boxes[3 * b + 1] = b % 100 == 0 ? (b > 0 ? -99 * 64 : 50) : 64;
        }
        String packed = Packed.of(boxes);
        assertArrayEquals(boxes, Packed.unpack(packed));
        assertTrue(packed.length() < plain(boxes).length() / 50, packed.length() + " chars: " + packed.substring(0, Math.min(200, packed.length())));
    }

    @Test
    void anEmptyColumnAndOneNumber() {
        assertEquals("[0]", Packed.of(new int[0]));
        assertEquals("[1,-7]", Packed.of(new int[] {-7}));
        assertEquals("[12,0,[1,11]]", Packed.of(new int[12]));
        assertArrayEquals(new int[12], Packed.unpack("[12,0,[1,11]]"));
    }
}
