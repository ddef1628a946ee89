package dev.circuit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void halfAdderMatchesGoldenText() throws IOException {
        InteropCli r = InteropCli.run("dot", "circuits/adder.net");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(GOLDEN.resolve("adder.dot")), r.out());
    }

    @Test
    void halfAdderWithValuesMatchesGoldenText() throws IOException {
        InteropCli r = InteropCli.run("dot", "circuits/adder.net", "--values", "a=1,b=1");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(GOLDEN.resolve("adder-values.dot")), r.out());
    }

    /** Flip-flops: dff boxes with their initial value, fed by bold green 'd' edges that do not rank the layout. */
    @Test
    void counterFlipFlopsMatchGoldenText() throws IOException {
        InteropCli r = InteropCli.run("dot", "circuits/seq/counter4.net");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(GOLDEN.resolve("counter4.dot")), r.out());
        assertEquals(4, r.out().lines().filter(l -> l.contains("\\ndff, init 0\", shape=box3d")).count(), r.out());
        assertEquals(4, r.out().lines().filter(l -> l.contains("[label=\"d\", color=\"" + Dot.FLIP_FLOP + "\"") && l.contains("constraint=false")).count());
    }

    /** A feedback wire: a dashed node with its initial value, fed by a dashed orange edge labelled feedback. */
    @Test
    void srLatchFeedbackMatchesGoldenText() throws IOException {
        InteropCli r = InteropCli.run("dot", "circuits/seq/sr_latch.net");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(GOLDEN.resolve("sr_latch.dot")), r.out());
        assertTrue(r.out().contains("[label=\"feedback\", color=\"" + Dot.FEEDBACK + "\", fontcolor=\"" + Dot.FEEDBACK
                + "\", style=dashed, constraint=false];"), r.out());
    }

    /** With values, a circuit with state shows its first cycle: set (s_n = 0) makes q 1 after the loop settles. */
    @Test
    void srLatchWithValuesShowsTheSettledFirstCycle() throws IOException {
        InteropCli r = InteropCli.run("dot", "circuits/seq/sr_latch.net", "--values", "s_n=0,r_n=1");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(GOLDEN.resolve("sr_latch-values.dot")), r.out());
        assertTrue(r.out().contains("\"out_q\" [label=\"q\\n= 1\""), r.out());
    }

    @Test
    void instancesBecomeNestedClustersUnlessFlat(@TempDir Path dir) throws IOException {
        Path f = fullAdder(dir);
        String grouped = InteropCli.run("dot", f.toString()).out();
        assertTrue(grouped.contains("label=\"h1\";"), grouped);
        // An instance is named after the first signal it drives.
        assertTrue(grouped.contains("label=\"s\";"), grouped);
        assertEquals(2, grouped.split("subgraph cluster_", -1).length - 1, grouped);
        String flat = InteropCli.run("dot", "--flat", f.toString()).out();
        assertFalse(flat.contains("subgraph"), flat);
        // Same nodes and edges either way.
        assertEquals(grouped.lines().filter(l -> l.contains("->")).count(), flat.lines().filter(l -> l.contains("->")).count());
    }

    @Test
    void edgesShowSignMagnitudeAndLearnability(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mix.net");
        Files.writeString(f, "circuit mix(a, b, c) -> (y) {\n    y = step(4*a - 1*b + ?0.5*c - 1)\n}\n");
        String dot = InteropCli.run("dot", f.toString()).out();
        String a = edge(dot, "n0 -> ");
        String b = edge(dot, "n1 -> ");
        String c = edge(dot, "n2 -> ");
        assertTrue(a.contains(Dot.POSITIVE) && a.contains("penwidth=3.50"), a);
        assertTrue(b.contains(Dot.NEGATIVE) && b.contains("penwidth=1.48"), b);
        assertTrue(c.contains("style=dashed") && c.contains("label=\"?0.5\""), c);
        assertFalse(a.contains("dashed"), a);
    }

    @Test
    void rendersSvgWhenGraphvizIsInstalled(@TempDir Path dir) throws IOException {
        assumeTrue(InteropCli.installed("dot", "-V"), "Graphviz 'dot' is not installed (apt-get install graphviz): SVG rendering not tested");
        Path svg = dir.resolve("adder.svg");
        InteropCli r = InteropCli.run("dot", "circuits/adder.net", "-o", svg.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg"), text);
        assertTrue(text.contains(">carry</text>"), "the picture names the carry neuron");
    }

    @Test
    void unknownPictureFormatIsAUsageError() {
        InteropCli r = InteropCli.run("dot", "circuits/adder.net", "-o", "adder.pdf");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(".dot, .svg or .png"), r.err());
    }

    static Path fullAdder(Path dir) throws IOException {
        Files.copy(Path.of("circuits/nand.net"), dir.resolve("nand.net"));
        Files.copy(Path.of("circuits/adder.net"), dir.resolve("adder.net"));
        Path f = dir.resolve("fa.net");
        Files.writeString(f, "import \"adder.net\"\n"
                + "circuit fa(a, b, cin) -> (s, cout) {\n"
                + "    (h1, c1) = adder(a, b)\n"
                + "    (s, h2) = adder(h1, cin)\n"
                + "    cout = c1 + h2 >= 1\n"
                + "}\n");
        return f;
    }

    private static String edge(String dot, String start) {
        return dot.lines().filter(l -> l.strip().startsWith(start)).findFirst().orElseThrow();
    }
}
