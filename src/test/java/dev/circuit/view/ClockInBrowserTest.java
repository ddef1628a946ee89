package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.ast.TestDecl;
import dev.circuit.elab.BoundTest;
import dev.circuit.elab.Design;
import dev.circuit.eval.Simulator;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * The page of a circuit with state, in a real browser, held to {@link Simulator} cycle by cycle: for
 * every circuit with state that a table in circuits/ names (found by walking, so new examples join by
 * themselves), every row of every sequence table is clicked (the page runs the cycles up to it from
 * reset) and every cycle's outputs, state bits, cycle number and waveform must be the simulator's; the
 * rows' marks must be the simulator's verdicts. Then random inputs through the page's own controls
 * (each toggle settles the running cycle again, as {@link Simulator#settle} does) and Step clock
 * (the clock edge, then the next cycle settles). Skipped where Chromium is not installed.
 */
class ClockInBrowserTest extends InBrowser {
    private static final int RANDOM_CYCLES = 40;
    /** The page checks a sequence over every value its X cells spell up to this many bits. */
    private static final int X_BITS = 12;

    /** Each circuit with state some table of a file in circuits/ names, once, with that file. */
    static Stream<Arguments> sequentialCircuits() {
        List<Arguments> out = tabledCircuits(Netlist::isSequential).toList();
        assertTrue(out.size() >= 2, "circuits/seq holds sr_latch and counter4 at least: " + out.size());
        return out.stream();
    }

    @ParameterizedTest(name = "{0} --top {1}")
    @MethodSource("sequentialCircuits")
    void everyRowOfEverySequenceTableShowsWhatTheSimulatorComputes(Path file, String top, int decl, @TempDir Path dir) throws Exception {
        Design design = design(file, decl);
        Netlist net = design.topCircuit().netlist();
        List<BoundTest> tables = design.testsOf(design.top());
        open(view(file, top, dir));
        int clicked = 0;
        for (int k = 0; k < tables.size(); k++) {
            if (tables.size() > 1) browser.findElement(By.cssSelector("#table-select option[value='" + k + "']")).click();
            BoundTest table = tables.get(k);
            assertTrue(table.decl().sequence(), "a circuit with state takes sequence tables only");
            String where = net.name() + " table " + k;
            List<String> marks = marks(net, table);
            assertEquals(marks, rowClasses(k).stream().map(ClockInBrowserTest::mark).toList(), where + ": the rows' marks");
            int rows = table.decl().rows().size();
            for (int r = 0; r < rows; r++) {
                browser.findElements(By.cssSelector("#table-" + k + " tr.row")).get(r).click();
                Run expected = Run.of(net, table, r);
                Map<String, Object> page = snapshot(net, k);
                String at = where + " row " + r;
                expected.assertShown(page, at);
                @SuppressWarnings("unchecked")
                List<String> classes = (List<String>) page.get("rows");
                for (int i = 0; i < rows; i++) {
                    boolean ran = i < expected.cycles.size();
                    assertEquals(ran, classes.get(i).contains("ran"), at + ": row " + i + " run");
                    if (ran && table.decl().tolerance() == null) {
                        assertEquals(expected.differs.get(i), classes.get(i).contains("differs"), at + ": row " + i + " differs");
                    }
                    assertEquals(i == expected.cycles.size() - 1, classes.get(i).contains("current"), at + ": row " + i + " current");
                }
                clicked++;
            }
        }
        assertEquals(tables.stream().mapToInt(t -> t.decl().rows().size()).sum(), clicked);
    }

    @ParameterizedTest(name = "{0} --top {1}")
    @MethodSource("sequentialCircuits")
    void randomInputsThroughTheControlsAndStepClockMatchTheSimulator(Path file, String top, int decl, @TempDir Path dir) throws Exception {
        Netlist net = design(file, decl).topCircuit().netlist();
        open(view(file, top, dir));
        Run mirror = new Run(net);
        mirror.settle();
        Random rnd = new Random(20240613L + net.name().hashCode());
        String where = net.name();
        mirror.assertShown(snapshot(net, -1), where + " at open");
        for (int c = 0; c < RANDOM_CYCLES; c++) {
            for (int i = 0; i < net.inputs().size(); i++) {
                if (!rnd.nextBoolean()) continue;
                Terminal t = net.inputs().get(i);
                BigInteger v = new BigInteger(t.width(), rnd);
                if (t.width() == 1 && v.equals(mirror.input(i))) continue; // a toggle only flips
                setInput(net, i, v);
                mirror.setInput(i, v);
                mirror.settle();
                mirror.assertShown(snapshot(net, -1), where + " cycle " + c + " after setting " + t.name() + "=" + v);
            }
            if (c == RANDOM_CYCLES / 2) {
                browser.findElement(By.id("reset")).click();
                mirror.reset();
                mirror.settle();
            } else if (mirror.oscillation == null) {
                browser.findElement(By.id("step")).click();
                mirror.clock();
                mirror.settle();
            }
            mirror.assertShown(snapshot(net, -1), where + " after cycle " + c);
        }
    }

    /** A ring that oscillates when enabled: the page names it as the simulator does, disables Step, and recovers. */
    @Test
    void anOscillatingLoopIsNamedNeverAHang(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("circuits/nand.net"), dir.resolve("nand.net"));
        Path f = dir.resolve("ring.net");
        Files.writeString(f, "import \"nand.net\"\n"
                + "circuit ring(en) -> (y) {\n    feedback y = 0\n    y = nand(en, y)\n}\n"
                + "test ring sequence {\n    en | y\n    0  | 1\n}\n");
        Netlist net = design(f, 0).topCircuit().netlist();
        open(view(f, null, dir));
        Run mirror = new Run(net);
        mirror.settle();
        mirror.assertShown(snapshot(net, -1), "ring at open");
        assertTrue(browser.findElement(By.id("osc")).getAttribute("hidden") != null);
        browser.findElement(By.id("in-en")).click();
        mirror.setInput(0, BigInteger.ONE);
        mirror.settle();
        assertTrue(mirror.oscillation != null, "the ring oscillates in the simulator");
        mirror.assertShown(snapshot(net, -1), "ring enabled");
        assertTrue(browser.findElement(By.id("osc")).getText().contains("the loop through y does not settle"));
        assertFalse(browser.findElement(By.id("step")).isEnabled(), "no clock edge after a cycle that did not settle");
        browser.findElement(By.id("in-en")).click();
        mirror.setInput(0, BigInteger.ZERO);
        mirror.settle();
        mirror.assertShown(snapshot(net, -1), "ring disabled again");
        assertTrue(browser.findElement(By.id("step")).isEnabled());
    }

    /**
     * What the simulator does, mirrored: the inputs set, the cycle, and per settled cycle the values
     * the page shows (its waveform keeps a settled-again cycle's last values).
     */
    private static final class Run {
        final Netlist net;
        final Simulator sim;
        final double[] inputs;
        final int[] inAt;
        final int[] outAt;
        final List<List<String>> cycles = new ArrayList<>();
        final List<Boolean> differs = new ArrayList<>();
        final List<Long> cycleNumbers = new ArrayList<>();
        String oscillation;

        Run(Netlist net) {
            this.net = net;
            this.sim = new Simulator(net, net.initialParams(0));
            this.inputs = new double[net.inputBits()];
            this.inAt = Terminal.offsets(net.inputs());
            this.outAt = Terminal.offsets(net.outputs());
        }

        /** Rows 0..last of a sequence table, X cells as 0, as the page runs them when row {@code last} is clicked. */
        static Run of(Netlist net, BoundTest table, int last) {
            Run run = new Run(net);
            for (int r = 0; r <= last; r++) {
                TestDecl.Row row = table.decl().rows().get(r);
                for (int c = 0; c < table.inCol().length; c++) {
                    TestDecl.Cell cell = row.inputs().get(c);
                    run.setInput(table.inCol()[c], cell.isAny() ? BigInteger.ZERO : cell.value().toBigIntegerExact());
                }
                run.settle();
                run.differs.add(run.oscillation != null || !holds(table, row, run.sim.outputBits(), run.outAt));
                if (run.oscillation != null) break;
                if (r < last) run.clock();
            }
            return run;
        }

        BigInteger input(int i) {
            Terminal t = net.inputs().get(i);
            BigInteger v = BigInteger.ZERO;
            for (int b = 0; b < t.width(); b++) if (inputs[inAt[i] + b] == 1) v = v.setBit(b);
            return v;
        }

        void setInput(int i, BigInteger v) {
            Terminal t = net.inputs().get(i);
            for (int b = 0; b < t.width(); b++) inputs[inAt[i] + b] = v.testBit(b) ? 1 : 0;
        }

        void reset() {
            sim.reset();
            cycles.clear();
            cycleNumbers.clear();
            differs.clear();
        }

        void clock() {
            sim.clock();
        }

        /** Simulator.settle; the cycle's values replace its column when it settled before. */
        void settle() {
            oscillation = null;
            try {
                sim.settle(inputs, null);
            } catch (Simulator.Oscillation o) {
                oscillation = o.getMessage();
            }
            List<String> xs = new ArrayList<>();
            for (int i = 0; i < net.inputs().size(); i++) xs.add(input(i).toString());
            double[] out = sim.outputBits();
            for (int o = 0; o < net.outputs().size(); o++) xs.add(Values.terminal(net.outputs().get(o), out, outAt[o], false));
            for (double s : state()) xs.add(Values.format(s));
            if (!cycleNumbers.isEmpty() && cycleNumbers.get(cycleNumbers.size() - 1) == sim.cycle()) {
                cycles.set(cycles.size() - 1, xs);
            } else {
                cycles.add(xs);
                cycleNumbers.add(sim.cycle());
            }
        }

        double[] state() {
            double[] s = new double[net.state().size()];
            sim.saveState(s);
            return s;
        }

        /** The page shows this run's last settled cycle: inputs, outputs, state, cycle, oscillation, waveform. */
        @SuppressWarnings("unchecked")
        void assertShown(Map<String, Object> page, String where) {
            List<String> last = cycles.get(cycles.size() - 1);
            int k = 0;
            for (Terminal t : net.inputs()) assertEquals(last.get(k++), ((String) page.get("in-" + t.name())).strip(), where + ": input " + t.name());
            for (Terminal t : net.outputs()) assertEquals(last.get(k++), page.get("out-" + t.name()), where + ": output " + t.name());
            for (int i = 0; i < net.state().size(); i++) assertEquals(last.get(k++), page.get("state-" + i), where + ": state " + net.state().get(i).path());
            assertEquals(Long.toString(sim.cycle()), page.get("cycle"), where + ": cycle");
            String osc = (String) page.get("osc");
            if (oscillation == null) assertEquals("", osc, where + ": no oscillation");
            else assertTrue(osc.contains(oscillation), where + ": " + osc + " names " + oscillation);
            Map<String, Object> wave = (Map<String, Object>) page.get("wave");
            List<Map<String, Object>> shown = (List<Map<String, Object>>) wave.get("cycles");
            int from = Math.max(0, cycles.size() - 32);
            assertEquals(cycles.size() - from, shown.size(), where + ": cycles in the waveform");
            for (int c = from; c < cycles.size(); c++) {
                Map<String, Object> col = shown.get(c - from);
                assertEquals(cycleNumbers.get(c), ((Number) col.get("cycle")).longValue(), where + ": waveform column " + (c - from));
                assertEquals(cycles.get(c), col.get("xs"), where + ": waveform of cycle " + cycleNumbers.get(c));
            }
        }
    }

    /**
     * The simulator's mark for each row: every run its X cells spell (up to {@link #X_BITS} bits;
     * rows past them unchecked) from reset, a row failing when its outputs differ in some run; a run
     * that oscillates fails that row and leaves the later ones unchecked (unless another run fails them).
     */
    private static List<String> marks(Netlist net, BoundTest table) {
        List<TestDecl.Row> rows = table.decl().rows();
        String[] mark = new String[rows.size()];
        java.util.Arrays.fill(mark, "pass");
        List<int[]> free = new ArrayList<>(); // {row, input terminal, width}
        int bits = 0;
        int upTo = rows.size();
        outer:
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < table.inCol().length; c++) {
                if (!rows.get(r).inputs().get(c).isAny()) continue;
                int w = net.inputs().get(table.inCol()[c]).width();
                if (bits + w > X_BITS) {
                    upTo = r;
                    break outer;
                }
                free.add(new int[] {r, table.inCol()[c], w});
                bits += w;
            }
        }
        for (int r = upTo; r < rows.size(); r++) mark[r] = "unchecked";
        final int kept = upTo;
        List<int[]> used = free.stream().filter(f -> f[0] < kept).toList();
        int usedBits = used.stream().mapToInt(f -> f[2]).sum();
        for (long run = 0; run < (1L << usedBits); run++) {
            Run sim = new Run(net);
            for (int r = 0; r < upTo; r++) {
                TestDecl.Row row = rows.get(r);
                for (int c = 0; c < table.inCol().length; c++) {
                    TestDecl.Cell cell = row.inputs().get(c);
                    if (!cell.isAny()) sim.setInput(table.inCol()[c], cell.value().toBigIntegerExact());
                }
                int shift = 0;
                for (int[] f : used) {
                    if (f[0] == r) sim.setInput(f[1], BigInteger.valueOf((run >>> shift) & ((1L << f[2]) - 1)));
                    shift += f[2];
                }
                sim.settle();
                if (sim.oscillation != null) {
                    mark[r] = "fail";
                    for (int later = r + 1; later < upTo; later++) if (!mark[later].equals("fail")) mark[later] = "unchecked";
                    break;
                }
                if (!holds(table, row, sim.sim.outputBits(), sim.outAt)) mark[r] = "fail";
                sim.clock();
            }
        }
        return List.of(mark);
    }

    private static String mark(String classes) {
        for (String m : List.of("pass", "fail", "unchecked")) if (List.of(classes.split(" ")).contains(m)) return m;
        return "none";
    }

    @SuppressWarnings("unchecked")
    private static List<String> rowClasses(int table) {
        return (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('#table-' + arguments[0] + ' tr.row')).map(r => r.className);", table);
    }

    /** A bit's toggle is clicked; a bus's number field gets its value and one input event, as typing it whole would end. */
    private static void setInput(Netlist net, int i, BigInteger v) {
        Terminal t = net.inputs().get(i);
        browser.executeScript("const e = document.getElementById(arguments[0]);"
                + "if (e.tagName === 'BUTTON') e.click();"
                + "else { e.value = arguments[1]; e.dispatchEvent(new Event('input')); }", "in-" + t.name(), v.toString());
    }

    /** What the page shows, in one round trip: inputs, outputs, state bits, cycle, oscillation, a table's rows, the waveform's data. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> snapshot(Netlist net, int table) {
        List<String> ids = new ArrayList<>();
        for (Terminal t : net.inputs()) ids.add("in-" + t.name());
        for (Terminal t : net.outputs()) ids.add("out-" + t.name());
        for (int i = 0; i < net.state().size(); i++) ids.add("state-" + i);
        ids.add("cycle");
        return (Map<String, Object>) browser.executeScript(
                "const m = {};"
                + "for (const id of arguments[0]) { const e = document.getElementById(id); m[id] = e.tagName === 'INPUT' ? e.value : e.textContent; }"
                + "const o = document.getElementById('osc'); m.osc = o.hidden ? '' : o.textContent;"
                + "m.rows = Array.from(document.querySelectorAll('#table-' + arguments[1] + ' tr.row')).map(r => r.className);"
                + "m.wave = window.circuitView.wave();"
                + "return m;", ids, table);
    }
}
