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
    void blifLatchesAndSubcircuitsAreReportedWithTheirPlace(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("seq.blif");
        Files.writeString(f, ".model seq\n.inputs a\n.outputs q\n  .latch d q 0\n.subckt inv x=a y=d\n.end\n");
        InteropCli r = InteropCli.run("import", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains(f + ":4:3: error: .latch is a latch: only combinational BLIF can be imported"), r.err());
        assertTrue(r.err().contains("\n      .latch d q 0\n      ^\n"), "the line and a caret: " + r.err());
        assertTrue(r.err().contains(f + ":5:1: error: .subckt is not supported"), "all errors, not just the first: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void benchErrorsNameLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.bench");
        Files.writeString(f, "INPUT(a)\nOUTPUT(y)\nq = DFF(a)\ny = MUX(a, q)\nz = AND(a, nowhere)\nthis is not bench\n");
        InteropCli r = InteropCli.run("import", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains(f + ":3:5: error: DFF is a flip-flop"), r.err());
        assertTrue(r.err().contains(f + ":4:5: error: unknown gate 'MUX'"), r.err());
        assertTrue(r.err().contains(f + ":6:1: error: expected INPUT(name)"), r.err());
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

    static String randomBench(Random rnd) {
        int ins = 1 + rnd.nextInt(5);
        StringBuilder sb = new StringBuilder();
        List<String> signals = new ArrayList<>();
        for (int i = 0; i < ins; i++) {
            sb.append("INPUT(i").append(i).append(")\n");
            signals.add("i" + i);
        }
        Logic.Gate[] gates = Logic.Gate.values();
        int n = 1 + rnd.nextInt(8);
        List<String> body = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            Logic.Gate kind = gates[rnd.nextInt(gates.length)];
            int k = kind.unary() ? 1 : 1 + rnd.nextInt(4);
            List<String> args = new ArrayList<>();
            for (int j = 0; j < k; j++) args.add(signals.get(rnd.nextInt(signals.size())));
            body.add("g" + g + " = " + kind + "(" + String.join(", ", args) + ")\n");
            signals.add("g" + g);
        }
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
        Files.writeString(net, NetWriter.write(logic, nand, name));
        Netlist n = Circuit.load(net, null, new Sources()).topCircuit().netlist();
        assertTrue(n.isBoolean());
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

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
