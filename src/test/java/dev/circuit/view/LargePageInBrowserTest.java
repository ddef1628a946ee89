package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Design;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page of a 10^4-neuron circuit in headless Chromium: how long it takes to open (from navigation
 * start to its first frame, timed by the page itself, median of several opens) and to re-evaluate and
 * repaint after one input toggle; the half adder's page opened the same way in the same run is the
 * floor. Printed for docs/BENCHMARKS.md, never asserted as a timing (the machine is shared); what is
 * asserted is that the page, that large, still shows the evaluator's outputs after each toggle.
 *
 * <p>Before/after in one run: {@code -Dview.save=FILE} writes this build's page of the grid to FILE;
 * {@code -Dview.baseline=FILE} (a page an earlier build saved so) opens it and this build's page in
 * turn, {@code -Dview.rounds} rounds (default 3; 1 without a baseline), so the machine's load falls on both alike.
 */
class LargePageInBrowserTest extends InBrowser {
    static final int SIDE = 100;
    private static final int TOGGLES = 9;
    /** Each page is opened this many times per round, after one open not counted; its median is reported. */
    private static final int OPENS = 11;

    /**
     * A grid of SIDE x SIDE NAND perceptrons: layer 0 reads the inputs, each later neuron two
     * neighbours of the layer before (wrapping round), so a toggle changes many neurons downstream.
     */
    static String grid() {
        StringBuilder sb = new StringBuilder("neuron nand(a, b) = step(-2*a - 2*b + 3)\n\ncircuit grid(");
        for (int i = 0; i < SIDE; i++) sb.append(i > 0 ? ", " : "").append('x').append(i);
        sb.append(") -> (");
        for (int i = 0; i < SIDE; i++) sb.append(i > 0 ? ", " : "").append('y').append(i);
        sb.append(") {\n");
        for (int l = 0; l < SIDE; l++) {
            for (int i = 0; i < SIDE; i++) {
                String a = l == 0 ? "x" + i : "g" + (l - 1) + "_" + i;
                String b = l == 0 ? "x" + (i + 1) % SIDE : "g" + (l - 1) + "_" + (i + 1) % SIDE;
                sb.append("    g").append(l).append('_').append(i).append(" = nand(").append(a).append(", ").append(b).append(")\n");
            }
        }
        for (int i = 0; i < SIDE; i++) sb.append("    y").append(i).append(" = g").append(SIDE - 1).append('_').append(i).append('\n');
        return sb.append("}\n").toString();
    }

    @Test
    void aTenThousandNeuronPageOpensAndReevaluates(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("grid.net"), grid());
        Design design = Circuit.load(file, "grid", new Sources());
        Netlist net = design.topCircuit().netlist();
        assertEquals(SIDE * SIDE, net.neurons().size());
        // The layered layout: Graphviz's takes far longer than the page on 10^4 nodes (VIEW.md).
        long t0 = System.nanoTime();
        String html = Page.html(design, Layered.of(net));
        double writeMs = (System.nanoTime() - t0) / 1e6;
        Path page = Files.writeString(dir.resolve("grid.html"), html);
        if (System.getProperty("view.save") != null) Files.writeString(Path.of(System.getProperty("view.save")), html);
        System.out.println("view of a " + net.neurons().size() + "-neuron circuit (" + SIDE + "x" + SIDE
                + " NAND grid, layered layout): page " + html.length() / 1024 + " KiB, written in " + Math.round(writeMs) + " ms");

        // The floor: the half adder's page, opened the same way in the same run.
        Path floor = dir.resolve("half_adder.html");
        Design adder = Circuit.load(Path.of("circuits/adder.net"), "adder", new Sources());
        Files.writeString(floor, Page.html(adder, Layered.of(adder.topCircuit().netlist())));

        String baseline = System.getProperty("view.baseline");
        int rounds = Integer.getInteger("view.rounds", baseline == null ? 1 : 3);
        Map<String, Object> opened = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FIRST_FRAME));
        try {
            for (int r = 0; r < rounds; r++) {
                if (baseline != null) System.out.println(measure(Path.of(baseline), net, "baseline " + Path.of(baseline).getFileName()));
                System.out.println(measure(page, net, "this build"));
                System.out.println("  the half adder's page (the floor): " + opens(floor));
            }
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", opened.get("identifier")));
        }
    }

    /**
     * Run in every page before its own scripts: the time from navigation start to the first frame after
     * the page's scripts ran (they run before DOMContentLoaded; page.js evaluates every neuron and
     * paints the drawing in its script), measured by the page itself, so that no WebDriver round trip is
     * counted. It works on any build of the page, so an old page can be timed next to a new one.
     */
    private static final String FIRST_FRAME = "document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() =>"
            + " setTimeout(() => { window.__firstFrame = performance.now(); }, 0)));";

    /**
     * Opens a page once, not counted (the first open of a page in a fresh renderer is the slowest), then
     * OPENS times: the median and range.
     */
    private static String opens(Path page) {
        double[] ms = new double[OPENS];
        for (int k = -1; k < OPENS; k++) {
            open(page);
            double t = ((Number) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "(function wait() { if (window.__firstFrame !== undefined) done(window.__firstFrame); else setTimeout(wait, 5); })();")).doubleValue();
            if (k >= 0) ms[k] = t;
        }
        return "open to first frame, median of " + OPENS + ": " + Math.round(median(ms)) + " ms (min " + Math.round(Arrays.stream(ms).min().orElse(0))
                + ", max " + Math.round(Arrays.stream(ms).max().orElse(0)) + ")";
    }

    /** Opens the page OPENS times, then toggles TOGGLES inputs, checking outputs against the evaluator after each; the figures as one line. */
    private static String measure(Path page, Netlist net, String which) throws Exception {
        String open = opens(page);

        Evaluator ev = new Evaluator(net, net.initialParams(0));
        double[] in = new double[net.inputBits()];
        double[] sync = new double[TOGGLES];
        double[] painted = new double[TOGGLES];
        for (int k = 0; k < TOGGLES; k++) {
            int bit = (k * 37) % SIDE;
            // The click's own work (re-evaluate every neuron, update the DOM), then until the frame after it.
            @SuppressWarnings("unchecked")
            List<Number> ms = (List<Number>) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const b = document.getElementById(arguments[0]);"
                    + "const t0 = performance.now(); b.click(); const t1 = performance.now();"
                    + "requestAnimationFrame(() => setTimeout(() => done([t1 - t0, performance.now() - t0]), 0));", "in-x" + bit);
            sync[k] = ms.get(0).doubleValue();
            painted[k] = ms.get(1).doubleValue();
            in[bit] = 1 - in[bit];
            double[] want = ev.outputs(in);
            List<String> ids = new ArrayList<>();
            for (int o = 0; o < SIDE; o += 11) ids.add("out-y" + o);
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) browser.executeScript(
                    "return arguments[0].map(id => document.getElementById(id).textContent);", ids);
            for (int j = 0; j < ids.size(); j++) {
                assertEquals(Values.format(want[11 * j]), shown.get(j), which + ", toggle " + k + ": " + ids.get(j));
            }
        }
        return "  " + which + ": " + open + "; one input toggle, median of " + TOGGLES + ": re-evaluate + DOM update " + Math.round(median(sync))
                + " ms, to the next frame " + Math.round(median(painted)) + " ms (min " + Math.round(Arrays.stream(painted).min().orElse(0))
                + ", max " + Math.round(Arrays.stream(painted).max().orElse(0)) + ")";
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
