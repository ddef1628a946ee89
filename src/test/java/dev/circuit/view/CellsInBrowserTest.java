package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.Circuit;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Design;
import dev.circuit.reference.RandomNetTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cells of a layered page (Page.java) against a look at everything: for rectangles of every size
 * all over the drawing, the plain lines and the nodes the page finds through the cells (as it paints
 * and hit-tests) are exactly those it finds by testing every edge and node, with instances expanded
 * and collapsed. A line the cells missed would be a wire the drawing leaves out.
 */
class CellsInBrowserTest extends InBrowser {
    /**
     * Compares both ways of finding things in {@code arguments[1]} random rectangles (seeded by
     * {@code arguments[0]}, from a pixel to the whole drawing, some partly outside it): null, or the
     * first difference. Also returns how many plain lines were found, so that a test cannot pass on
     * pages where nothing is found.
     */
    private static final String COMPARE = "const L = window.circuitView.data.layout; let seed = arguments[0] >>> 0;"
            + "const rnd = () => { seed = (seed + 0x6D2B79F5) >>> 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1);"
            + "  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };"
            + "const sizes = [0, 1, 40, 150, 300, 900, 2000, Math.max(L.w, L.h) + 200];"
            + "let lines = 0;"
            + "for (let k = 0; k < arguments[1]; k++) {"
            + "  const w = sizes[Math.floor(rnd() * sizes.length)] * (0.5 + rnd()), h = sizes[Math.floor(rnd() * sizes.length)] * (0.5 + rnd());"
            + "  const x0 = rnd() * (L.w + 200) - 100 - w / 2, y0 = rnd() * (L.h + 200) - 100 - h / 2;"
            + "  const n = window.circuitView.near(x0, y0, x0 + w, y0 + h);"
            + "  if (!n.cells) return 'no cells';"
            + "  const a = JSON.stringify(n.plain), b = JSON.stringify(n.plainByScan);"
            + "  if (a !== b) return 'lines near [' + [x0, y0, x0 + w, y0 + h] + ']: cells ' + a + ', every edge ' + b;"
            + "  const c = JSON.stringify(n.nodes), d = JSON.stringify(n.nodesByScan);"
            + "  if (c !== d) return 'nodes near [' + [x0, y0, x0 + w, y0 + h] + ']: cells ' + c + ', every node ' + d;"
            + "  lines += n.plain.length;"
            + "}"
            + "return lines;";

    @TempDir
    Path dir;

