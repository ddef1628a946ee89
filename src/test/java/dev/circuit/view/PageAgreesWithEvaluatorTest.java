package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.Circuit;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Design;
import dev.circuit.eval.Evaluator;
import dev.circuit.model.Netlist;
import dev.circuit.reference.RandomNetTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's evaluator against {@link Evaluator}, on every input row of random circuits with rational
 * coefficients whose thresholds are mostly ties (z = 0 exactly, where a strictness or rounding slip
 * flips an output), with subcircuits and constants: the page 'circuit view' writes is opened in
 * headless Chromium and its one evaluation function run on every row, in one round trip per circuit.
 */
class PageAgreesWithEvaluatorTest extends InBrowser {
    /** Every row at once: input terminals from the row number (bus bits least significant first, as the evaluator lays them out). */
    private static final String EVERY_ROW = "const C = window.circuitView.data, ev = window.circuitView.evaluate;"
            + "const v = new Array(C.nets.length).fill(0), out = [];"
            + "for (let k = 0; k < arguments[0]; k++) {"
            + "  let at = 0;"
            + "  const s = C.inputs.map(t => { const w = t.nets.length, x = Math.floor(k / 2 ** at) % 2 ** w; at += w; return t.bus ? BigInt(x) : x; });"
            + "  ev(s, v, false);"
            + "  out.push(C.outputs.flatMap(t => t.nets.map(n => v[n])));"
            + "}"
            + "return out;";

    @TempDir
    Path dir;

    @Test
    void thePageComputesEveryRowOfRandomCircuitsAsTheEvaluatorDoes() {
        int[] counts = new int[2]; // circuits opened, rows compared
        qt().withFixedSeed(20261127L).withExamples(60).withShrinkCycles(40).forAll(RandomNetTexts.texts()).checkAssert(text -> {
            Path file = write("top.net", text);
            Design design = Circuit.load(file, RandomNetTexts.TOP, new Sources());
            Netlist net = design.topCircuit().netlist();
            String html;
            try {
                html = Page.html(design, Layered.of(net));
            } catch (CircuitException tooWideForJavaScript) {
                return; // refused with a message (ViewCommandTest); counted below
            }
            open(write("page.html", html));
            int rows = 1 << net.inputBits();
            @SuppressWarnings("unchecked")
            List<List<Number>> got = (List<List<Number>>) browser.executeScript(EVERY_ROW, rows);
            Evaluator ev = new Evaluator(net, net.initialParams(0));
            double[] in = new double[net.inputBits()];
            for (int k = 0; k < rows; k++) {
                for (int b = 0; b < in.length; b++) in[b] = (k >> b) & 1;
                double[] want = ev.outputs(in);
                List<Number> page = got.get(k);
                assertEquals(want.length, page.size());
                for (int o = 0; o < want.length; o++) {
                    assertEquals(want[o], page.get(o).doubleValue(), 0.0, "row " + k + ", output bit " + o + " of\n" + text);
                }
            }
            counts[0]++;
            counts[1] += rows;
        });
        System.out.println("page vs evaluator: " + counts[0] + " random circuits, " + counts[1] + " rows, all equal");
        assertTrue(counts[0] >= 50, "most random circuits fit JavaScript's exact integers: " + counts[0] + " of 60");
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
