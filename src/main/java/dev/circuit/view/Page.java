package dev.circuit.view;

import dev.circuit.ast.TestDecl;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Failure;
import dev.circuit.elab.BoundTest;
import dev.circuit.elab.Design;
import dev.circuit.eval.Simulator;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import dev.circuit.model.Threshold;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML page of a design's top circuit: the template (page.html, page.css, page.js, resources
 * beside this class) with the circuit's data inlined as one JSON object. The data is the netlist
 * as the engine holds it: nets, neurons in topological order, each hard neuron's exact integer
 * weights and threshold ({@link Neuron#exact}), each real-valued neuron's weights and activation;
 * its state bits (flip-flops and feedback wires: which net each loads from, its initial value); the
 * circuit's test tables; the layout. Neurons and node boxes are written as columns of numbers, each
 * distinct neuron kind and box size once, the columns {@link Packed} and the net names as one text,
 * because the page's opening time on 10^4 neurons is mostly reading its own text (docs/BENCHMARKS.md).
 */
public final class Page {
    /** JavaScript numbers are exact integers below 2^53: every sum the page computes must stay there. */
    static final int JS_BITS = 53;

    private Page() {}

    /**
     * The page. Refuses (with every offending neuron named) a circuit whose exact sums do not fit in
     * JavaScript numbers, rather than show values the engine would not compute.
     */
    public static String html(Design design, Layout layout) {
        String data = data(design, layout);
        return resource("page.html")
                .replace("/*STYLE*/", resource("page.css"))
                .replace("/*SCRIPT*/", resource("drawing.js") + resource("page.js"))
                .replace("/*DATA*/", data)
                .replace("<!--TITLE-->", escapeHtml(design.topCircuit().netlist().name()));
    }

    /** The page's data as JSON text. */
    static String data(Design design, Layout layout) {
        Netlist net = design.topCircuit().netlist();
        double[] params = net.initialParams(0);
        List<Diagnostic> refused = new ArrayList<>();
        JsonText j = new JsonText();
        j.raw("{\"name\":").str(net.name()).raw(",\"boolean\":").raw(Boolean.toString(net.isBoolean()));
        String sep = separator(net.netNames());
        j.raw(",\"netSep\":").str(sep).raw(",\"nets\":").str(String.join(sep, net.netNames()));
        j.raw(",\"inputs\":");
        terminals(j, net.inputs());
        j.raw(",\"outputs\":");
        terminals(j, net.outputs());
        j.raw(",\"constants\":[");
        for (int i = 0; i < net.constants().size(); i++) {
            Netlist.Constant c = net.constants().get(i);
            j.raw(i > 0 ? ",[" : "[").num(c.net()).raw(",").num(c.value()).raw("]");
        }
        j.raw("],");
        state(j, net);
        neurons(j, net, params, refused);
        j.raw(",\"tests\":[");
        List<BoundTest> tests = design.testsOf(design.top());
        for (int i = 0; i < tests.size(); i++) test(j.raw(i > 0 ? "," : ""), tests.get(i));
        j.raw("],\"layout\":");
        layout(j, layout, net);
        j.raw("}");
        if (!refused.isEmpty()) throw new CircuitException(Failure.INVALID_INPUT, refused);
        return j.toString();
    }

    /**
     * {@code "neurons"} as columns, so that a page of 10^4 neurons stays small and parses fast (an
     * object per neuron was three quarters of a 1.5 MB page, and every 100 KB of page still costs its
     * opening about 4 ms here: docs/BENCHMARKS.md): {@code kinds} holds each distinct
     * activation-and-weights once (a NAND gate used 10,000 times is written once); per neuron
     * {@code kind} and {@code out}, the net it drives as its difference from the one before's plus one
     * (so 0 when neurons drive consecutive nets, the first's from -1); its inputs flat in {@code in}
     * (as many as its kind's {@code fanIn}), each as its difference from the input before it (the
     * first from 0); {@code paths}, keyed by neuron, the path of each neuron whose path is not the
     * usual one: the top circuit's name, '/', and the name of the net it drives; and {@code nested},
     * whether some neuron is inside an instance (its path has a part between the top's name and its
     * own), so that the page looks for instances only in circuits that have them. The columns
     * {@code kind}, {@code out} and {@code in} are {@link Packed}.
     */
    private static void neurons(JsonText j, Netlist net, double[] params, List<Diagnostic> refused) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        int count = net.neurons().size(), slots = 0;
        for (Neuron n : net.neurons()) slots += n.fanIn();
        int[] kind = new int[count], out = new int[count], in = new int[slots];
        JsonText paths = new JsonText();
        String prefix = net.name() + "/";
        int inputs = 0, lastOut = -1, lastIn = 0, unusual = 0;
        boolean nested = false;
        for (int i = 0; i < net.neurons().size(); i++) {
            Neuron n = net.neurons().get(i);
            JsonText k = new JsonText().raw("{\"act\":").str(n.activation().keyword()).raw(",\"fanIn\":").num(n.fanIn());
            if (n.exact() != null) {
                String why = exact(k, n.exact());
                if (why != null) refused.add(Diagnostic.error(n.pos(), "neuron " + n.path() + ": " + why));
            } else {
                k.raw(",\"w\":[");
                for (int w = 0; w < n.fanIn(); w++) k.raw(w > 0 ? "," : "").num(n.weights().get(w).value(params));
                double bias = 0;
                for (Coef c : n.bias()) bias += c.value(params);
                k.raw("],\"bias\":").num(bias);
            }
            String text = k.raw("}").toString();
            Integer at = kinds.get(text);
            if (at == null) kinds.put(text, at = kinds.size());
            kind[i] = at;
            out[i] = n.out() - lastOut - 1;
            lastOut = n.out();
            for (int x = 0; x < n.fanIn(); x++) {
                in[inputs++] = n.inputs().get(x) - lastIn;
                lastIn = n.inputs().get(x);
            }
            nested |= n.path().lastIndexOf('/') > n.path().indexOf('/');
            if (!n.path().equals(prefix + net.netNames().get(n.out()))) paths.raw(unusual++ > 0 ? ",\"" : "\"").raw(Integer.toString(i)).raw("\":").str(n.path());
        }
        j.raw(",\"neurons\":{\"kinds\":[").raw(String.join(",", kinds.keySet())).raw("],\"kind\":").raw(Packed.of(kind))
                .raw(",\"out\":").raw(Packed.of(out)).raw(",\"in\":").raw(Packed.of(in)).raw(",\"paths\":{").raw(paths.toString()).raw("},\"nested\":").raw(Boolean.toString(nested)).raw("}");
    }

    /**
     * Writes {@code "exact":{w,t,bias,scale}}, or returns why it cannot: the longs form of
     * {@link Threshold#longs} bounds every sum by the total of the magnitudes, which must stay below
     * 2^53 for the page's arithmetic to be exact.
     */
    private static String exact(JsonText j, Threshold t) {
        long[] l = t.longs();
        BigInteger total = t.threshold().abs().add(t.bias().abs());
        for (BigInteger w : t.weights()) total = total.add(w.abs());
        if (l == null || total.bitLength() > JS_BITS || t.scale().bitLength() > JS_BITS) {
            return "its exact integer weights and threshold need more than " + JS_BITS
                    + " bits, which JavaScript numbers cannot hold exactly, so the page could show values the engine"
                    + " does not compute; 'circuit view' refuses it (eval, test and verilog handle it)";
        }
        int n = t.fanIn();
        j.raw(",\"exact\":{\"w\":[");
        for (int k = 0; k < n; k++) j.raw(k > 0 ? "," : "").num(l[k]);
        j.raw("],\"t\":").num(l[n]).raw(",\"bias\":").num(l[n + 1]).raw(",\"scale\":").num(l[n + 2]).raw("}");
        return null;
    }

    /**
     * {@code "state":[{path,kind,q,d,init}]} in {@link Netlist#state()} order and {@code "settleLimit"}:
     * all the page needs to run cycles as {@link Simulator} does (settle with feedback wires, clock the
     * flip-flops, report a loop still changing after the simulator's own limit as oscillating).
     */
    private static void state(JsonText j, Netlist net) {
        j.raw("\"state\":[");
        int feedback = 0;
        for (int i = 0; i < net.state().size(); i++) {
            StateBit s = net.state().get(i);
            boolean flop = s.kind() == StateBit.Kind.FLIP_FLOP;
            if (!flop) feedback++;
            j.raw(i > 0 ? "," : "").raw("{\"path\":").str(s.path()).raw(",\"kind\":").str(flop ? "dff" : "feedback")
                    .raw(",\"q\":").num(s.q()).raw(",\"d\":").num(s.d()).raw(",\"init\":").num(s.init() ? 1 : 0).raw("}");
        }
        j.raw("],\"settleLimit\":").num(Simulator.settleLimit(feedback));
    }

    private static void terminals(JsonText j, List<Terminal> ts) {
        j.raw("[");
        for (int i = 0; i < ts.size(); i++) {
            Terminal t = ts.get(i);
            j.raw(i > 0 ? "," : "").raw("{\"name\":").str(t.name()).raw(",\"bus\":").raw(Boolean.toString(t.bus())).raw(",\"nets\":[");
            for (int b = 0; b < t.width(); b++) j.raw(b > 0 ? "," : "").num(t.nets().get(b));
            j.raw("]}");
        }
        j.raw("]");
    }

    /** A table: its columns as terminal indexes, its rows' cells as written (null for X), its tolerance. */
    private static void test(JsonText j, BoundTest p) {
        TestDecl t = p.decl();
        j.raw("{\"line\":").num(t.pos().line()).raw(",\"sequence\":").raw(Boolean.toString(t.sequence()))
                .raw(",\"tol\":").str(t.tolerance() == null ? null : t.tolerance().toPlainString());
        j.raw(",\"inCol\":[");
        for (int i = 0; i < p.inCol().length; i++) j.raw(i > 0 ? "," : "").num(p.inCol()[i]);
        j.raw("],\"outCol\":[");
        for (int i = 0; i < p.outCol().length; i++) j.raw(i > 0 ? "," : "").num(p.outCol()[i]);
        j.raw("],\"rows\":[");
        for (int r = 0; r < t.rows().size(); r++) {
            TestDecl.Row row = t.rows().get(r);
            j.raw(r > 0 ? "," : "").raw("{\"line\":").num(row.pos().line()).raw(",\"in\":");
            cells(j, row.inputs());
            j.raw(",\"out\":");
            cells(j, row.outputs());
            j.raw("}");
        }
        j.raw("]}");
    }

    /** Each cell as its exact decimal text (the page reads bus values as BigInt), and the text as written. */
    private static void cells(JsonText j, List<TestDecl.Cell> cells) {
        j.raw("[");
        for (int i = 0; i < cells.size(); i++) {
            TestDecl.Cell c = cells.get(i);
            j.raw(i > 0 ? "," : "");
            if (c.isAny()) j.raw("null");
            else j.raw("[").str(c.value().toPlainString()).raw(",").str(c.toString()).raw("]");
        }
        j.raw("]");
    }

    /**
     * The layout, its node boxes as numbers in a fixed order rather than keyed by id: {@code net}
     * holds x, y and a size (an index into {@code sizes}) for each net, the size -1 where the net has
     * no node; {@code out} the same for each output bit, outputs in order. Graphviz's edge routes stay
     * keyed by {@code from->to} (the layered layout has none).
     */
    private static void layout(JsonText j, Layout l, Netlist net) {
        j.raw("{\"engine\":").str(l.engine()).raw(",\"w\":").num(l.width()).raw(",\"h\":").num(l.height())
                .raw(",\"bend\":[").num(Layered.BEND_X).raw(",").num(Layered.BEND_Y).raw("]");
        List<Layout.Box> netBoxes = new ArrayList<>(), outBoxes = new ArrayList<>();
        for (int i = 0; i < net.netCount(); i++) netBoxes.add(l.nodes().get("n" + i));
        for (Terminal t : net.outputs()) {
            for (int b = 0; b < t.width(); b++) outBoxes.add(l.nodes().get("out_" + t.name() + (t.bus() ? "_" + b : "")));
        }
        // Whole pixels when every centre is (the layered layout's are), else tenths.
        int scale = 1;
        for (List<Layout.Box> list : List.of(netBoxes, outBoxes)) {
            for (Layout.Box b : list) if (b != null && (round(b.x()) != Math.rint(round(b.x())) || round(b.y()) != Math.rint(round(b.y())))) scale = 10;
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        String nets = boxes(netBoxes, scale, sizes), outs = boxes(outBoxes, scale, sizes);
        j.raw(",\"scale\":").num(scale).raw(",\"sizes\":[").raw(String.join(",", sizes.keySet())).raw("],\"net\":").raw(nets)
                .raw(",\"out\":").raw(outs);
        if (l.edges().isEmpty()) cells(j, l, net, netBoxes, outBoxes);
        j.raw(",\"edges\":{");
        boolean first = true;
        for (Map.Entry<String, List<double[]>> e : l.edges().entrySet()) {
            j.raw(first ? "" : ",").str(e.getKey()).raw(":[");
            for (int k = 0; k < e.getValue().size(); k++) {
                double[] pts = e.getValue().get(k);
                j.raw(k > 0 ? ",[" : "[");
                for (int i = 0; i < pts.length; i++) j.raw(i > 0 ? "," : "").num(round(pts[i]));
                j.raw("]");
            }
            j.raw("]");
            first = false;
        }
        j.raw("}}");
    }

    /** The side of a cell of {@link #cells}, in layout pixels. */
    static final int CELL = 256;

    /**
     * {@code "cells"}: where the nodes are, so that the page draws a large circuit by looking only near
     * the view rather than at all of it. The layout is cut into square cells of {@code size} pixels,
     * {@code cols} by {@code rows}; {@code refs} lists the nodes by cell (a node is in the cell of its
     * centre, as written in the data), {@code count[c]} of them for cell c, each as its net, or the
     * net count plus its output bit for an output's node, in increasing order and written as
     * differences: a cell's first as itself, each next as its difference from the one before.
     * {@code long} lists, as differences (the first from 0), the edges whose two ends are more than
     * one cell apart across or down, by the page's numbering (netBoxes and outBoxes as
     * {@link #layout} lists them): each neuron's inputs in order, then each output bit, then each
     * state bit's input. Only layouts without routed edges have cells (the page's own straight lines,
     * whose extent the ends bound); the page checks that its nodes and bends fit the cell size before
     * it uses them. All three are {@link Packed}.
     */
    private static void cells(JsonText j, Layout l, Netlist net, List<Layout.Box> netBoxes, List<Layout.Box> outBoxes) {
        int cols = (int) Math.floor(l.width() / CELL) + 1, rows = (int) Math.floor(l.height() / CELL) + 1;
        int nets = netBoxes.size();
        // Per node ref (a net, or nets + an output bit): its cell, or -1 without a box.
        int[] cell = new int[nets + outBoxes.size()];
        for (int r = 0; r < cell.length; r++) cell[r] = cellOf(r < nets ? netBoxes.get(r) : outBoxes.get(r - nets), cols, rows);
        int[] at = new int[cols * rows + 1];
        for (int c : cell) if (c >= 0) at[c + 1]++;
        for (int c = 0; c < cols * rows; c++) at[c + 1] += at[c];
        int[] refs = new int[at[cols * rows]], fill = at.clone();
        for (int r = 0; r < cell.length; r++) if (cell[r] >= 0) refs[fill[cell[r]]++] = r;
        List<Integer> lng = new ArrayList<>();
        int e = 0, bit = 0;
        for (Neuron n : net.neurons()) {
            for (int x = 0; x < n.fanIn(); x++) longEdge(lng, e++, cell[n.inputs().get(x)], cell[n.out()], cols);
        }
        for (Terminal t : net.outputs()) {
            for (int b = 0; b < t.width(); b++) longEdge(lng, e++, cell[t.nets().get(b)], cell[nets + bit++], cols);
        }
        for (StateBit s : net.state()) longEdge(lng, e++, cell[s.d()], cell[s.q()], cols);
        int[] counts = new int[cols * rows], refDiffs = new int[refs.length], longDiffs = new int[lng.size()];
        for (int c = 0; c < cols * rows; c++) {
            counts[c] = at[c + 1] - at[c];
            for (int r = at[c]; r < at[c + 1]; r++) refDiffs[r] = r == at[c] ? refs[r] : refs[r] - refs[r - 1];
        }
        for (int k = 0; k < longDiffs.length; k++) longDiffs[k] = lng.get(k) - (k > 0 ? lng.get(k - 1) : 0);
        j.raw(",\"cells\":{\"size\":").num(CELL).raw(",\"cols\":").num(cols).raw(",\"rows\":").num(rows)
                .raw(",\"count\":").raw(Packed.of(counts)).raw(",\"refs\":").raw(Packed.of(refDiffs)).raw(",\"long\":").raw(Packed.of(longDiffs)).raw("}");
    }

    /** The cell of a box's centre as the page reads it (rounded as written), or -1 for no box. */
    private static int cellOf(Layout.Box b, int cols, int rows) {
        if (b == null) return -1;
        int cx = (int) Math.floor(round(b.x()) / CELL), cy = (int) Math.floor(round(b.y()) / CELL);
        return Math.max(0, Math.min(rows - 1, cy)) * cols + Math.max(0, Math.min(cols - 1, cx));
    }

    /** Adds edge e if both its ends have boxes more than one cell apart. */
    private static void longEdge(List<Integer> longEdges, int e, int from, int to, int cols) {
        if (from >= 0 && to >= 0 && (Math.abs(from % cols - to % cols) > 1 || Math.abs(from / cols - to / cols) > 1)) longEdges.add(e);
    }

    /**
     * Per box, its centre's x and y, in 1/scale pixels, each as its difference from the box before
     * (the first from 0, 0; where a net has no box, 0, 0), and the index of its size (sizes repeat:
     * most nodes of a layout are one size), -1 for no box, as one {@link Packed} column. Differences
     * are whole numbers, so the page adds them up exactly.
     */
    private static String boxes(List<Layout.Box> list, int scale, Map<String, Integer> sizes) {
        int[] v = new int[3 * list.size()];
        int x = 0, y = 0;
        for (int k = 0; k < list.size(); k++) {
            Layout.Box b = list.get(k);
            if (b == null) {
                v[3 * k + 2] = -1;
                continue;
            }
            String size = new JsonText().raw("[").num(round(b.w())).raw(",").num(round(b.h())).raw("]").toString();
            Integer at = sizes.get(size);
            if (at == null) sizes.put(size, at = sizes.size());
            int bx = Math.toIntExact(Math.round(round(b.x()) * scale)), by = Math.toIntExact(Math.round(round(b.y()) * scale));
            v[3 * k] = bx - x;
            v[3 * k + 1] = by - y;
            v[3 * k + 2] = at;
            x = bx;
            y = by;
        }
        return Packed.of(v);
    }

    /**
     * A character in no net's name, to write the names as one text (a JSON list of 10^4 names is a
     * third longer): a space, since names are identifiers with '/', '[', ']' and '.'; else the first
     * control character none uses.
     */
    static String separator(List<String> names) {
        for (int c = 0; c < 0x20; c++) {
            String sep = String.valueOf((char) (c == 0 ? ' ' : c));
            if (names.stream().noneMatch(n -> n.contains(sep))) return sep;
        }
        throw new IllegalStateException("every separator tried is in some net's name");
    }

    /** Pixels to a tenth: the drawing needs no more, and the file stays small. */
    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