    static Stream<Arguments> examples() {
        return tabledCircuits(n -> true);
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("examples")
    void theCellsFindWhatEveryEdgeAndNodeWouldInTheExamples(Path file, String top, int decl) {
        open(view(file, top, dir, "--layout=layered"));
        compare(file + " " + top, 400, true);
    }

    /**
     * Each arrowhead sits at the end of a line drawn (each line's last point, as stroked), in the
     * default layout (Graphviz's routes, when installed) and in the layered one with every instance
     * collapsed (lines found through the cells and lines into collapsed boxes, drawn together); the
     * whole drawing in view.
     */
    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("examples")
    void everyArrowheadSitsAtTheEndOfALineDrawn(Path file, String top, int decl) {
        open(view(file, top, dir));
        arrowsAtEnds(file + " " + top);
        open(view(file, top, dir, "--layout=layered"));
        linesInTheDrawing(file + " " + top + ", layered");
        browser.executeScript("const all = document.getElementById('collapse-all'); if (!document.getElementById('instances-panel').hidden) all.click();");
        arrowsAtEnds(file + " " + top + ", layered, collapsed");
        linesInTheDrawing(file + " " + top + ", layered, collapsed");
    }

    /** In the page's own layout, every line drawn (a bent one's control points too) is inside the drawing: none is cut at its edge. */
    private static void linesInTheDrawing(String where) {
        Object why = browser.executeScript("document.getElementById('zoom-fit').click();"
                + "const r = window.circuitView.drawn().reach, L = window.circuitView.data.layout;"
                + "if (!(r[0] <= r[2])) return null;"   // no line: the arrowhead check says so
                + "return r[0] >= 0 && r[1] >= 0 && r[2] <= L.w && r[3] <= L.h ? null"
                + " : 'lines reach ' + r.map(x => x.toFixed(1)) + ', the drawing is 0,0,' + L.w + ',' + L.h;");
        assertNull(why, where);
    }

    /**
     * A flip-flop two instances deep (its net inside them, not a port) in the first column, loaded
     * from a later column: collapsed, its line bends out beside the outer instance's box, which
     * drawing.js draws 6 pixels around each instance inside it (the bend reached 4 pixels past the
     * left edge), so the margin beside the first column holds that padding too.
     */
    @Test
    void aLineIntoAnInstanceOfAnInstanceInTheFirstColumnStaysInTheDrawing() throws IOException {
        Path file = Files.writeString(dir.resolve("nested.net"), "circuit Cell(d) -> q {\n    wire s\n    s = dff(d)\n    q = s >= 1\n}\n\n"
                + "circuit Reg(d[2]) -> q[2] {\n    for i in 0..1 {\n        q[i] = Cell(d[i])\n    }\n}\n\n"
                + "circuit top(en) -> q[2] {\n    wire n[2]\n    q = Reg(n)\n    n[0] = q[0] + en >= 1\n    n[1] = q[1] + q[0] >= 2\n}\n");
        open(view(file, "top", dir, "--layout=layered"));
        linesInTheDrawing("nested, layered");
        browser.executeScript("document.getElementById('collapse-all').click();");
        arrowsAtEnds("nested, layered, collapsed");
        linesInTheDrawing("nested, layered, collapsed");
    }

    private static void arrowsAtEnds(String where) {
        Object why = browser.executeScript("document.getElementById('zoom-fit').click();"
                + "const d = window.circuitView.drawn(), key = p => p[0].toFixed(3) + ',' + p[1].toFixed(3);"
                + "const ends = d.ends.map(key).sort(), tips = d.tips.map(key).sort();"
                + "if (ends.length === 0) return 'no line drawn';"
                + "return JSON.stringify(ends) === JSON.stringify(tips) ? null : 'line ends ' + ends + ' but arrow tips ' + tips;");
        assertNull(why, where);
    }

    @Test
    void theCellsFindWhatEveryEdgeAndNodeWouldInTheGrid() throws IOException {
        Path file = Files.writeString(dir.resolve("grid.net"), LargePageInBrowserTest.grid());
        open(view(file, "grid", dir, "--layout=layered"));
        compare("the 10^4-neuron grid", 300, true);
    }

    @Test
    void theCellsFindWhatEveryEdgeAndNodeWouldInRandomCircuits() {
        int[] pages = new int[1];
        qt().withFixedSeed(20261128L).withExamples(40).withShrinkCycles(20).forAll(RandomNetTexts.texts()).checkAssert(text -> {
            Design design = Circuit.load(write("top.net", text), RandomNetTexts.TOP, new Sources());
            String html;
            try {
                html = Page.html(design, Layered.of(design.topCircuit().netlist()));
            } catch (CircuitException tooWideForJavaScript) {
                return;
            }
            open(write("page.html", html));
            compare(text, 200, false);
            pages[0]++;
        });
        assertTrue(pages[0] >= 30, "most random circuits make a page: " + pages[0] + " of 40");
    }

    /** Both ways agree, expanded and (when there are instances) all collapsed; and lines were found. */
    private static void compare(String where, int rectangles, boolean someLines) {
        Object expanded = browser.executeScript(COMPARE, where.hashCode(), rectangles);
        assertTrue(expanded instanceof Number, where + ": " + expanded);
        if (someLines) assertTrue(((Number) expanded).longValue() > 0, where + ": no line found near any rectangle");
        if (Boolean.TRUE.equals(browser.executeScript("return !document.getElementById('instances-panel').hidden;"))) {
            browser.executeScript("document.getElementById('collapse-all').click();");
            Object collapsed = browser.executeScript(COMPARE, where.hashCode() + 1, rectangles);
            assertTrue(collapsed instanceof Number, where + ", instances collapsed: " + collapsed);
            browser.executeScript("document.getElementById('expand-all').click();");
        }
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
