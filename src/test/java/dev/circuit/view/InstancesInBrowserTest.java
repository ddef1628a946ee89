package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.elab.BoundTest;
import dev.circuit.elab.Design;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Instances collapsed and expanded in the page, in Chromium, held to the scalar evaluator: for every
 * Boolean circuit without state that has subcircuit instances and a test table in circuits/, every
 * instance is collapsed ("Collapse all"), then the top-level ones expanded one by one by a click on
 * their boxes in the drawing, one collapsed again by a click on its name there and expanded from the
 * instance list; after each step, for each row of the first table, what the drawing shows must be the
 * evaluator's: every node's value, every collapsed box's outgoing nets' values, the outputs; no node
 * of a collapsed instance is drawn. Expanding everything must give back the very pixels of the start.
 */
class InstancesInBrowserTest extends InBrowser {
    static Stream<Arguments> tabledCircuitsWithInstances() {
        List<Arguments> out = tabledCircuits(n -> n.isBoolean() && !n.isSequential() && instances(n)).toList();
        assertTrue(out.size() >= 3, "circuits/ has adders built of full adders and more: " + out.size());
        return out.stream();
    }

    private static boolean instances(Netlist n) {
        return n.neurons().stream().anyMatch(x -> x.path().split("/").length > 2);
    }

    @ParameterizedTest(name = "{0} --top {1}")
    @MethodSource("tabledCircuitsWithInstances")
    void collapsingAndExpandingShowsTheEvaluatorsValuesAndRestoresTheDrawing(Path file, String top, int decl, @TempDir Path dir) {
        Design design = design(file, decl);
        collapseAndExpand(design, view(file, top, dir));
    }

    /** The page's own layout nests instances too (each a rectangle of its own), so they collapse in place. */
    @Test
    void inTheLayeredLayoutToo(@TempDir Path dir) {
        Path file = Path.of("circuits/arith/adder_n.net");
        Design design = design(file, 0);
        collapseAndExpand(design, view(file, design.top().toString(), dir, "--layout", "layered"));
    }

    private static void collapseAndExpand(Design design, Path page) {
        Netlist net = design.topCircuit().netlist();
        BoundTest table = design.testsOf(design.top()).get(0);
        int rows = table.decl().rows().size();
        open(page);
        String where = net.name();
        browser.findElement(By.id("zoom-fit")).click();
        clickRow(0);
        String start = (String) browser.executeScript("return window.circuitView.pixels();");
        Object drawnAtStart = drawn();
        agree(net, where + " at open", 0);

        browser.findElement(By.id("collapse-all")).click();
        // Collapsed, an instance's insides leave the list: what is left are the top-level instances.
        List<String> topLevel = instanceButtons().stream().map(b -> b.getAttribute("id").substring("inst-".length())).toList();
        assertFalse(topLevel.isEmpty(), where + ": the instance list names the top-level instances");
        assertNotEquals(start, browser.executeScript("return window.circuitView.pixels();"), where + ": collapsing changes the drawing");
        everyRowAgrees(net, rows, where + ", all collapsed", topLevel.size());
        // Every row after each expansion costs minutes on adder_n<64>: the row shown after each, every row after the last.
        for (int i = 0; i < topLevel.size(); i++) {
            String path = topLevel.get(i);
            pointAt(path, true);
            assertEquals("false", collapsed(path), where + ": " + path + " expanded by a click on its box");
            agree(net, where + ", " + path + " expanded", rows - 1);
        }
        everyRowAgrees(net, rows, where + ", top-level instances expanded", -1);
        // An instance's name is a strip 14 layout pixels high: zoomed in to 100 % to click it.
        String first = topLevel.get(0);
        for (int i = 0; i < 40 && zoomPercent() < 100; i++) browser.findElement(By.id("zoom-in")).click();
        pointAt(first, true);
        assertEquals("true", collapsed(first), where + ": " + first + " collapsed by a click on its name");
        browser.findElement(By.id("zoom-fit")).click();
        everyRowAgrees(net, rows, where + ", " + first + " collapsed again", -1);
        browser.findElement(By.id("inst-" + first)).click();
        assertEquals("false", collapsed(first), where + ": " + first + " expanded from the instance list");

        browser.findElement(By.id("expand-all")).click();
        browser.executeScript("document.getElementById('drawing').scrollTo(0, 0);");
        clickRow(0);
        assertEquals(drawnAtStart, drawn(), where + ": expanding everything draws what was drawn at the start");
        assertEquals(start, browser.executeScript("return window.circuitView.pixels();"), where + ": the same pixels as at the start");
    }

