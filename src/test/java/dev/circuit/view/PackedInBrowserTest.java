package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's own unpack (page.js) against the columns Page.java packs: every column of
 * {@link PackedTest#column} packed by {@link Packed#of}, unpacked in the browser, is the column again.
 * (The pages' evaluation, cells and drawing tests read packed columns too; this one checks the
 * unpacking alone, on columns made to have every kind of repeat.)
 */
class PackedInBrowserTest extends InBrowser {
    @TempDir
    Path dir;

    @Test
    void thePageUnpacksEveryColumnAsPacked() {
        open(view(Path.of("circuits/adder.net"), null, dir));
        Random seeds = new Random(20261128L);
        List<int[]> columns = new ArrayList<>();
        List<String> packed = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            int[] v = PackedTest.column(seeds.nextLong());
            columns.add(v);
            packed.add(Packed.of(v));
        }
        @SuppressWarnings("unchecked")
        List<String> got = (List<String>) browser.executeScript(
                "return arguments[0].map(t => '[' + Array.from(unpack(JSON.parse(t))).join(',') + ']');", packed);
        for (int k = 0; k < columns.size(); k++) {
            String want = PackedTest.plain(columns.get(k)), g = got.get(k);
            int at = 0;
            while (at < Math.min(want.length(), g.length()) && want.charAt(at) == g.charAt(at)) at++;
            // Where they part, not both texts whole (a column is up to 3,000 numbers).
            assertEquals(window(want, at), window(g, at), "column " + k + " of " + columns.get(k).length + " numbers, from character " + at);
        }
    }

    private static String window(String s, int at) {
        return s.substring(Math.max(0, at - 40), Math.min(s.length(), at + 40));
    }
}
