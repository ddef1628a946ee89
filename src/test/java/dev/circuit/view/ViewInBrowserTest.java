package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.ast.TestDecl;
import dev.circuit.elab.BoundTest;
import dev.circuit.elab.Design;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The page in a real browser, held to the scalar evaluator: for every Boolean circuit without state
 * with a test table in circuits/, the page 'circuit view' writes is opened in headless Chromium, every row of
 * every table is clicked, and the outputs the page shows must be those {@link Evaluator} computes
 * for the inputs the page shows. Each row's pass/fail mark must be the evaluator's verdict too.
 * Skipped, with the reason printed, where Chromium is not installed.
 *
 * <p>With {@code -Dview.screenshot=docs/view-adder.png}, the half adder test also saves the picture
 * the README shows.
 */
class ViewInBrowserTest extends InBrowser {
    /** Each combinational Boolean circuit some table of a file in circuits/ names, once, with that file. */
    static Stream<Arguments> tabledBooleanCircuits() {
        // A circuit with state runs in cycles: ClockInBrowserTest holds it to the simulator.
        return tabledCircuits(n -> n.isBoolean() && !n.isSequential() && !n.neurons().isEmpty());
    }

    @ParameterizedTest(name = "{0} --top {1}")
    @MethodSource("tabledBooleanCircuits")
    void everyRowClickedInThePageShowsWhatTheEvaluatorComputes(Path file, String top, int decl, @TempDir Path dir) throws Exception {
        Path page = view(file, top, dir);
        Design design = design(file, decl);
        List<BoundTest> tables = design.testsOf(design.top());
        assertFalse(tables.isEmpty());
        int clicked = clickEveryRow(page, design.topCircuit().netlist(), tables);
        assertEquals(tables.stream().mapToInt(t -> t.decl().rows().size()).sum(), clicked);
        if (file.equals(Path.of("circuits/adder.net")) && System.getProperty("view.screenshot") != null) {
            browser.findElements(By.cssSelector("#table-0 tr.row")).get(3).click();
            pointAt("n" + design.topCircuit().netlist().neurons().get(0).out(), true);
            Files.write(Path.of(System.getProperty("view.screenshot")), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    /** Every circuit some table of circuits/ names, with neurons: Boolean or not, with state or not. */
    static Stream<Arguments> tabledCircuitsWithNeurons() {
        return tabledCircuits(n -> !n.neurons().isEmpty());
    }

    /**
     * Every edge's tooltip, by the page's edge numbers (each neuron's input slots, then output bits,
     * then state bits, as Page.java numbers them for the cells): the net it carries, where it goes,
     * and for a neuron's input the weight it meets, exact for a hard neuron.
     */
    @ParameterizedTest(name = "{0} --top {1}")
    @MethodSource("tabledCircuitsWithNeurons")
    void everyEdgeNamesItsNetWhereItGoesAndTheWeightItMeets(Path file, String top, int decl, @TempDir Path dir) {
        open(view(file, top, dir));
        Netlist net = design(file, decl).topCircuit().netlist();
        @SuppressWarnings("unchecked")
        List<String> got = (List<String>) browser.executeScript("return window.circuitView.edgeTitles();");
        List<String> names = net.netNames();
        int e = 0, shown = 0;
        for (Neuron n : net.neurons()) {
            long[] exact = n.exact() == null ? null : n.exact().longs();
            for (int k = 0; k < n.fanIn(); k++, e++) {
                if (got.get(e) == null) continue;
                shown++;
                String head = names.get(n.inputs().get(k)) + " → " + n.path() + ": weight ";
                if (exact == null) assertTrue(got.get(e).startsWith(head), "edge " + e + ": " + got.get(e));
                else assertEquals(head + exact[k] + (exact[n.fanIn() + 2] != 1 ? "/" + exact[n.fanIn() + 2] : ""), got.get(e), "edge " + e);
            }
        }
        for (Terminal t : net.outputs()) {
            for (int b = 0; b < t.width(); b++, e++) if (got.get(e) != null) assertEquals(t.bus() ? t.name() + "[" + b + "]" : t.name(), got.get(e), "edge " + e);
        }
        for (StateBit s : net.state()) {
            if (got.get(e) != null) {
                assertEquals(names.get(s.d()) + " → " + s.path() + (s.kind() == StateBit.Kind.FLIP_FLOP ? " at the clock edge" : " one unit delay later"), got.get(e), "edge " + e);
            }
            e++;
        }
        assertEquals(e, got.size(), "edges");
        assertTrue(shown > 0, "no neuron input drawn");
    }

    /** The mutation the marks must catch: a wrong expectation is marked as failing, the right ones as holding. */
    @Test
    void aWrongRowIsMarkedFailing(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("circuits/nand.net"), dir.resolve("nand.net"));
        Path f = dir.resolve("wrong.net");
        Files.writeString(f, "import \"nand.net\"\n"
                + "circuit wrong(a, b) -> (y) {\n    y = nand(a, b)\n}\n"
                + "test wrong {\n    a b | y\n    1 1 | 1\n    0 0 | 1\n    X 0 | 1\n    1 X | 0\n}\n");
        open(view(f, null, dir));
        List<WebElement> rows = browser.findElements(By.cssSelector("#table-0 tr.row"));
        assertEquals(List.of(true, false, false, true), rows.stream().map(r -> r.getAttribute("class").contains("fail")).toList());
        assertTrue(browser.findElement(By.id("summary")).getText().startsWith("2 rows fail"));
    }

    /**
     * Hit testing in the drawing: the pointer on a neuron shows its weights and sums, off it the hint
     * again; a click keeps the neuron shown when the pointer leaves, a second click lets it go.
     */
    @Test
    void hoverAndClickInTheDrawingShowANeuron(@TempDir Path dir) throws Exception {
        Path file = Path.of("circuits/adder.net");
        open(view(file, null, dir));
        Netlist net = design(file, 0).topCircuit().netlist();
        Neuron g1 = net.neurons().stream().filter(n -> n.path().equals("adder/g1")).findFirst().orElseThrow();
        String input = "n" + net.inputs().get(0).nets().get(0);
        String hint = "Hover over or click a neuron.";
        pointAt("n" + g1.out(), false);
        String info = browser.findElement(By.id("info")).getText();
        assertTrue(info.contains("adder/g1") && info.contains("fires iff sum ≥ " + g1.exact().threshold()), info);
        pointAt(input, false);
        assertEquals(hint, browser.findElement(By.id("info")).getText());
        pointAt("n" + g1.out(), true);
        pointAt(input, false);
        assertTrue(browser.findElement(By.id("info")).getText().contains("adder/g1"), "picked: shown after the pointer left");
        pointAt("n" + g1.out(), true);
        pointAt(input, false);
        assertEquals(hint, browser.findElement(By.id("info")).getText());
    }

    /** A bus is a number field: typing a value re-evaluates (dec2: y == 1 << a). */
    @Test
    void aBusInputIsANumberField(@TempDir Path dir) throws Exception {
        open(view(Path.of("circuits/arith/decoder.net"), "dec2", dir));
        WebElement a = browser.findElement(By.id("in-a"));
        for (int v = 0; v < 4; v++) {
            a.clear();
            a.sendKeys(Integer.toString(v));
            assertEquals(Integer.toString(1 << v), browser.findElement(By.id("out-y")).getText());
        }
    }

    /** Opens the page, then per table, per row: click it, read the shown inputs and outputs, evaluate. */
    private static int clickEveryRow(Path page, Netlist net, List<BoundTest> tables) {
        open(page);
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        int clicked = 0;
        for (int k = 0; k < tables.size(); k++) {
            if (tables.size() > 1) browser.findElement(By.cssSelector("#table-select option[value='" + k + "']")).click();
            List<WebElement> rows = browser.findElements(By.cssSelector("#table-" + k + " tr.row"));
            BoundTest table = tables.get(k);
            assertEquals(table.decl().rows().size(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                rows.get(r).click();
                String where = net.name() + " table " + k + " row " + r;
                Map<String, String> shown = shown(net, rows.get(r));
                assertTrue(shown.get("row").contains("current"), where + " is highlighted");
                double[] inputs = shownInputs(net, shown, where);
                double[] got = ev.outputs(inputs);
                int[] at = Terminal.offsets(net.outputs());
                for (int o = 0; o < net.outputs().size(); o++) {
                    Terminal t = net.outputs().get(o);
                    assertEquals(Values.terminal(t, got, at[o], false), shown.get("out-" + t.name()), where + ": " + t.name());
                }
                TestDecl.Row row = table.decl().rows().get(r);
                if (row.inputs().stream().noneMatch(TestDecl.Cell::isAny) && table.decl().tolerance() == null) {
                    assertEquals(!holds(table, row, got, at), shown.get("row").contains("fail"), where + " mark");
                }
                clicked++;
            }
        }
        return clicked;
    }
}
