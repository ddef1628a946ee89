package dev.circuit.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.circuit.Circuit;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Sources;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Simulator;
import dev.circuit.model.Netlist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportTest {
    static final Path IMPORTED = Path.of("circuits/imported");

    static Stream<Path> sources() throws IOException {
        try (Stream<Path> s = Files.list(IMPORTED)) {
            return s.filter(p -> p.toString().endsWith(".bench") || p.toString().endsWith(".blif")).sorted().toList().stream();
        }
    }

    /** The .net files in circuits/imported are exactly what 'circuit import' writes today. */
    @ParameterizedTest
    @MethodSource("sources")
    void committedNetFilesAreUpToDate(Path source) throws IOException {
        String stem = source.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        assertEquals(Files.readString(IMPORTED.resolve(stem + ".net")), InteropCli.run("import", source.toString()).out());
        assertEquals(Files.readString(IMPORTED.resolve(stem + "_nand.net")), InteropCli.run("import", "--nand", source.toString()).out());
    }

    /** Every input row: the perceptron circuit computes what the gates compute. */
    @ParameterizedTest
    @MethodSource("sources")
    void importedCircuitsAreEquivalentToTheirSource(Path source, @TempDir Path dir) throws IOException {
        for (boolean nand : new boolean[] {false, true}) {
            assertEquivalent(source.getFileName().toString(), Files.readString(source), nand, dir);
        }
    }

    @Test
    void c17HasSixNandNeuronsAndItsTableFromTheGates() throws IOException {
        String net = Files.readString(IMPORTED.resolve("c17.net"));
        assertEquals(6, net.lines().filter(l -> l.contains(" = NAND(")).count());
        assertTrue(net.contains("N22 = -N10 - N16 >= -1  # 22 = NAND(10, 16)"), net);
        assertTrue(net.contains("    N1 N2 N3 N6 N7 | N22 N23\n"), net);
        // 32 rows, one per input combination.
        assertEquals(32, net.lines().filter(l -> l.matches("\\s+[01]( +[01]){4} +\\|.*")).count());
        InteropCli r = InteropCli.run("test", IMPORTED.toString());
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void xorAndXnorTakeTwoLayersAndOtherGatesOne(@TempDir Path dir) throws IOException {
        String bench = "INPUT(a)\nINPUT(b)\nINPUT(c)\nOUTPUT(x)\nOUTPUT(n)\nOUTPUT(o)\n"
                + "x = XOR(a, b, c)\nn = xnor(a, b)\no = OR(a, b, c)\n";
        Path f = dir.resolve("g.bench");
        Files.writeString(f, bench);
        String net = InteropCli.run("import", f.toString()).out();
        assertTrue(net.contains("x_ge2 = a + b + c >= 2"), net);
        assertTrue(net.contains("x     = a + b + c - 2*x_ge2 >= 1"), net);
        assertTrue(net.contains("n     = -a - b + 2*n_ge2 >= 0"), net);
        assertTrue(net.contains("o     = a + b + c >= 1"), net);
        assertEquivalent("g.bench", bench, false, dir);
        assertEquivalent("g.bench", bench, true, dir);
    }

    @Test
    void blifCoversBecomeOneNeuronWhenTheyAreThresholdFunctions(@TempDir Path dir) throws IOException {
        String net = Files.readString(IMPORTED.resolve("fulladder.net"));
        assertTrue(net.contains("cout    = a + b + cin >= 2"), "the majority cover is one neuron: " + net);
        assertTrue(net.contains("sum     = a + b + cin - 2*sum_ge2 >= 1"), "the parity cover takes two layers: " + net);
        // A multiplexer is neither: one neuron per cube of two literals, then an OR.
        String mux = ".model mux\n.inputs s a b\n.outputs y\n.names s a b y\n01- 1\n1-1 1\n.end\n";
        Path f = dir.resolve("mux.blif");
        Files.writeString(f, mux);
        String out = InteropCli.run("import", f.toString()).out();
        assertTrue(out.contains("y_c1 = -s + a >= 1"), out);
        assertTrue(out.contains("y_c2 = s + b >= 2"), out);
        assertTrue(out.contains("y    = y_c1 + y_c2 >= 1"), out);
        assertEquivalent("mux.blif", mux, false, dir);
    }

    @Test
    void thresholdFitFindsSmallWeightsOrNothing() {
        boolean[] majority = new boolean[8];
        boolean[] xor = new boolean[8];
        for (int r = 0; r < 8; r++) {
            majority[r] = Integer.bitCount(r) >= 2;
            xor[r] = Integer.bitCount(r) % 2 == 1;
        }
        ThresholdFit.Fit fit = ThresholdFit.find(majority, 3).orElseThrow();
        assertArrayEquals(new int[] {1, 1, 1}, fit.weights());
        assertEquals(2, fit.threshold());
        assertTrue(ThresholdFit.find(xor, 3).isEmpty(), "XOR is not linearly separable");
    }

    @Test
    void subcircuitsAndLatchesOneClockCannotExpressAreReportedWithTheirPlace(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("seq.blif");
        Files.writeString(f, ".model seq\n.inputs a clk\n.outputs q\n  .latch d q ah clk 0\n.subckt inv x=a y=d\n"
                + ".subckt $_DFF_PP0_ C=clk D=a R=a Q=r\n.end\n");
        InteropCli r = InteropCli.run("import", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains(f + ":4:14: error: .latch of type ah is a level-sensitive latch (transparent while its control is 1):"
                + " only edge-triggered flip-flops (re, fe) are imported"), r.err());
        assertTrue(r.err().contains("\n      .latch d q ah clk 0\n" + " ".repeat(17) + "^\n"), "the line and a caret: " + r.err());
        assertTrue(r.err().contains(f + ":5:1: error: .subckt is not supported"), "all errors, not just the first: " + r.err());
        assertTrue(r.err().contains(f + ":6:9: error: $_DFF_PP0_ is a Yosys storage cell with an asynchronous set or reset"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void twoClocksBothEdgesAndAClockReadAsDataAreErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("clk.blif");
        String head = ".model m\n.inputs a c1 c2\n.outputs q p\n";
        Files.writeString(f, head + ".latch a q re c1 0\n.latch a p re c2 0\n.end\n");
        InteropCli r = InteropCli.run("import", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains(f + ":5:1: error: flip-flops on two clocks, 'c1' and 'c2'"), r.err());
        assertTrue(r.err().contains(f + ":4:1: note: clocked by 'c1' here"), r.err());
        Files.writeString(f, head + ".latch a q re c1 0\n.latch a p fe c1 0\n.end\n");
        r = InteropCli.run("import", f.toString());
        assertTrue(r.err().contains(f + ":5:1: error: flip-flops on both edges of the clock"), r.err());
        Files.writeString(f, head + ".latch a q re c1 0\n.names c1 a p\n11 1\n.end\n");
        r = InteropCli.run("import", f.toString());
        assertTrue(r.err().contains("error: the clock 'c1' is also read as data by 'p'"), r.err());
        Files.writeString(f, head + ".latch a q re x 0\n.names a p\n1 1\n.names a x\n1 1\n.end\n");
        r = InteropCli.run("import", f.toString());
        assertTrue(r.err().contains(f + ":4:1: error: the clock 'x' is not a primary input (a gated or derived clock)"), r.err());
    }

    @Test
    void latchesBecomeDffWithTheirInitialValueAndTheClockLeavesThePorts(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sh.blif");
        Files.writeString(f, ".model sh\n.inputs clk d\n.outputs a b c e\n.latch d a re clk 1\n.latch a b re clk 2\n"
                + ".latch b c\n.latch c e re NIL 0\n.end\n");
        InteropCli r = InteropCli.run("import", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("circuit sh(d) -> (a, b, c, e) {"), r.out());
        assertTrue(r.out().contains("a = dff(d, 1)  # .latch d a re clk 1"), r.out());
        assertTrue(r.out().contains("b = dff(a)  # .latch a b re clk 2"), r.out());
        assertTrue(r.out().contains("test sh sequence {"), r.out());
        assertTrue(r.err().contains(f + ":5:19: warning: initial value 2 (don't care) of latch 'b': it starts at 0"), r.err());
        assertFalse(r.err().contains("error"), r.err());
        Path out = dir.resolve("sh.net");
        assertEquals(0, InteropCli.run("import", f.toString(), "-o", out.toString()).code());
        InteropCli t = InteropCli.run("test", out.toString());
        assertEquals(0, t.code(), t.out() + t.err());
        assertTrue(t.out().contains("(32 cycles)"), t.out());
    }

    @Test
    void yosysFlipFlopCellsKeepTheirEnableAndSynchronousReset(@TempDir Path dir) throws IOException {
        // Yosys's meaning: SDFFE's reset wins over its enable; SDFFCE's acts only when enabled; N is active low.
        String blif = ".model y\n.inputs clk d e r\n.outputs q1 q2 q3 q4\n"
                + ".subckt $_DFFE_PN_ C=clk D=d E=e Q=q1\n"
                + ".subckt $_SDFF_PP1_ C=clk D=d R=r Q=q2\n"
                + ".subckt $_SDFFE_PN0P_ C=clk D=d E=e R=r Q=q3\n"
                + ".subckt $_SDFFCE_PP1N_ C=clk D=d E=e R=r Q=q4\n.end\n";
        Diagnostics diags = new Diagnostics();
        Logic logic = BlifReader.read("y.blif", "y", blif, diags);
        assertFalse(diags.hasErrors(), diags.all().toString());
        assertEquals("clk", logic.clock());
        assertEquals(3, logic.inputs().size());
        LogicEval ev = new LogicEval(logic);
        // One cycle from state 0 for every d e r: the state after the edge, by the cells' definitions.
        for (int row = 0; row < 8; row++) {
            boolean d = (row & 1) != 0;
            boolean e = (row & 2) != 0;
            boolean rr = (row & 4) != 0;
            LogicEval one = new LogicEval(logic);
            one.run(new boolean[] {d, e, rr});
            one.clock();
            boolean[] q = one.run(new boolean[] {false, false, false});
            assertEquals(!e ? d : false, q[0], "DFFE_PN at row " + row);
            assertEquals(rr || d, q[1], "SDFF_PP1 at row " + row);
            assertEquals(rr && e && d, q[2], "SDFFE_PN0P at row " + row);
            assertEquals(!e && (rr || d), q[3], "SDFFCE_PP1N at row " + row);
        }
        assertEquivalent("y.blif", blif, false, dir);
        assertEquivalent("y.blif", blif, true, dir);
    }

    @Test
    void undrivenSignalsAndLoopsAreErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("loop.bench");
        Files.writeString(f, "INPUT(a)\nOUTPUT(y)\nOUTPUT(w)\ny = AND(a, z)\nz = OR(y, a)\n");
        InteropCli r = InteropCli.run("import", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains(f + ":3:8: error: output 'w' is never driven"), r.err());
        Files.writeString(f, "INPUT(a)\nOUTPUT(y)\ny = AND(a, z)\nz = OR(y, a)\n");
        r = InteropCli.run("import", f.toString());
        assertTrue(r.err().contains("combinational loop: y -> z -> y"), r.err());
    }

    @Test
    void namesThatAreNotNetIdentifiersAreLegalised(@TempDir Path dir) throws IOException {
        String blif = ".model m\n.inputs in[0] x X\n.outputs circuit y\n.names in[0] x circuit\n11 1\n.names X y\n0 1\n.end\n";
        Path f = dir.resolve("m.blif");
        Files.writeString(f, blif);
        String net = InteropCli.run("import", f.toString()).out();
        assertTrue(net.contains("circuit m(in_0_, x, X_) -> (circuit_, y) {"), net);
        assertEquivalent("m.blif", blif, false, dir);
        // A file named x.bench cannot give a circuit named x: x is "any value" in test tables.
        Path x = dir.resolve("x.bench");
        Files.writeString(x, "INPUT(a)\nOUTPUT(b)\nb = NOT(a)\n");
        Path out = dir.resolve("x.net");
        assertEquals(0, InteropCli.run("import", x.toString(), "-o", out.toString()).code());
        InteropCli t = InteropCli.run("test", out.toString());
        assertEquals(0, t.code(), t.out() + t.err());
    }

    /** The words of sequential circuits are names in a netlist; it once wrote 'feedback = ...', which no .net file can say. */
    @Test
    void sequentialKeywordsAndBuiltInsAreLegalised(@TempDir Path dir) throws IOException {
        String bench = "INPUT(a)\nINPUT(prev)\nOUTPUT(feedback)\nOUTPUT(dff)\nfeedback = AND(a, prev)\ndff = OR(a, prev)\n";
        Path f = dir.resolve("dff.bench");
        Files.writeString(f, bench);
        InteropCli r = InteropCli.run("import", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("circuit dff_(a, prev_) -> (feedback_, dff__2) {"), r.out());
        assertEquivalent("dff.bench", bench, false, dir);
    }

    @Test
    void randomBenchNetlistsImportToEquivalentCircuits(@TempDir Path dir) {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            String bench = randomBench(new Random(seed));
            try {
                assertEquivalent("r.bench", bench, seed % 2 == 0, dir);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void randomBlifCoversImportToEquivalentCircuits(@TempDir Path dir) {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            String blif = randomBlif(new Random(seed));
            try {
                assertEquivalent("r.blif", blif, seed % 2 == 0, dir);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void randomSequentialBenchNetlistsImportToEquivalentCircuits(@TempDir Path dir) {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            String bench = randomSequentialBench(new Random(seed));
            try {
                assertEquivalent("r.bench", bench, seed % 2 == 0, dir);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Inputs, flip-flops whose outputs the gates read, and flip-flop inputs from any signal: loops through state included. */
    static String randomSequentialBench(Random rnd) {
        int ins = 1 + rnd.nextInt(3);
        int flops = 1 + rnd.nextInt(4);
        StringBuilder sb = new StringBuilder();
        List<String> signals = new ArrayList<>();
        for (int i = 0; i < ins; i++) {
            sb.append("INPUT(i").append(i).append(")\n");
            signals.add("i" + i);
        }
        for (int f = 0; f < flops; f++) signals.add("f" + f);
        int n = 1 + rnd.nextInt(8);
        List<String> body = randomGates(rnd, signals, n, 3);
        for (int f = 0; f < flops; f++) body.add("f" + f + " = DFF(" + signals.get(rnd.nextInt(signals.size())) + ")\n");
        sb.append("OUTPUT(g").append(n - 1).append(")\n");
        sb.append("OUTPUT(f").append(rnd.nextInt(flops)).append(")\n");
        java.util.Collections.shuffle(body, rnd);
        body.forEach(sb::append);
        return sb.toString();
    }

    /** {@code n} gate lines g0, g1 ... each reading up to {@code maxArgs} of {@code signals}, to which each is added. */
    private static List<String> randomGates(Random rnd, List<String> signals, int n, int maxArgs) {
        Logic.Gate[] gates = Logic.Gate.values();
        List<String> body = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            Logic.Gate kind = gates[rnd.nextInt(gates.length)];
            int k = kind.unary() ? 1 : 1 + rnd.nextInt(maxArgs);
            List<String> args = new ArrayList<>();
            for (int j = 0; j < k; j++) args.add(signals.get(rnd.nextInt(signals.size())));
            body.add("g" + g + " = " + kind + "(" + String.join(", ", args) + ")\n");
            signals.add("g" + g);
        }
        return body;
    }

    static String randomBench(Random rnd) {
        int ins = 1 + rnd.nextInt(5);
        StringBuilder sb = new StringBuilder();
        List<String> signals = new ArrayList<>();
        for (int i = 0; i < ins; i++) {
            sb.append("INPUT(i").append(i).append(")\n");
            signals.add("i" + i);
        }
        int n = 1 + rnd.nextInt(8);
        List<String> body = randomGates(rnd, signals, n, 4);
        sb.append("OUTPUT(g").append(n - 1).append(")\n");
        if (n > 1) sb.append("OUTPUT(g").append(rnd.nextInt(n - 1)).append(")\n");
        java.util.Collections.shuffle(body, rnd); // the order of gate lines carries no meaning
        body.forEach(sb::append);
        return sb.toString();
    }

    static String randomBlif(Random rnd) {
        int ins = 1 + rnd.nextInt(4);
        StringBuilder sb = new StringBuilder(".model r\n.inputs");
        List<String> signals = new ArrayList<>();
        for (int i = 0; i < ins; i++) {
            sb.append(" i").append(i);
            signals.add("i" + i);
        }
        int n = 1 + rnd.nextInt(4);
        sb.append("\n.outputs f").append(n - 1).append('\n');
        for (int f = 0; f < n; f++) {
            int k = rnd.nextInt(Math.min(4, signals.size()) + 1);
            List<String> args = new ArrayList<>(signals);
            java.util.Collections.shuffle(args, rnd);
            args = args.subList(0, k);
            sb.append(".names ").append(String.join(" ", args)).append(args.isEmpty() ? "" : " ").append("f").append(f).append('\n');
            String value = rnd.nextInt(4) == 0 ? "0" : "1";
            int cubes = rnd.nextInt(4);
            for (int c = 0; c < cubes; c++) {
                StringBuilder cube = new StringBuilder();
                for (int j = 0; j < k; j++) cube.append("01-".charAt(rnd.nextInt(3)));
                sb.append(cube).append(k == 0 ? "" : " ").append(value).append('\n');
            }
            signals.add("f" + f);
        }
        return sb.append(".end\n").toString();
    }

    /** Imports {@code text} and compares the .net circuit with the gates on every input. */
    static void assertEquivalent(String name, String text, boolean nand, Path dir) throws IOException {
        Diagnostics diags = new Diagnostics();
        String stem = name.replaceFirst("\\.[^.]*$", "");
        Logic logic = name.endsWith(".blif") ? BlifReader.read(name, stem, text, diags) : BenchReader.read(name, stem, text, diags);
        LogicCheck.check(logic, diags);
        assertFalse(diags.hasErrors(), diags.all() + "\n" + text);
        Path net = dir.resolve(stem + (nand ? "_nand" : "") + ".net");
        Files.writeString(net, NetWriter.write(logic, nand, !logic.isSequential(), name));
        Netlist n = Circuit.load(net, null, new Sources()).topCircuit().netlist();
        assertTrue(n.isBoolean());
        if (logic.isSequential()) {
            assertSameRun(logic, n, nand, text, net);
            return;
        }
        Evaluator ev = new Evaluator(n, new double[0]);
        LogicEval ref = new LogicEval(logic);
        int k = logic.inputs().size();
        for (int row = 0; row < 1 << k; row++) {
            boolean[] in = new boolean[k];
            double[] bits = new double[k];
            for (int i = 0; i < k; i++) {
                in[i] = ((row >>> i) & 1) == 1;
                bits[i] = in[i] ? 1 : 0;
            }
            boolean[] want = ref.run(in);
            double[] got = ev.outputs(bits);
            double[] expected = new double[want.length];
            for (int i = 0; i < want.length; i++) expected[i] = want[i] ? 1 : 0;
            assertArrayEquals(expected, got, () -> "row " + java.util.Arrays.toString(in) + (nand ? " (--nand)" : "") + "\n" + text
                    + "\n" + readQuietly(net));
        }
    }

    /**
     * 500 cycles of seeded random inputs, from the initial state: the .net circuit on the scalar
     * simulator gives, cycle by cycle, the outputs the gates and flip-flops give. Both sides take
     * input and output bits in source port order: the test imports with buses kept as single bits.
     */
    private static void assertSameRun(Logic logic, Netlist n, boolean nand, String text, Path net) {
        assertEquals(logic.inputs().size(), n.inputBits(), "single-bit ports: one input bit per source input");
        assertTrue(n.state().size() <= logic.latches().size(), "at most one dff per flip-flop (those no output needs are left out)");
        Simulator sim = new Simulator(n, new double[0]);
        LogicEval ref = new LogicEval(logic);
        Random rnd = new Random(logic.nodes().size() * 31L + logic.latches().size());
        int k = logic.inputs().size();
        for (int t = 0; t < 500; t++) {
            boolean[] in = new boolean[k];
            double[] bits = new double[k];
            for (int i = 0; i < k; i++) {
                in[i] = rnd.nextBoolean();
                bits[i] = in[i] ? 1 : 0;
            }
            boolean[] want = ref.run(in);
            ref.clock();
            double[] got = sim.step(bits);
            double[] expected = new double[want.length];
            for (int i = 0; i < want.length; i++) expected[i] = want[i] ? 1 : 0;
            int cycle = t;
            assertArrayEquals(expected, got, () -> "cycle " + cycle + (nand ? " (--nand)" : "") + "\n" + text + "\n" + readQuietly(net));
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
