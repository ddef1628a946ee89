package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.circuit.NetFiles;
import dev.circuit.ast.TestDecl;
import dev.circuit.cli.Cli;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Sources;
import dev.circuit.elab.BoundTest;
import dev.circuit.elab.Design;
import dev.circuit.elab.DesignBuilder;
import dev.circuit.elab.Loader;
import dev.circuit.elab.Program;
import dev.circuit.eval.Values;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.provider.Arguments;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * What the browser tests of 'circuit view' pages share: one headless Chromium per test class, the
 * page written by the command a user runs, and the circuits of circuits/ that a test table names.
 */
abstract class InBrowser {
    static ChromeDriver browser;

    /** Per test, not per class: surefire counts a class-level skip as zero tests. */
    @BeforeEach
    void needsBrowser() {
        assumeTrue(Browser.installed(), Browser.MISSING);
        if (browser == null) browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        browser = null;
    }

    /** Each circuit some table of a file in circuits/ names and {@code which} keeps, once, with that file and the table's index. */
    static Stream<Arguments> tabledCircuits(Predicate<Netlist> which) {
        List<Arguments> out = new ArrayList<>();
        for (Path f : NetFiles.under(Path.of("circuits"))) {
            Program program;
            try {
                program = Loader.read(f, new Sources());
            } catch (CircuitException e) {
                continue; // a broken file is 'circuit test's business
            }
            Set<String> seen = new HashSet<>();
            List<TestDecl> decls = program.root().decls(TestDecl.class);
            for (int i = 0; i < decls.size(); i++) {
                try {
                    Design d = DesignBuilder.build(program, decls.get(i).target());
                    Netlist n = d.topCircuit().netlist();
                    if (which.test(n) && seen.add(n.name())) out.add(Arguments.of(f, d.top().toString(), i));
                } catch (CircuitException e) {
                    // an invalid table fails in 'circuit test'
                }
            }
        }
        return out.stream();
    }

    /** The design whose top is the circuit the {@code decl}-th table of {@code file} names. */
    static Design design(Path file, int decl) {
        Program program = Loader.read(file, new Sources());
        return DesignBuilder.build(program, program.root().decls(TestDecl.class).get(decl).target());
    }

    /** Whether a row's written output cells hold for the output bits {@code got} (no tolerance). */
    static boolean holds(BoundTest table, TestDecl.Row row, double[] got, int[] at) {
        for (int c = 0; c < table.outCol().length; c++) {
            TestDecl.Cell cell = row.outputs().get(c);
            if (cell.isAny()) continue;
            Terminal t = table.net().outputs().get(table.outCol()[c]);
            BigInteger v = Values.busValue(got, at[table.outCol()[c]], t.width());
            if (v == null || !v.equals(cell.value().toBigIntegerExact())) return false;
        }
        return true;
    }

    static void open(Path page) {
        browser.get(page.toUri().toString());
        assertEquals(null, browser.executeScript("return window.circuitView ? null : 'the page script did not run'"));
    }

    /** The page, written by the command a user runs (with {@code more} options). */
    static Path view(Path file, String top, Path dir, String... more) {
        Path out = dir.resolve("page.html");
        List<String> args = new ArrayList<>(List.of("view", file.toString(), "-o", out.toString()));
        if (top != null) args.addAll(List.of("--top", top));
        args.addAll(List.of(more));
        StringWriter err = new StringWriter();
        int code = Cli.run(args.toArray(new String[0]), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return out;
    }

    /**
     * What the page shows, read in one round trip (a call per element made the suite minutes long):
     * each input's toggle text or number field, each output's text, and the clicked row's classes (none when {@code row} is null).
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> shown(Netlist net, WebElement row) {
        List<String> ids = new ArrayList<>();
        for (Terminal t : net.inputs()) ids.add("in-" + t.name());
        for (Terminal t : net.outputs()) ids.add("out-" + t.name());
        Map<String, String> m = (Map<String, String>) browser.executeScript(
                "const m = {row: arguments[0] ? arguments[0].className : ''};"
                + "for (const id of arguments[1]) { const e = document.getElementById(id); m[id] = e.tagName === 'INPUT' ? e.value : e.textContent; }"
                + "return m;", row, ids);
        return m;
    }

    /** The inputs as the page shows them: a bit's toggle text, a bus's number field. */
    static double[] shownInputs(Netlist net, Map<String, String> shown, String where) {
        double[] in = new double[net.inputBits()];
        int[] at = Terminal.offsets(net.inputs());
        for (int i = 0; i < net.inputs().size(); i++) {
            Terminal t = net.inputs().get(i);
            String text = shown.get("in-" + t.name());
            BigInteger v = new BigInteger(text.strip());
            assertTrue(v.signum() >= 0 && v.bitLength() <= t.width(), where + ": " + t.name() + "=" + text);
            for (int b = 0; b < t.width(); b++) in[at[i] + b] = v.testBit(b) ? 1 : 0;
        }
        return in;
    }

    /**
     * The pointer moved onto a node (its id) or an instance's name (its path) in the drawing, then
     * clicked when {@code click}: real input events at the place the page says it drew the thing, so
     * the page's own hit testing decides what was hit.
     */
    static void pointAt(String what, boolean click) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) browser.executeScript("return window.circuitView.pointOf(arguments[0]);", what);
        Actions a = new Actions(browser).moveToLocation((int) Math.round(p.get(0).doubleValue()), (int) Math.round(p.get(1).doubleValue()));
        (click ? a.click() : a).perform();
    }
}
