package dev.circuit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.Circuit;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Sources;
import dev.circuit.eval.Evaluator;
import dev.circuit.model.Netlist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code circuit import PROGRAM.hack}: a nand2tetris program as a ROM of threshold perceptrons. */
class HackImportTest {
    static final Path SEQ = Path.of("circuits/seq");

    /** circuits/seq/mult.net is exactly what 'circuit import' writes from mult.hack today. */
    @Test
    void committedRomIsUpToDate() throws IOException {
        InteropCli r = InteropCli.run("import", SEQ.resolve("mult.hack").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(SEQ.resolve("mult.net")), r.out());
    }

    /** Every address of random programs, and addresses past them: the ROM reads each word, and 0 beyond. */
    @Test
    void romsReadTheirWordsAndZeroPastTheEnd(@TempDir Path dir) {
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            int n = 1 + rnd.nextInt(40);
            List<Integer> words = new ArrayList<>();
            StringBuilder hack = new StringBuilder();
            for (int k = 0; k < n; k++) {
                int w = rnd.nextInt(4) == 0 ? rnd.nextInt(4) : rnd.nextInt(1 << 16);
                words.add(w);
                hack.append(String.format("%16s", Integer.toBinaryString(w)).replace(' ', '0')).append(rnd.nextBoolean() ? "  // word " + k : "").append('\n');
            }
            Evaluator ev = load(hack.toString(), dir);
            List<Integer> addresses = new ArrayList<>();
            for (int a = 0; a < n + 3; a++) addresses.add(a);
            for (int k = 0; k < 20; k++) addresses.add(rnd.nextInt(HackRom.MAX_WORDS));
            addresses.add(HackRom.MAX_WORDS - 1);
            for (int a : addresses) {
                assertEquals(a < n ? words.get(a) : 0, read(ev, a), "address " + a + " of\n" + hack);
            }
        });
    }

    @Test
    void theTableListsEveryWordWithItsComment() {
        String net = InteropCli.run("import", SEQ.resolve("mult.hack").toString()).out();
        assertTrue(net.contains("circuit mult(address[15]) -> out[16] {"), net);
        assertTrue(net.contains("    13      | 0b1110001100000010  # D;JEQ  while R0 != 0:\n"), net);
        assertTrue(net.contains("    26      | 0b0000000000000000  # past the program\n"), net);
        // One decoding neuron per word: weight 1 on the address bits that are 1, -1 on the others.
        assertTrue(net.contains("    line[3]  = address[0] + address[1] - address[2] - "), net);
        InteropCli t = InteropCli.run("test", SEQ.resolve("mult.net").toString());
        assertEquals(0, t.code(), t.out() + t.err());
    }

    @Test
    void mistakesAreReportedWithTheirPlaceAndAllTogether(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.hack");
        InteropCli r = importing(f, "0000000000000001\n  00000200000000001  // a 2\n\n111\n// only a comment\n00000000000000001\n");
        assertTrue(r.err().contains(f + ":2:8: error: expected a binary digit (0 or 1), got '2': each line of a .hack file is one 16-bit word\n"
                + "      00000200000000001  // a 2\n"
                + "           ^\n"), r.err());
        assertTrue(r.err().contains(f + ":4:1: error: a Hack word has 16 binary digits; this one has 3"), r.err());
        assertTrue(r.err().contains(f + ":6:1: error: a Hack word has 16 binary digits; this one has 17"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void anEmptyProgramAndGateOptionsAreRefused(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.hack");
        InteropCli r = importing(empty, "// nothing here\n\n");
        assertTrue(r.err().contains(empty + ": error: no instructions: a .hack file has one 16-bit binary word a line"), r.err());
        InteropCli nand = InteropCli.run("import", "--nand", SEQ.resolve("mult.hack").toString());
        assertEquals(2, nand.code());
        assertTrue(nand.err().contains("--nand is for gate netlists (.blif, .bench)"), nand.err());
    }

    @Test
    void aRomHoldsAtMost32kWords() {
        Diagnostics diags = new Diagnostics();
        String text = "0000000000000000\n".repeat(HackRom.MAX_WORDS + 1);
        assertEquals(null, HackReader.read("big.hack", "big", text, diags));
        assertTrue(diags.all().toString().contains("a Hack ROM holds 32768 words (15 address bits); this is word 32769"), diags.all().toString());
    }

    /** Imports {@code text} written to {@code file}, which must be refused as an invalid file (exit 3). */
    private static InteropCli importing(Path file, String text) throws IOException {
        Files.writeString(file, text);
        InteropCli r = InteropCli.run("import", file.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        return r;
    }

    private static Evaluator load(String hack, Path dir) {
        Diagnostics diags = new Diagnostics();
        HackRom rom = HackReader.read("p.hack", "p", hack, diags);
        assertFalse(diags.hasErrors(), diags.all() + "\n" + hack);
        try {
            Path net = dir.resolve("p.net");
            Files.writeString(net, RomWriter.write(rom, "p.hack"));
            Netlist n = Circuit.load(net, null, new Sources()).topCircuit().netlist();
            assertTrue(n.isBoolean());
            return new Evaluator(n, new double[0]);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int read(Evaluator ev, int address) {
        double[] in = new double[HackRom.ADDRESS_BITS];
        for (int b = 0; b < in.length; b++) in[b] = address >> b & 1;
        double[] out = ev.outputs(in);
        int w = 0;
        for (int b = 0; b < out.length; b++) w |= (int) out[b] << b;
        return w;
    }
}
