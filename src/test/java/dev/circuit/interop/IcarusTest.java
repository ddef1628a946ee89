package dev.circuit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.circuit.NetFiles;
import dev.circuit.ast.TestDecl;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Sources;
import dev.circuit.Circuit;
import dev.circuit.elab.DesignBuilder;
import dev.circuit.elab.Loader;
import dev.circuit.elab.Program;
import dev.circuit.elab.Tops;
import dev.circuit.model.Netlist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that the Verilog is real: every Boolean circuit in circuits/ goes through Icarus Verilog
 * with its testbench, and every row must pass. Skipped, visibly, where iverilog is not installed
 * (Debian/Ubuntu: apt-get install -y iverilog).
 */
class IcarusTest {
    static final Pattern SUMMARY = Icarus.SUMMARY;
    static final Pattern ROWS = Icarus.ROWS;

    /** Per test, not per class: surefire counts a class-level skip as zero tests, which looks like nothing at all. */
    @BeforeEach
    void needsIcarus() {
        assumeTrue(Icarus.installed(), Icarus.MISSING);
    }

    /**
     * Every Boolean circuit of every file in circuits/: the file's default top, and the circuit of each
     * of its test tables (generic ones such as {@code adder_n<4>} included), each once.
     */
    static Stream<Arguments> booleanCircuits() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<Path> files = NetFiles.under(Path.of("circuits"));
        for (Path f : files) {
            Set<String> seen = new HashSet<>();
            Program program;
            try {
                program = Loader.read(f, new Sources());
            } catch (CircuitException e) {
                continue; // a broken file is 'circuit test's business
            }
            try {
                Netlist n = Circuit.load(f, null, new Sources()).topCircuit().netlist();
                if (isBoolean(n) && seen.add(n.name())) out.add(Arguments.of(f, null));
            } catch (CircuitException e) {
                // a generic default top: its test tables name instances below
            }
            String[] lines = program.root().text().split("\r\n|\r|\n", -1);
            for (TestDecl t : program.root().decls(TestDecl.class)) {
                try {
                    Netlist n = DesignBuilder.build(program, t.target()).topCircuit().netlist();
                    if (isBoolean(n) && seen.add(n.name())) out.add(Arguments.of(f, refText(lines, t)));
                } catch (CircuitException e) {
                    // an invalid table fails in 'circuit test'
                }
            }
        }
        return out.stream();
    }

    private static boolean isBoolean(Netlist n) {
        return n.isBoolean() && !n.neurons().isEmpty();
    }

    /** The circuit a test names, as written in its header (adder_n<4>, say). */
    private static String refText(String[] lines, TestDecl t) {
        String line = lines[t.target().pos().line() - 1].substring(t.target().pos().col() - 1);
        int brace = line.indexOf('{');
        return (brace < 0 ? line : line.substring(0, brace)).replaceFirst("\\s+(sequence|within)\\b.*$", "").strip();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("booleanCircuits")
    void everyTestbenchRowPassesInIcarus(Path file, String top, @TempDir Path dir) throws Exception {
        Path v = dir.resolve("out.v");
        List<String> args = new ArrayList<>(List.of("verilog", "--testbench", file.toString(), "-o", v.toString()));
        if (top != null) args.addAll(List.of("--top", top));
        InteropCli r = InteropCli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        Matcher rows = ROWS.matcher(Files.readString(v));
        assertTrue(rows.find(), "the testbench states its row count");
        int expected = Integer.parseInt(rows.group(1));
        assumeTrue(expected > 0, file + ": no test table and too many inputs for every-input rows");
        String out = simulate(v, dir);
        Matcher m = SUMMARY.matcher(out);
        assertTrue(m.find(), "vvp printed no summary:\n" + out);
        assertEquals("0", m.group(2), file + " disagrees with Icarus:\n" + out);
        assertEquals(expected, Integer.parseInt(m.group(1)), out);
    }

    /** The corpus above holds every sequential example: circuits/seq and the imported flip-flop circuits. */
    @Test
    void everySequentialExampleIsInTheCorpus() throws IOException {
        Set<Path> files = new HashSet<>();
        booleanCircuits().forEach(a -> files.add((Path) a.get()[0]));
        List<Path> sequential = new ArrayList<>();
        for (Path f : NetFiles.under(Path.of("circuits"))) {
            try {
                Netlist n = Circuit.load(f, null, new Sources()).topCircuit().netlist();
                // A circuit with learnable coefficients is no fixed hardware: verilog --snap exports it.
                if (n.isSequential() && n.isBoolean()) sequential.add(f);
            } catch (CircuitException e) {
                // not a default top
            }
        }
        assertTrue(sequential.contains(Path.of("circuits/seq/counter4.net")), sequential.toString());
        assertTrue(sequential.contains(Path.of("circuits/seq/sr_latch.net")), sequential.toString());
        assertTrue(sequential.contains(Path.of("circuits/imported/s27.net")), sequential.toString());
        for (Path f : sequential) assertTrue(files.contains(f), f + " is sequential but not run in Icarus");
    }

    /**
     * Flip-flops and a feedback loop together: a gated D latch of NAND perceptrons whose enable and data
     * come from flip-flops, so each cycle's loop starts from flip-flops and inputs that changed at once.
     * The table, and 64 random cycles from circuit's simulator, must pass in Icarus; a wrong row must fail there.
     */
    @Test
    void flipFlopsFeedingAFeedbackLoopRunCycleByCycleInIcarus(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("circuits/nand.net"), dir.resolve("nand.net"));
        Path f = dir.resolve("dl.net");
        String table = "test dl sequence {\n    e d | q\n    1 1 | 0\n    1 1 | 1\n    0 0 | 1\n    1 0 | 1\n    0 1 | 0\n    0 1 | 0\n}\n";
        String circuit = "import \"nand.net\"\n"
                + "circuit dl(e, d) -> (q) {\n"
                + "    feedback q = 0\n"
                + "    en = dff(e)\n"
                + "    dd = dff(d)\n"
                + "    s_n = nand(dd, en)\n"
                + "    r_n = nand(s_n, en)\n"
                + "    q = nand(s_n, q_n)\n"
                + "    q_n = nand(r_n, q)\n"
                + "}\n";
        Files.writeString(f, circuit + table);
        InteropCli t = InteropCli.run("test", f.toString());
        assertEquals(0, t.code(), t.out() + t.err());
        Path v = dir.resolve("dl.v");
        InteropCli r = InteropCli.run("verilog", "--testbench", f.toString(), "-o", v.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(v);
        assertTrue(text.contains("input  wire clk,"), text);
        assertTrue(text.contains("always @(posedge clk) r_en <= e;"), text);
        assertTrue(text.contains("always begin fb_q <= #1 n_q; @(n_q or fb_q); end"), text);
        String out = simulate(v, dir);
        assertTrue(out.contains("70 passed, 0 failed"), "6 table cycles and 64 random ones: " + out);
        Files.writeString(f, circuit + table.replace("    0 1 | 0\n    0 1 | 0\n", "    0 1 | 0\n    0 1 | 1\n"));
        assertEquals(0, InteropCli.run("verilog", "--testbench", f.toString(), "-o", v.toString()).code());
        out = simulate(v, dir);
        assertTrue(out.contains("FAIL " + f + ":18:5 (cycle 5): e=0 d=1: got q=0, expected q=1"), out);
        assertTrue(out.contains("69 passed, 1 failed"), out);
    }

    @Test
    void aWrongExpectationFailsInIcarusToo(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("circuits/nand.net"), dir.resolve("nand.net"));
        Path f = dir.resolve("wrong.net");
        Files.writeString(f, "import \"nand.net\"\n"
                + "circuit wrong(a, b) -> (y) {\n    y = nand(a, b)\n}\n"
                + "test wrong {\n    a b | y\n    1 1 | 1\n    0 0 | 1\n}\n");
        Path v = dir.resolve("wrong.v");
        assertEquals(0, InteropCli.run("verilog", "--testbench", f.toString(), "-o", v.toString()).code());
        String out = simulate(v, dir);
        assertTrue(out.contains("FAIL " + f + ":7:5: a=1 b=1: got y=0, expected y=1"), out);
        assertTrue(out.contains("5 passed, 1 failed"), "2 table rows + 4 every-input rows: " + out);
    }

    @Test
    void busesAndGenericCircuitsRunInIcarus(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("circuits/nand.net"), dir.resolve("nand.net"));
        Files.copy(Path.of("circuits/adder.net"), dir.resolve("adder.net"));
        Path f = dir.resolve("add.net");
        Files.writeString(f, "import \"adder.net\"\n"
                + "circuit fa(a, b, cin) -> (s, cout) {\n"
                + "    (h1, c1) = adder(a, b)\n"
                + "    (s, c2) = adder(h1, cin)\n"
                + "    cout = 0.5*c1 + 0.5*c2 >= 0.5\n"
                + "}\n"
                + "circuit add<N>(a[N], b[N], cin) -> (s[N], cout) {\n"
                + "    wire c[N+1]\n"
                + "    c[0] = cin\n"
                + "    for i in 0..N-1 {\n"
                + "        (s[i], c[i+1]) = fa(a[i], b[i], c[i])\n"
                + "    }\n"
                + "    cout = c[N]\n"
                + "}\n"
                + "test add<3> {\n"
                + "    a b cin | s cout\n"
                + "    7 1 0   | 0 1\n"
                + "    5 X 1   | X X\n"
                + "    3 4 0   | 7 0\n"
                + "}\n");
        Path v = dir.resolve("add.v");
        InteropCli r = InteropCli.run("verilog", "--testbench", "--top", "add<3>", f.toString(), "-o", v.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(v);
        assertTrue(text.contains("input  wire [2:0] a,"), text);
        assertTrue(text.contains("// Testbench: 138 rows."), "1 + 8 + 1 table rows, then 2^7 inputs: " + text);
        String out = simulate(v, dir);
        assertTrue(out.contains("138 passed, 0 failed"), out);
    }

    @Test
    void portsNamedLikeTheTestbenchsOwnSignalsStillWork(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("clash.net");
        Files.writeString(f, "circuit clash(passed, dut) -> (failed) {\n    failed = passed + dut >= 2\n}\n");
        Path v = dir.resolve("clash.v");
        assertEquals(0, InteropCli.run("verilog", "--testbench", f.toString(), "-o", v.toString()).code());
        String out = simulate(v, dir);
        assertTrue(out.contains("4 passed, 0 failed"), out);
    }

    private static String simulate(Path v, Path dir) throws IOException, InterruptedException {
        return Icarus.simulate(v, dir);
    }
}
