package dev.circuit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
    static final String MESSY = "neuron nand(a,b)=step(-2*a-2*b+3) # why\n";
    static final String CANONICAL = "neuron nand(a, b) = step(-2*a - 2*b + 3)  # why\n";

    @Test
    void checkNamesUnformattedFilesAndChangesNothing(@TempDir Path dir) throws IOException {
        Path messy = Files.writeString(dir.resolve("m.net"), MESSY);
        Path fine = Files.writeString(dir.resolve("f.net"), CANONICAL);
        InteropCli r = InteropCli.run("fmt", "--check", messy.toString(), fine.toString());
        assertEquals(1, r.code());
        assertEquals(messy + "\n", r.out());
        assertEquals(MESSY, Files.readString(messy));
        assertEquals(0, InteropCli.run("fmt", "--check", "circuits/adder.net", "circuits/nand.net").code(), "the examples are canonical");
    }

    /** Like `circuit test`, --check and --in-place take folders, searched recursively. */
    @Test
    void checkAndInPlaceTakeFoldersRecursively(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Path messy = Files.writeString(dir.resolve("sub/m.net"), MESSY);
        Files.writeString(dir.resolve("f.net"), CANONICAL);
        Files.writeString(dir.resolve("notes.txt"), MESSY);
        InteropCli r = InteropCli.run("fmt", "--check", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(messy + "\n", r.out());
        assertEquals(0, InteropCli.run("fmt", "--in-place", dir.toString()).code());
        assertEquals(CANONICAL, Files.readString(messy));
        assertEquals(MESSY, Files.readString(dir.resolve("notes.txt")), "only .net files are touched");
        assertEquals(2, InteropCli.run("fmt", dir.toString()).code(), "printing takes one file, not a folder");
    }

    /** The examples are the style reference (and .ci/run checks the same). */
    @Test
    void everyExampleCircuitIsCanonical() {
        InteropCli r = InteropCli.run("fmt", "--check", "circuits/");
        assertEquals(0, r.code(), "not in the canonical layout:\n" + r.out() + r.err());
    }

    @Test
    void printsOrRewritesInPlace(@TempDir Path dir) throws IOException {
        Path messy = Files.writeString(dir.resolve("m.net"), MESSY);
        assertEquals(CANONICAL, InteropCli.run("fmt", messy.toString()).out());
        assertEquals(MESSY, Files.readString(messy), "printing does not touch the file");
        assertEquals(0, InteropCli.run("fmt", "--in-place", messy.toString()).code());
        assertEquals(CANONICAL, Files.readString(messy));
    }

    @Test
    void aFileWithSyntaxErrorsIsReportedAndLeftAlone(@TempDir Path dir) throws IOException {
        String bad = "neuron nand(a, b) = step(-2*a - 2*b + 3\ncircuit x( -> y {}\n";
        Path f = Files.writeString(dir.resolve("bad.net"), bad);
        InteropCli r = InteropCli.run("fmt", "--in-place", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains(f + ":"), r.err());
        assertEquals(bad, Files.readString(f));
    }
}
