package dev.circuit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Verilog text says; {@link IcarusTest} runs it. */
class VerilogTest {
    @Test
    void halfAdderNeuronsBecomeIntegerComparisons() {
        InteropCli r = InteropCli.run("verilog", "circuits/adder.net");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("module adder (\n    input  wire a,\n    input  wire b,\n    output wire sum,\n    output wire carry\n);"), r.out());
        // nand = step(-2*a - 2*b + 3): fires when 3 > 2a + 2b.
        assertTrue(r.out().contains("assign n_g1 = 4'd3 > 4'd2*a + 4'd2*b;"), r.out());
        assertTrue(r.out().contains("assign sum = n_sum;"), r.out());
        assertFalse(r.out().contains("module adder_tb"), "no testbench unless asked");
        assertEquals(r.out(), InteropCli.run("verilog", "circuits/adder.net").out(), "the same file gives the same text");
    }

    @Test
    void decimalWeightsAreScaledExactlyAndThresholdsKeepTheirEquality(@TempDir Path dir) throws IOException {
        Path f = write(dir, "dec.net", "circuit dec(a, b, c) -> (y, z) {\n"
                + "    y = step(0.1*a + 0.2*b - 0.3)\n"
                + "    z = a + b + c >= 2\n"
                + "}\n");
        String v = InteropCli.run("verilog", f.toString()).out();
        // 0.1 + 0.2 - 0.3 is exactly 0, so a = b = 1 must not fire: 1 + 2 > 3 is false.
        assertTrue(v.contains("assign n_y = a + 3'd2*b > 3'd3;"), v);
        assertTrue(v.contains("assign n_z = a + b + c >= 3'd2;"), v);
    }

    @Test
    void namesAreLegalisedAndBusesBecomeVectors(@TempDir Path dir) throws IOException {
        Path f = write(dir, "adder_n.net", "circuit pass<N>(reg[N], input) -> (module[N], out) {\n"
                + "    module = reg\n"
                + "    out = -input >= 0\n"
                + "}\n");
        InteropCli r = InteropCli.run("verilog", "--top", "pass<3>", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("module pass_3 ("), r.out());
        assertTrue(r.out().contains("input  wire [2:0] reg_,"), r.out());
        assertTrue(r.out().contains("input  wire input_,"), r.out());
        assertTrue(r.out().contains("output wire [2:0] module_,"), r.out());
        assertTrue(r.out().contains("assign module_[2] = reg_[2];"), r.out());
        assertTrue(r.out().contains("assign n_out = 2'd0 >= input_;"), r.out());
    }

    @Test
    void realValuedAndLearnableNeuronsAreRefusedAtTheirPositionUnlessSnapped(@TempDir Path dir) throws IOException {
        Path f = write(dir, "soft.net", "circuit soft(a, b) -> (y, z) {\n"
                + "    y = sigmoid(2*a - 1)\n"
                + "    z = step(?0.5*a + b - 1)\n"
                + "}\n");
        InteropCli r = InteropCli.run("verilog", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("soft.net:2:5: error: neuron 'y' is sigmoid"), r.err());
        assertTrue(r.err().contains("soft.net:3:5: error: neuron 'z' has learnable coefficients"), "every refused neuron is reported: " + r.err());
        assertTrue(r.err().contains("--snap"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());

        InteropCli snapped = InteropCli.run("verilog", "--snap", f.toString());
        assertEquals(0, snapped.code(), snapped.err());
        // sigmoid(2a - 1) > 1/2 exactly when 2a - 1 > 0; z freezes at 0.5*a + b - 1 > 0, i.e. a + 2b > 2
        // (the exact form is in lowest terms).
        assertTrue(snapped.out().contains("assign n_y = 3'd2*a > 3'd1;"), snapped.out());
        assertTrue(snapped.out().contains("assign n_z = a + 3'd2*b > 3'd2;"), snapped.out());
    }

    @Test
    void testbenchReplaysTestRowsAndEveryInput() {
        InteropCli r = InteropCli.run("verilog", "--testbench", "circuits/adder.net");
        assertEquals(0, r.code(), r.err());
        String v = r.out();
        assertTrue(v.contains("// Testbench: 8 rows."), "4 table rows + 4 inputs: " + v);
        assertTrue(v.contains("a = 1'd1; b = 1'd1; #1;"), v);
        assertTrue(v.contains("if (sum === 1'd0 && carry === 1'd1) passed = passed + 1;"), v);
        assertTrue(v.contains("FAIL circuits/adder.net:17:5: a=1 b=1"), "failures name the table row: " + v);
        assertTrue(v.contains("$display(\"%0d passed, %0d failed\", passed, failed);"), v);
    }

    @Test
    void refusesToOverwriteItsInput() {
        InteropCli r = InteropCli.run("verilog", "circuits/adder.net", "-o", "circuits/adder.net");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("refusing to overwrite"), r.err());
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
