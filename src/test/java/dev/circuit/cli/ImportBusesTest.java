package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code circuit import} recovers buses from bit-blasted names (docs/INTEROP.md, "Buses"); --bits keeps single bits. */
class ImportBusesTest {
    /** An 8x8 multiplier as Yosys writes it: ports a[0]..a[7], b[0]..b[7], p[0]..p[15]. */
    static final String MUL8 = "src/test/resources/interop/mul8.blif";

    @TempDir
    Path tmp;

    @Test
    void aYosysMultiplierImportsWithBusPortsAndMultiplies() throws IOException {
        Path net = tmp.resolve("mul8.net");
        assertEquals(0, CliRun.of("import", MUL8, "-o", net.toString()).code());
        assertTrue(Files.readString(net).contains("circuit mul8(a[8], b[8]) -> p[16] {\n"), Files.readString(net));
        CliRun r = CliRun.of("eval", net.toString(), "200", "123");
        assertEquals(0, r.code(), r.all());
        assertEquals("p=24600\n", r.out());
        assertEquals("", r.err(), "no warnings: the constants Yosys writes unused are left out");
        Random rnd = new Random(8);
        for (int i = 0; i < 20; i++) {
            int a = rnd.nextInt(256);
            int b = rnd.nextInt(256);
            assertEquals("p=" + a * b + "\n", CliRun.of("eval", net.toString(), "a=" + a, "b=" + b).out(), a + "*" + b);
        }
        assertEquals("p=65025\n", CliRun.of("eval", net.toString(), "255", "255").out());
    }

    /** The table written after the circuit has a column per bus, its values numbers: rows of a*b. */
    @Test
    void theTestTableHasBusColumns() throws IOException {
        String net = Files.readString(Path.of("circuits/imported/mul4.net"));
        assertTrue(net.contains("    a  b  | p\n"), net);
        assertTrue(net.contains("    15 13 | 195\n"), net);
        assertEquals(0, CliRun.of("test", "circuits/imported/mul4.net").code());
    }

    @Test
    void bitsKeepsSingleBitPorts() {
        CliRun r = CliRun.of("import", "--bits", MUL8);
        assertEquals(0, r.code());
        assertTrue(r.out().contains("circuit mul8(a_0_, a_1_, a_2_, a_3_, a_4_, a_5_, a_6_, a_7_, b_0_,"), r.out());
        assertTrue(r.out().contains("-> (p_0_, p_1_,"), r.out());
    }

    /** The spellings that make buses, and the near misses that stay single bits. */
    @Test
    void busRulesContiguousFromZeroSameBaseSameSpelling() throws IOException {
        String bench = """
                INPUT(x<0>)
                INPUT(x<1>)
                INPUT(y_1_)
                INPUT(y_0_)
                INPUT(n[1])
                INPUT(n[2])
                INPUT(k_0)
                INPUT(k_1)
                INPUT(c[0])
                INPUT(m[0])
                INPUT(m_1_)
                OUTPUT(s[0])
                OUTPUT(s[1])
                OUTPUT(s[2])
                s[0] = AND(x<0>, y_0_)
                s[1] = XOR(x<1>, y_1_, n[1], n[2])
                s[2] = OR(k_0, k_1, c[0], m[0], m_1_)
                """;
        Path f = Files.writeString(tmp.resolve("rules.bench"), bench);
        CliRun r = CliRun.of("import", f.toString());
        assertEquals(0, r.code(), r.all());
        // x<0..1> and y_0_..y_1_ (declared out of order) are buses; n[1..2] has no bit 0, k_0 no closing
        // underscore, c[0] is alone, m[0] and m_1_ are spelled differently: single bits.
        assertTrue(r.out().contains("circuit rules(x[2], y[2], n_1_, n_2_, k_0, k_1, c_0_, m_0_, m_1_) -> s[3] {\n"), r.out());
        assertTrue(r.out().contains("= x[0] + y[0] >= 2  # s[0] = AND(x<0>, y_0_)"), r.out());
        Path net = Files.writeString(tmp.resolve("rules.net"), r.out());
        // x=2 (x<1>=1), y=1 (y_0_=1): s[0] = x<0> & y_0_ = 0, s[1] = 1 ^ 0 ^ 0 ^ 0 = 1, s[2] = 0: s = 0b010.
        assertEquals("s=2\n", CliRun.of("eval", net.toString(), "x=2", "y=1", "n_1_=0", "n_2_=0", "k_0=0", "k_1=0", "c_0_=0", "m_0_=0", "m_1_=0").out());
    }
}
