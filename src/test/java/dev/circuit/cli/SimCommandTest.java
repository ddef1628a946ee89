package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.eval.Simulator;
import dev.circuit.model.Netlist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * circuit sim: the printed rows are the scalar simulator's, the CSV is exactly its header and rows,
 * the VCD read back gives every printed value at its cycle, and bad stimulus files are errors at
 * their line and column.
 */
class SimCommandTest {
    @TempDir
    Path dir;

    private static final Path COUNTER = Path.of("circuits/seq/counter4.net");
    private static final Path LATCH = Path.of("circuits/seq/sr_latch.net");

    @Test
    void csvRowsAreTheSimulatorsAndTheWaveformReadsBackTheSame() throws IOException {
        Random r = new Random(7);
        for (Path file : List.of(COUNTER, LATCH)) {
            Netlist net = Circuit.load(file, null, new Sources()).topCircuit().netlist();
            StringBuilder csv = new StringBuilder(String.join(",", net.inputs().stream().map(t -> t.name()).toList())).append('\n');
            int cycles = 40;
            double[][] stim = new double[cycles][net.inputBits()];
            for (int t = 0; t < cycles; t++) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < net.inputBits(); i++) {
                    stim[t][i] = r.nextInt(4) == 0 ? 0 : 1; // latch inputs are active low: mostly hold
                    cells.add(Integer.toString((int) stim[t][i]));
                }
                csv.append(String.join(",", cells)).append('\n');
            }
            Path in = dir.resolve("in.csv");
            Files.writeString(in, csv);
            Path vcd = dir.resolve("out.vcd");
            CliRun run = CliRun.of("sim", file.toString(), "--inputs", in.toString(), "--format", "csv", "--vcd", vcd.toString(), "--all");
            assertEquals(0, run.code(), run.all());
            List<String> lines = run.out().lines().toList();
            List<String> header = new ArrayList<>(List.of("cycle"));
            net.inputs().forEach(t -> header.add(t.name()));
            net.outputs().forEach(t -> header.add(t.name()));
            assertEquals(String.join(",", header), lines.get(0));
            assertEquals(cycles + 1, lines.size());
            Simulator sim = new Simulator(net, net.initialParams(0));
            Map<String, List<String>> wave = readVcd(Files.readString(vcd), cycles);
            for (int t = 0; t < cycles; t++) {
                double[] out = sim.step(stim[t]);
                String[] cells = lines.get(t + 1).split(",");
                assertEquals(Integer.toString(t), cells[0]);
                int k = 0;
                int c = 1 + net.inputs().size();
                for (var term : net.outputs()) {
                    long v = 0;
                    for (int b = term.width() - 1; b >= 0; b--) v = v * 2 + (long) out[k + b];
                    k += term.width();
                    assertEquals(Long.toString(v), cells[c++], file + " cycle " + t + " " + term.name());
                }
                for (int i = 0; i < header.size() - 1; i++) {
                    String name = header.get(i + 1);
                    assertEquals(cells[i + 1], wave.get(name).get(t), file + ": the waveform's " + name + " in cycle " + t);
                }
            }
            assertTrue(wave.keySet().stream().anyMatch(n -> n.contains(".")), "--all adds signals inside instances: " + wave.keySet());
        }
    }

    /**
     * Each top-level variable's value (decimal) at the start of every cycle, read from the VCD as a
     * viewer would: changes at time 10t belong to cycle t. Inner scopes' variables come back as
     * "scope.name".
     */
    static Map<String, List<String>> readVcd(String text, int cycles) {
        Map<String, String> nameOf = new HashMap<>();
        List<String> scope = new ArrayList<>();
        Map<String, String> now = new HashMap<>();
        Map<String, List<String>> out = new HashMap<>();
        long time = -1;
        for (String line : text.lines().toList()) {
            String[] w = line.trim().split("\\s+");
            if (w[0].equals("$scope")) scope.add(w[2]);
            else if (w[0].equals("$upscope")) scope.remove(scope.size() - 1);
            else if (w[0].equals("$var")) {
                String path = String.join(".", scope.subList(1, scope.size()));
                nameOf.put(w[3], path.isEmpty() ? w[4] : path + "." + w[4]);
            } else if (w[0].startsWith("#")) {
                long next = Long.parseLong(w[0].substring(1));
                snapshot(time, next, now, out, cycles);
                time = next;
            } else if (w[0].startsWith("b")) {
                now.put(nameOf.get(w[1]), Long.toString(Long.parseLong(w[0].substring(1), 2)));
            } else if (!w[0].startsWith("$") && !w[0].isEmpty() && (w[0].charAt(0) == '0' || w[0].charAt(0) == '1')) {
                now.put(nameOf.get(w[0].substring(1)), w[0].substring(0, 1));
            }
        }
        return out;
    }

    /** Records the values standing at time {@code time} for each cycle that starts there. */
    private static void snapshot(long time, long next, Map<String, String> now, Map<String, List<String>> out, int cycles) {
        if (time < 0 || time % 10 != 0 || time / 10 >= cycles) return;
        for (Map.Entry<String, String> e : now.entrySet()) out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }

    @Test
    void badStimulusIsAnErrorAtItsPlace() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "en\n1\nx\n2\n");
        CliRun run = CliRun.of("sim", COUNTER.toString(), "--inputs", in.toString());
        assertEquals(3, run.code());
        assertTrue(run.err().contains(in + ":3:1: error: 'x' is not a number (column en)"), run.err());
        assertTrue(run.err().contains(in + ":4:1: error:"), "every bad cell is reported: " + run.err());
        Files.writeString(in, "q\n1\n");
        CliRun output = CliRun.of("sim", COUNTER.toString(), "--inputs", in.toString());
        assertEquals(3, output.code());
        assertTrue(output.err().contains(":1:1: error: 'q' is an output of counter4; this file gives inputs only (en)"), output.err());
        assertTrue(output.err().contains("the header has no column for input en"), output.err());
    }

    @Test
    void usageErrors() {
        CliRun none = CliRun.of("sim", COUNTER.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("give them with --inputs IN.csv"), none.err());
        CliRun random = CliRun.of("sim", COUNTER.toString(), "--random", "3");
        assertEquals(2, random.code());
        assertTrue(random.err().contains("--random needs --cycles K"), random.err());
        // Said before any run: a million runs are not simulated only to refuse their format.
        CliRun json = CliRun.of("sim", COUNTER.toString(), "--random", "3", "--cycles", "2", "--format", "json");
        assertEquals(2, json.code());
        assertEquals("", json.out());
        assertTrue(json.err().contains("--random prints table or csv"), json.err());
    }

    @Test
    void anOscillatingLoopIsTheCircuitsFailureNamedAtItsWire() throws IOException {
        Path f = dir.resolve("osc.net");
        Files.writeString(f, """
                neuron nand(a, b) = step(-2*a - 2*b + 3)

                circuit sr(s_n, r_n) -> (q, q_n) {
                    feedback q = 1, q_n = 1
                    q   = nand(s_n, q_n)
                    q_n = nand(r_n, q)
                }
                """);
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "s_n,r_n\n0,0\n1,1\n");
        CliRun run = CliRun.of("sim", f.toString(), "--inputs", in.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains(f + ":4:14: error: in cycle 1, the loop through q, q_n does not settle"), run.err());
    }
}