    private static void everyRowAgrees(Netlist net, int rows, String where, int collapsedBoxes) {
        for (int r = 0; r < rows; r++) {
            clickRow(r);
            int boxes = agree(net, where + ", row " + r, r);
            if (collapsedBoxes >= 0) assertEquals(collapsedBoxes, boxes, where + ": collapsed boxes drawn");
        }
    }

    /**
     * What the page shows now against the evaluator on the inputs it shows: outputs, every drawn
     * node's value, every collapsed box's outgoing values; no node inside a collapsed box drawn.
     * Returns how many collapsed boxes were drawn.
     */
    @SuppressWarnings("unchecked")
    private static int agree(Netlist net, String where, int row) {
        Map<String, String> shown = shown(net, browser.findElements(By.cssSelector("#table-0 tr.row")).get(row));
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        double[] nets = ev.newState();
        ev.run(shownInputs(net, shown, where), nets, null);
        int[] at = Terminal.offsets(net.outputs());
        double[] outBits = ev.outputBits(nets);
        for (int o = 0; o < net.outputs().size(); o++) {
            Terminal t = net.outputs().get(o);
            assertEquals(Values.terminal(t, outBits, at[o], false), shown.get("out-" + t.name()), where + ": output " + t.name());
        }
        Map<String, Object> drawn = drawn();
        List<Map<String, Object>> groups = (List<Map<String, Object>>) drawn.get("groups");
        List<String> collapsed = new ArrayList<>();
        for (Map<String, Object> g : groups) {
            if (!Boolean.TRUE.equals(g.get("collapsed"))) continue;
            String path = (String) g.get("path");
            collapsed.add(path);
            Set<Integer> leaving = leaving(net, path);
            List<List<Object>> outs = (List<List<Object>>) g.get("outs");
            assertEquals(leaving.size(), outs.size() + ((Number) g.get("more")).intValue(), where + ": " + path + " counts the nets leaving it");
            for (List<Object> o : outs) {
                int n = ((Number) o.get(0)).intValue();
                assertTrue(leaving.contains(n), where + ": " + path + " shows " + o.get(1) + ", which does not leave it");
                assertEquals(Values.format(nets[n]), o.get(2), where + ": " + path + " shows " + o.get(1));
            }
        }
        Map<Integer, Neuron> byOut = new HashMap<>();
        for (Neuron n : net.neurons()) byOut.put(n.out(), n);
        for (Map<String, Object> node : (List<Map<String, Object>>) drawn.get("nodes")) {
            int n = ((Number) node.get("net")).intValue();
            assertEquals(Values.format(nets[n]), node.get("value"), where + ": node " + node.get("id") + " (" + node.get("label") + ")");
            Neuron neuron = ((String) node.get("id")).startsWith("n") ? byOut.get(n) : null;
            if (neuron == null) continue;
            String inst = neuron.path().substring(neuron.path().indexOf('/') + 1);
            for (String c : collapsed) assertFalse(within(inst, c), where + ": " + neuron.path() + " drawn inside collapsed " + c);
        }
        return collapsed.size();
    }

    /** The nets an instance's neurons drive that something outside it reads: a neuron, an output, a state bit. */
    private static Set<Integer> leaving(Netlist net, String path) {
        Set<Integer> inside = new HashSet<>();
        for (Neuron n : net.neurons()) if (within(n.path().substring(n.path().indexOf('/') + 1), path)) inside.add(n.out());
        Set<Integer> out = new HashSet<>();
        for (Neuron n : net.neurons()) {
            if (inside.contains(n.out())) continue;
            for (int in : n.inputs()) if (inside.contains(in)) out.add(in);
        }
        for (Terminal t : net.outputs()) for (int n : t.nets()) if (inside.contains(n)) out.add(n);
        for (StateBit st : net.state()) if (inside.contains(st.d()) && !within(st.path(), path)) out.add(st.d());
        return out;
    }

    private static boolean within(String nodePath, String instance) {
        return nodePath.startsWith(instance + "/");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> drawn() {
        return (Map<String, Object>) browser.executeScript("return window.circuitView.drawn();");
    }

    private static int zoomPercent() {
        return Integer.parseInt(browser.findElement(By.id("zoom-level")).getText().replace("%", "").strip());
    }

    private static void clickRow(int r) {
        browser.findElements(By.cssSelector("#table-0 tr.row")).get(r).click();
    }

    private static List<WebElement> instanceButtons() {
        return browser.findElements(By.cssSelector("#instances button.inst"));
    }

    private static String collapsed(String path) {
        return browser.findElement(By.id("inst-" + path)).getAttribute("data-collapsed");
    }
}
