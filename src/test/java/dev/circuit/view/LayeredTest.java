package dev.circuit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.NetFiles;
import dev.circuit.ast.TestDecl;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Sources;
import dev.circuit.elab.DesignBuilder;
import dev.circuit.elab.Loader;
import dev.circuit.elab.Program;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layered layout without a browser: every node placed once, no two nodes on one spot, and, what
 * collapsing an instance in place needs, no node outside an instance inside the box around it (the
 * instance's nodes' boxes, as the page pads them), on every circuit a table in circuits/ names.
 */
class LayeredTest {
    /** drawing.js: 6 pixels around an instance's contents, 12 more above for its name. */
    private static final double PAD = 6;
    private static final double LABEL = 12;

    @Test
    void everyInstanceIsARectangleOfItsOwn() {
        int circuits = 0;
        int instances = 0;
        for (Path f : NetFiles.under(Path.of("circuits"))) {
            Program program;
            try {
                program = Loader.read(f, new Sources());
            } catch (CircuitException e) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (TestDecl t : program.root().decls(TestDecl.class)) {
                Netlist net;
                try {
                    net = DesignBuilder.build(program, t.target()).topCircuit().netlist();
                } catch (CircuitException e) {
                    continue;
                }
                if (!seen.add(net.name())) continue;
                instances += check(net, f + " " + net.name());
                circuits++;
            }
        }
        assertTrue(circuits > 20 && instances > 50, circuits + " circuits, " + instances + " instances");
    }

    /** Returns how many instances were checked. */
    private static int check(Netlist net, String where) {
        Layout l = Layered.of(net);
        Map<String, String> instanceOf = new HashMap<>();
        for (Neuron n : net.neurons()) instanceOf.put("n" + n.out(), instancePath(n.path().substring(n.path().indexOf('/') + 1)));
        for (StateBit st : net.state()) instanceOf.put("n" + st.q(), instancePath(st.path()));
        int ids = net.inputBits() + net.constants().size() + net.state().size() + net.neurons().size();
        for (Terminal t : net.outputs()) ids += t.width();
        assertEquals(ids, l.nodes().size(), where + ": every node placed");
        Set<String> spots = new HashSet<>();
        for (Layout.Box b : l.nodes().values()) assertTrue(spots.add(b.x() + "," + b.y()), where + ": two nodes at " + b);
        // Every instance's box as the page draws it: around its own nodes and the boxes of the
        // instances inside it, innermost first, each padded (drawing.js does the same).
        Map<String, double[]> boxes = new HashMap<>();
        for (Map.Entry<String, String> e : instanceOf.entrySet()) {
            Layout.Box b = l.nodes().get(e.getKey());
            if (!e.getValue().isEmpty()) grow(boxes, e.getValue(), b.x() - b.w() / 2, b.y() - b.h() / 2, b.x() + b.w() / 2, b.y() + b.h() / 2);
            for (String p = e.getValue(); !p.isEmpty(); p = instancePath(p)) boxes.computeIfAbsent(p, k -> empty());
        }
        List<String> innermostFirst = new ArrayList<>(boxes.keySet());
        innermostFirst.sort(Comparator.comparingInt((String p) -> p.split("/").length).reversed());
        for (String p : innermostFirst) {
            double[] r = boxes.get(p);
            r[0] -= PAD;
            r[1] -= PAD + LABEL;
            r[2] += PAD;
            r[3] += PAD;
            if (!instancePath(p).isEmpty()) grow(boxes, instancePath(p), r[0], r[1], r[2], r[3]);
        }
        for (Map.Entry<String, double[]> e : boxes.entrySet()) {
            String inst = e.getKey();
            double[] r = e.getValue();
            for (Map.Entry<String, Layout.Box> n : l.nodes().entrySet()) {
                String in = instanceOf.getOrDefault(n.getKey(), "");
                if ((in + "/").startsWith(inst + "/")) continue;
                Layout.Box b = n.getValue();
                boolean overlaps = b.x() + b.w() / 2 > r[0] && b.x() - b.w() / 2 < r[2] && b.y() + b.h() / 2 > r[1] && b.y() - b.h() / 2 < r[3];
                assertFalse(overlaps, where + ": node " + n.getKey() + " (in '" + in + "') inside the box of instance " + inst);
            }
        }
        for (Map.Entry<String, double[]> a : boxes.entrySet()) {
            for (Map.Entry<String, double[]> b : boxes.entrySet()) {
                String x = a.getKey() + "/", y = b.getKey() + "/";
                if (x.startsWith(y) || y.startsWith(x)) continue;
                double[] r = a.getValue(), q = b.getValue();
                assertFalse(r[0] < q[2] && q[0] < r[2] && r[1] < q[3] && q[1] < r[3], where + ": the boxes of " + a.getKey() + " and " + b.getKey() + " overlap");
            }
        }
        return boxes.size();
    }

    private static double[] empty() {
        return new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    }

    private static void grow(Map<String, double[]> boxes, String path, double x0, double y0, double x1, double y1) {
        double[] r = boxes.computeIfAbsent(path, k -> empty());
        r[0] = Math.min(r[0], x0);
        r[1] = Math.min(r[1], y0);
        r[2] = Math.max(r[2], x1);
        r[3] = Math.max(r[3], y1);
    }

    /** The instance a node or instance path is in: all but its last name ("" at the top). */
    private static String instancePath(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    @Test
    void aCircuitWithoutInstancesIsLaidOutInColumnsAsBefore() throws Exception {
        Netlist net = dev.circuit.Circuit.load(Path.of("circuits/adder.net"), "adder", new Sources()).topCircuit().netlist();
        Layout l = Layered.of(net);
        // a, b in the first column; g1; g2, g3 and carry; sum; the outputs.
        List<String> names = List.of("g1", "g2", "g3", "sum", "carry");
        Map<String, Integer> col = new HashMap<>();
        for (Neuron n : net.neurons()) {
            String name = n.path().substring(n.path().lastIndexOf('/') + 1);
            col.put(name, (int) Math.round((l.nodes().get("n" + n.out()).x() - Layered.MARGIN) / Layered.COL));
        }
        assertEquals(List.of(1, 2, 2, 3, 2), names.stream().map(col::get).toList());
        assertEquals(Layered.MARGIN + 4 * Layered.COL, l.nodes().get("out_sum").x());
    }
}
