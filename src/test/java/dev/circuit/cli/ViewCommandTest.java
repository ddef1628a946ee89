package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'circuit view' without a browser: what it writes, and what it refuses (browser tests: dev.circuit.view). */
class ViewCommandTest {
    @Test
    void writesOneSelfContainedPage(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("adder.html");
        CliRun r = CliRun.of("view", "circuits/adder.net", "-o", out.toString());
        assertEquals(0, r.code(), r.all());
        String html = Files.readString(out);
        assertTrue(html.contains("\"exact\":{\"w\":[-2,-2],\"t\":-2,\"bias\":3,\"scale\":1}"), "nand's exact form, from the model");
        // Nothing fetched: no external script, stylesheet, image or font.
        // (url(# names a marker inside the page itself.)
        assertFalse(html.matches("(?s).*(src=|href=|url\\((?!#)|@import).*"), "the page references no other file");
        assertFalse(html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"));
    }

    /** A circuit with state is drawn, not refused; its state bits come from the model, with what loads them. */
    @Test
    void writesTheStateOfASequentialCircuit(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("latch.html");
        CliRun r = CliRun.of("view", "circuits/seq/sr_latch.net", "-o", out.toString());
        assertEquals(0, r.code(), r.all());
        String html = Files.readString(out);
        assertTrue(html.contains("\"state\":[{\"path\":\"q\",\"kind\":\"feedback\",\"q\":2,\"d\":4,\"init\":0}],\"settleLimit\":64"), "the feedback wire");
        assertTrue(html.contains("\"sequence\":true"), "its table is a sequence");
    }

    @Test
    void refusesExactFormsJavaScriptCannotHold(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.net");
        Files.writeString(f, "circuit big(a, b) -> (y) {\n    y = step(9007199254740993*a - b)\n}\n");
        Path out = dir.resolve("big.html");
        CliRun r = CliRun.of("view", f.toString(), "-o", out.toString());
        assertEquals(3, r.code(), r.all());
        assertTrue(r.err().contains("big.net:2:") && r.err().contains("more than 53 bits"), r.err());
        assertFalse(Files.exists(out));
    }

    /** The page's own layout on request: what a circuit too large for Graphviz needs (docs/BENCHMARKS.md). */
    @Test
    void layeredLayoutOnRequest(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("adder.html");
        CliRun r = CliRun.of("view", "circuits/adder.net", "--layout", "layered", "-o", out.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(Files.readString(out).contains("\"engine\":\"layered (Graphviz not used)\""));
    }

    @Test
    void needsAnOutputFile() {
        assertEquals(2, CliRun.of("view", "circuits/adder.net").code());
    }
}
