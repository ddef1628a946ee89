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
