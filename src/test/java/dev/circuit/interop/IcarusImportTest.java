package dev.circuit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported sequential circuits against an independent simulator, cycle by cycle: each fixture in
 * circuits/imported that has flip-flops is imported (plain and --nand), run by {@code circuit sim
 * --format csv} on {@value #CYCLES} cycles of seeded random inputs, and the same inputs drive the
 * ORIGINAL design in Icarus Verilog: the Verilog Yosys synthesised the BLIF from, or, for an ISCAS'89
 * .bench, a structural translation of its gates written here (not through circuit). Every printed
 * line, inputs and outputs of one cycle, must be equal.
 */
class IcarusImportTest {
    static final int CYCLES = 1000;
    static final Path IMPORTED = Path.of("circuits/imported");

    @BeforeEach
    void needsIcarus() {
        assumeTrue(Icarus.installed(), Icarus.MISSING);
    }

    /** Each sequential source with the Verilog module it came from and that module's clock. */
    static Stream<Arguments> fixtures() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(IMPORTED)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                String stem = name.replaceFirst("\\.[^.]*$", "");
                String text = Files.readString(p);
                boolean yosys = name.endsWith(".blif") && Files.exists(IMPORTED.resolve(stem + ".v"))
                        && (text.contains(".latch") || text.contains(".subckt $_"));
                boolean iscas89 = name.endsWith(".bench") && text.toUpperCase(Locale.ROOT).contains("DFF(");
                if (yosys || iscas89) for (boolean nand : new boolean[] {false, true}) out.add(Arguments.of(p, nand));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} nand={1}")
    @MethodSource("fixtures")
    void importedCircuitRunsLikeTheOriginalInIcarus(Path source, boolean nand, @TempDir Path dir) throws Exception {
        String name = source.getFileName().toString();
        String stem = name.replaceFirst("\\.[^.]*$", "");
        Path net = dir.resolve(stem + ".net");
        List<String> args = new ArrayList<>(List.of("import", source.toString(), "-o", net.toString()));
        if (nand) args.add("--nand");
        InteropCli imp = InteropCli.run(args.toArray(new String[0]));
        assertEquals(0, imp.code(), imp.err());
        Netlist n = Circuit.load(net, null, new Sources()).topCircuit().netlist();
        String original = name.endsWith(".bench") ? benchToVerilog(stem, Files.readString(source)) : Files.readString(IMPORTED.resolve(stem + ".v"));

        Random rnd = new Random(stem.hashCode());
        List<BigInteger[]> stimulus = new ArrayList<>();
        for (int t = 0; t < CYCLES; t++) {
            BigInteger[] row = new BigInteger[n.inputs().size()];
            for (int i = 0; i < row.length; i++) row[i] = new BigInteger(n.inputs().get(i).width(), rnd);
            stimulus.add(row);
        }
        Path csv = dir.resolve("in.csv");
        StringBuilder sb = new StringBuilder(String.join(",", n.inputs().stream().map(Terminal::name).toList())).append('\n');
        for (BigInteger[] row : stimulus) sb.append(String.join(",", java.util.Arrays.stream(row).map(BigInteger::toString).toList())).append('\n');
        Files.writeString(csv, sb.toString());
        InteropCli sim = InteropCli.run("sim", net.toString(), "--inputs", csv.toString(), "--format", "csv");
        assertEquals(0, sim.code(), sim.err());
        List<String> ours = sim.out().lines().skip(1).toList();

        Path v = dir.resolve("tb.v");
        Files.writeString(v, original + testbench(stem, n, stimulus));
        List<String> theirs = Icarus.simulate(v, dir).lines().filter(l -> l.matches("\\d+(,\\d+)*")).toList();
        assertEquals(CYCLES, theirs.size(), "Icarus printed a line per cycle");
        assertEquals(CYCLES, ours.size());
        for (int t = 0; t < CYCLES; t++) {
            assertEquals(theirs.get(t), ours.get(t), "cycle " + t + " (cycle,inputs,outputs) of " + name + (nand ? " --nand" : ""));
        }
    }

    /**
     * Drives the original module ({@code clk} plus the imported circuit's ports, by the same names):
     * each cycle applies its inputs, waits, prints {@code cycle,inputs,outputs} as {@code circuit sim
     * --format csv} does, and gives a rising clock edge.
     */
    private static String testbench(String module, Netlist n, List<BigInteger[]> stimulus) {
        StringBuilder sb = new StringBuilder("\nmodule tb;\n    reg clk = 1'b0;\n");
        List<String> conns = new ArrayList<>(List.of(".clk(clk)"));
        List<String> shown = new ArrayList<>();
        for (Terminal t : n.inputs()) {
            sb.append("    reg ").append(range(t)).append(t.name()).append(";\n");
            conns.add("." + t.name() + "(" + t.name() + ")");
            shown.add(t.name());
        }
        for (Terminal t : n.outputs()) {
            sb.append("    wire ").append(range(t)).append(t.name()).append(";\n");
            conns.add("." + t.name() + "(" + t.name() + ")");
            shown.add(t.name());
        }
        sb.append("    ").append(module).append(" dut(").append(String.join(", ", conns)).append(");\n    initial begin\n");
        String format = "%0d" + ",%0d".repeat(shown.size());
        for (int c = 0; c < stimulus.size(); c++) {
            sb.append("        ");
            for (int i = 0; i < n.inputs().size(); i++) {
                Terminal t = n.inputs().get(i);
                sb.append(t.name()).append(" = ").append(t.width()).append("'d").append(stimulus.get(c)[i]).append("; ");
            }
            sb.append("#1 $display(\"").append(format).append("\", ").append(c).append(shown.isEmpty() ? "" : ", ")
                    .append(String.join(", ", shown)).append("); clk = 1'b1; #1 clk = 1'b0;\n");
        }
        return sb.append("        $finish;\n    end\nendmodule\n").toString();
    }

    private static String range(Terminal t) {
        return t.bus() ? "[" + (t.width() - 1) + ":0] " : "";
    }

    private static final Pattern PORT = Pattern.compile("\\s*(INPUT|OUTPUT)\\((\\w+)\\)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern GATE = Pattern.compile("\\s*(\\w+)\\s*=\\s*(\\w+)\\((.*)\\)\\s*");

    /**
     * An ISCAS .bench netlist as structural Verilog with a {@code clk} port, written from the gates'
     * textbook meaning: the independent side of the comparison. Flip-flops start at 0, as the import reads them.
     */
    static String benchToVerilog(String module, String bench) {
        List<String> ports = new ArrayList<>(List.of("input clk"));
        StringBuilder body = new StringBuilder();
        for (String raw : bench.split("\n")) {
            String line = raw.replaceFirst("#.*", "");
            if (line.isBlank()) continue;
            Matcher p = PORT.matcher(line);
            if (p.matches()) {
                ports.add((p.group(1).equalsIgnoreCase("INPUT") ? "input " : "output ") + p.group(2));
                continue;
            }
            Matcher g = GATE.matcher(line);
            assertTrue(g.matches(), line);
            String out = g.group(1);
            List<String> ins = List.of(g.group(3).split("\\s*,\\s*")).stream().map(String::strip).toList();
            String kind = g.group(2).toUpperCase(Locale.ROOT);
            if (kind.equals("DFF")) {
                body.append("    reg ").append(out).append("_q = 1'b0;\n    always @(posedge clk) ").append(out).append("_q <= ").append(ins.get(0))
                        .append(";\n    wire ").append(out).append(" = ").append(out).append("_q;\n");
                continue;
            }
            String expr = switch (kind) {
                case "AND" -> String.join(" & ", ins);
                case "NAND" -> "~(" + String.join(" & ", ins) + ")";
                case "OR" -> String.join(" | ", ins);
                case "NOR" -> "~(" + String.join(" | ", ins) + ")";
                case "XOR" -> String.join(" ^ ", ins);
                case "XNOR" -> "~(" + String.join(" ^ ", ins) + ")";
                case "NOT" -> "~" + ins.get(0);
                case "BUFF", "BUF" -> ins.get(0);
                default -> throw new AssertionError("gate " + kind);
            };
            body.append("    wire ").append(out).append(" = ").append(expr).append(";\n");
        }
        // An output is declared by its port; its gate's 'wire NAME = ...' becomes a plain assign.
        String text = body.toString();
        for (String port : ports) {
            if (!port.startsWith("output ")) continue;
            String o = port.substring(7);
            text = text.replace("    wire " + o + " = ", "    assign " + o + " = ");
        }
        return "module " + module + "(" + String.join(", ", ports) + ");\n" + text + "endmodule\n";
    }
}
