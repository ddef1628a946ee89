package dev.circuit.interop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a gate netlist as a .net circuit of threshold neurons, each a comparison with integer
 * weights. By default one neuron per gate where one suffices (AND, NAND, OR, NOR, NOT, BUFF, a
 * one-cube cover) and two layers for parity (XOR, XNOR: {@code sum - 2*[sum >= 2] - 4*... >= 1}, one
 * hidden neuron per even count). A BLIF cover that is a threshold function of its inputs (up to
 * five) is one neuron, one that is their parity two layers as for XOR; any other cover is one
 * neuron per cube, then an OR.
 * With {@code nand}, every gate becomes NAND perceptrons only. The test table that follows the circuit
 * is computed from the gates' own meaning ({@link LogicEval}), so {@code circuit test} checks the
 * neurons against the source netlist.
 *
 * <p>Why one file of about 420 lines: the gate kinds, their one-neuron or two-layer encodings and
 * the bus-aware naming of the written ports are one translation table; the import benchmarks
 * (docs/BENCHMARKS.md) run through it as a whole.
 */
public final class NetWriter {
    /** The test table lists every input row up to this many inputs. */
    public static final int TABLE_INPUTS = 10;
    /** A sequential circuit's test is one run of this many cycles of seeded random inputs. */
    public static final int SEQUENCE_CYCLES = 32;

    /** A weighted signal in a neuron's sum. */
    private record Term(int weight, String signal) {}

    private final Logic logic;
    private final boolean nand;
    private final boolean buses;
    private final NetNames names = new NetNames();
    private final Map<String, String> byRaw = new HashMap<>();
    private final Map<String, String> inverted = new HashMap<>();
    private final StringBuilder body = new StringBuilder();
    private int neurons;

    private NetWriter(Logic logic, boolean nand, boolean buses) {
        this.logic = logic;
        this.nand = nand;
        this.buses = buses;
    }

    /** The .net text, with buses recovered from bit names ({@link Buses}); {@code source} names the file it came from. */
    public static String write(Logic logic, boolean nand, String source) {
        return write(logic, nand, true, source);
    }

    /** The .net text; {@code buses} false keeps every port a single bit, as named in the source. */
    public static String write(Logic logic, boolean nand, boolean buses, String source) {
        return new NetWriter(logic, nand, buses).write(source);
    }

    /** A port of the written circuit: its name in the header and, bit 0 first, the source ports it stands for. */
    private record Column(String name, List<Integer> bits) {}

    private String write(String source) {
        // 'x' and 'X' mean "any value" in test tables, so no definition may be called that.
        String circuit = names.claim(logic.name().equalsIgnoreCase("x") ? logic.name() + "_" : logic.name());
        Set<String> inputNames = new HashSet<>();
        for (Logic.Port p : logic.inputs()) inputNames.add(p.name());
        Set<String> both = new HashSet<>();
        for (Logic.Port p : logic.outputs()) if (inputNames.contains(p.name())) both.add(p.name());
        List<Buses.Group> inGroups = groups(logic.inputs(), both);
        List<Buses.Group> outGroups = groups(logic.outputs(), both);
        List<String> ins = new ArrayList<>();
        for (Buses.Group g : inGroups) ins.add(port(g));
        // Output buses are named before the gates that drive their bits, which would claim the bit names.
        List<String> outBuses = new ArrayList<>();
        for (Buses.Group g : outGroups) if (g.bus()) outBuses.add(port(g));
        List<Logic.Node> live = live();
        List<Logic.Latch> liveLatches = liveLatches();
        for (Logic.Node n : live) name(n.out());
        for (Logic.Latch l : liveLatches) name(l.out());
        List<String> outs = new ArrayList<>();
        for (Buses.Group g : outGroups) {
            String raw = g.bits().get(0);
            if (g.bus()) {
                outs.add(outBuses.remove(0));
            } else if (both.contains(raw)) {
                // A port cannot be both input and output: the output gets its own name, wired through.
                String o = names.claim(raw + "_out");
                outs.add(o);
                body.append("    ").append(o).append(" = ").append(name(raw)).append("\n");
            } else {
                outs.add(name(raw));
            }
        }
        for (Logic.Node n : live) node(n);
        for (Logic.Latch l : liveLatches) latch(l);

        StringBuilder sb = new StringBuilder();
        int unused = logic.nodes().size() - live.size() + logic.latches().size() - liveLatches.size();
        sb.append("# Imported by 'circuit import").append(nand ? " --nand" : "").append("' from ").append(source).append(": ")
                .append(logic.nodes().size())
                .append(logic.nodes().stream().allMatch(n -> n.f() instanceof Logic.Gate) ? " gates" : " covers")
                .append(logic.isSequential() ? " and " + logic.latches().size() + " flip-flops" : "")
                .append(" as ").append(neurons).append(" threshold neurons").append(logic.isSequential() ? " and " + liveLatches.size() + " dff" : "")
                .append(unused > 0 ? " (" + unused + " that no output depends on left out)" : "")
                .append(".\n");
        sb.append("# Each neuron is a comparison: it outputs 1 when its weighted sum reaches the threshold.\n");
        if (logic.isSequential()) {
            sb.append("# Each flip-flop is a dff on the one implicit clock").append(logic.clock() == null ? "" : " (the source's input '" + logic.clock() + "')")
                    .append(": it holds its initial value in cycle 0, then what its input was in the cycle before.\n");
        }
        List<String> found = new ArrayList<>();
        for (Buses.Group g : inGroups) if (g.bus()) found.add(g.bits().get(0) + ".." + g.bits().get(g.bits().size() - 1));
        for (Buses.Group g : outGroups) if (g.bus()) found.add(g.bits().get(0) + ".." + g.bits().get(g.bits().size() - 1));
        if (!found.isEmpty()) {
            sb.append("# Buses from bit names (bit 0 least significant): ").append(String.join(", ", found))
                    .append("; 'circuit import --bits' keeps single bits.\n");
        }
        sb.append("circuit ").append(circuit).append("(").append(String.join(", ", ins)).append(") -> (")
                .append(String.join(", ", outs)).append(") {\n").append(body).append("}\n");
        table(sb, circuit, columns(inGroups, logic.inputs(), ins), columns(outGroups, logic.outputs(), outs));
        return sb.toString();
    }

    /**
     * The nodes some output depends on, in source order. Others (Yosys writes {@code $false},
     * {@code $true} and {@code $undef} whether used or not) would be neurons nothing reads.
     */
    private List<Logic.Node> live() {
        Set<String> needed = needed();
        return logic.nodes().stream().filter(n -> needed.contains(n.out())).toList();
    }

    /** The signals some output depends on. */
    private Set<String> needed() {
        Map<String, List<String>> reads = new HashMap<>();
        for (Logic.Node n : logic.nodes()) reads.put(n.out(), n.ins());
        for (Logic.Latch l : logic.latches()) reads.put(l.out(), List.of(l.in()));
        Set<String> needed = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        for (Logic.Port p : logic.outputs()) todo.push(p.name());
        while (!todo.isEmpty()) {
            String s = todo.pop();
            List<String> ins = reads.get(s);
            if (needed.add(s) && ins != null) ins.forEach(todo::push);
        }
        return needed;
    }

    /** The flip-flops some output depends on, through logic and other flip-flops, in source order. */
    private List<Logic.Latch> liveLatches() {
        Set<String> needed = needed();
        return logic.latches().stream().filter(l -> needed.contains(l.out())).toList();
    }

    private List<Buses.Group> groups(List<Logic.Port> ports, Set<String> exclude) {
        List<String> raw = ports.stream().map(Logic.Port::name).toList();
        return buses ? Buses.group(raw, exclude) : raw.stream().map(Buses.Group::single).toList();
    }

    /** The .net port of a group: a single bit's name, or a bus {@code a[8]} whose bits the gates then read as {@code a[3]}. */
    private String port(Buses.Group g) {
        if (!g.bus()) return name(g.bits().get(0));
        String base = names.claim(g.base());
        for (int i = 0; i < g.bits().size(); i++) byRaw.put(g.bits().get(i), base + "[" + i + "]");
        return base + "[" + g.bits().size() + "]";
    }

    private static List<Column> columns(List<Buses.Group> groups, List<Logic.Port> ports, List<String> written) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ports.size(); i++) index.put(ports.get(i).name(), i);
        List<Column> cols = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            String header = written.get(k).replaceAll("\\[[0-9]+\\]$", "");
            cols.add(new Column(header, groups.get(k).bits().stream().map(index::get).toList()));
        }
        return cols;
    }

    private String name(String raw) {
        return byRaw.computeIfAbsent(raw, names::claim);
    }

    private void node(Logic.Node n) {
        String out = name(n.out());
        List<String> ins = n.ins().stream().map(this::name).toList();
        String origin = origin(n);
        if (n.f() instanceof Logic.Gate g) {
            if (nand) nandGate(out, g, ins, origin);
            else gate(out, g, ins, origin);
        } else {
            cover(out, (Logic.Cover) n.f(), ins, origin);
        }
    }

    /** {@code q = dff(d)}, or {@code dff(d, 1)} for a flip-flop that starts at 1. */
    private void latch(Logic.Latch l) {
        body.append("    ").append(name(l.out())).append(" = dff(").append(name(l.in())).append(l.init() ? ", 1" : "").append(")    # ")
                .append(l.origin()).append('\n');
    }

    private static String origin(Logic.Node n) {
        if (n.f() instanceof Logic.Gate g) return n.out() + " = " + g + "(" + String.join(", ", n.ins()) + ")";
        Logic.Cover c = (Logic.Cover) n.f();
        return ".names " + String.join(" ", n.ins()) + (n.ins().isEmpty() ? "" : " ") + n.out() + " (" + c.cubes().size()
                + (c.cubes().size() == 1 ? " cube" : " cubes") + (c.value() ? "" : ", off-set") + ")";
    }

    // One neuron per gate; parity takes a hidden layer.
    private void gate(String out, Logic.Gate g, List<String> ins, String origin) {
        int k = ins.size();
        switch (g) {
            case AND -> neuron(out, all(ins, 1), k, origin);
            case NAND -> neuron(out, all(ins, -1), 1 - k, origin);
            case OR -> neuron(out, all(ins, 1), 1, origin);
            case NOR -> neuron(out, all(ins, -1), 0, origin);
            case NOT -> neuron(out, all(ins, -1), 0, origin);
            case BUFF -> neuron(out, all(ins, 1), 1, origin);
            case XOR, XNOR -> {
                // parity = sum - 2 * (number of even counts j = 2, 4, ... that the sum reaches).
                List<Term> terms = all(ins, 1);
                for (int j = 2; j <= k; j += 2) {
                    String h = names.claim(out + "_ge" + j);
                    neuron(h, all(ins, 1), j, "hidden: " + j + " or more inputs are 1");
                    terms.add(new Term(-2, h));
                }
                if (g == Logic.Gate.XOR) neuron(out, terms, 1, origin);
                else neuron(out, negate(terms), 0, origin);
            }
        }
    }

    // NAND perceptrons only: -x1 - ... - xk >= 1 - k.
    private void nandGate(String out, Logic.Gate g, List<String> ins, String origin) {
        switch (g) {
            case NAND -> nand(out, ins, origin);
            case NOT -> nand(out, ins, origin);
            case AND -> nand(out, List.of(nand(names.claim(out + "_n"), ins, "")), origin);
            case BUFF -> nand(out, List.of(nand(names.claim(out + "_n"), ins, "")), origin);
            case OR -> nand(out, inverts(ins), origin);
            case NOR -> nand(out, List.of(nand(names.claim(out + "_or"), inverts(ins), "")), origin);
            case XOR, XNOR -> {
                String acc = ins.get(0);
                for (int i = 1; i < ins.size(); i++) {
                    boolean last = i == ins.size() - 1 && g == Logic.Gate.XOR;
                    acc = xor2(last ? out : names.claim(out + "_x" + i), acc, ins.get(i), last ? origin : "");
                }
                if (g == Logic.Gate.XNOR) nand(out, List.of(acc), origin);
                else if (ins.size() == 1) nand(out, List.of(nand(names.claim(out + "_n"), ins, "")), origin);
            }
        }
    }

    /** The four-NAND XOR. */
    private String xor2(String out, String a, String b, String origin) {
        String t = nand(names.claim(out + "_t"), List.of(a, b), "");
        String u = nand(names.claim(out + "_u"), List.of(a, t), "");
        String v = nand(names.claim(out + "_v"), List.of(b, t), "");
        return nand(out, List.of(u, v), origin);
    }

    private List<String> inverts(List<String> ins) {
        List<String> r = new ArrayList<>();
        for (String x : ins) r.add(inverted.computeIfAbsent(x, s -> nand(names.claim(s + "_not"), List.of(s), "")));
        return r;
    }

    private String nand(String out, List<String> ins, String origin) {
        neuron(out, all(ins, -1), 1 - ins.size(), origin);
        return out;
    }

    private void cover(String out, Logic.Cover c, List<String> ins, String origin) {
        List<List<Term>> cubes = new ArrayList<>();
        for (String cube : c.cubes()) {
            List<Term> lits = new ArrayList<>();
            for (int i = 0; i < cube.length(); i++) {
                if (cube.charAt(i) == '1') lits.add(new Term(1, ins.get(i)));
                if (cube.charAt(i) == '0') lits.add(new Term(-1, ins.get(i)));
            }
            if (lits.isEmpty()) {
                constant(out, c.value(), origin + ": a cube matches every input");
                return;
            }
            cubes.add(lits);
        }
        if (cubes.isEmpty()) {
            constant(out, !c.value(), origin);
            return;
        }
        if (nand) {
            List<String> cubeOuts = new ArrayList<>();
            for (int j = 0; j < cubes.size(); j++) {
                List<String> lits = new ArrayList<>();
                for (Term t : cubes.get(j)) lits.add(t.weight() > 0 ? t.signal() : inverts(List.of(t.signal())).get(0));
                cubeOuts.add(nand(names.claim(out + "_c" + (j + 1)), lits, ""));
            }
            if (c.value()) nand(out, cubeOuts, origin);
            else nand(out, List.of(nand(names.claim(out + "_or"), cubeOuts, "")), origin);
            return;
        }
        // A cover that is a threshold function (majority, AND/OR of literals, ...) is one neuron;
        // one that is the parity of its inputs takes the two layers of an XOR gate.
        boolean[] table = truthTable(c, ins.size());
        var fit = ThresholdFit.find(table, ins.size());
        if (fit.isPresent()) {
            List<Term> terms = new ArrayList<>();
            for (int i = 0; i < ins.size(); i++) terms.add(new Term(fit.get().weights()[i], ins.get(i)));
            neuron(out, terms, fit.get().threshold(), origin + ": one threshold neuron");
            return;
        }
        Boolean odd = parity(table, ins.size());
        if (odd != null) {
            gate(out, odd ? Logic.Gate.XOR : Logic.Gate.XNOR, ins, origin + ": " + (odd ? "XOR" : "XNOR") + " of its inputs");
            return;
        }
        if (cubes.size() == 1) {
            // One cube: an AND of literals, x for 1 and (1 - x) for 0: sum of literals >= count.
            List<Term> lits = cubes.get(0);
            int positives = (int) lits.stream().filter(t -> t.weight() > 0).count();
            if (c.value()) neuron(out, lits, positives, origin);
            else neuron(out, negate(lits), 1 - positives, origin);
            return;
        }
        // Several cubes: one AND neuron per cube of two or more literals, a literal alone goes straight
        // into the OR; a negated literal x' is (1 - x), so its 1 moves into the threshold.
        List<Term> or = new ArrayList<>();
        int ones = 0;
        for (int j = 0; j < cubes.size(); j++) {
            List<Term> lits = cubes.get(j);
            if (lits.size() == 1) {
                or.add(lits.get(0));
                if (lits.get(0).weight() < 0) ones++;
                continue;
            }
            int positives = (int) lits.stream().filter(t -> t.weight() > 0).count();
            String cube = names.claim(out + "_c" + (j + 1));
            neuron(cube, lits, positives, "cube " + (j + 1));
            or.add(new Term(1, cube));
        }
        if (c.value()) neuron(out, or, 1 - ones, origin);
        else neuron(out, negate(or), ones, origin);
    }

    /** TRUE for the parity of all inputs, FALSE for its complement, null for anything else (or too many inputs). */
    private static Boolean parity(boolean[] table, int inputs) {
        if (table.length == 0 || inputs < 2) return null;
        boolean odd = true;
        boolean even = true;
        for (int row = 0; row < table.length; row++) {
            boolean p = Integer.bitCount(row) % 2 == 1;
            if (table[row] != p) odd = false;
            if (table[row] == p) even = false;
        }
        return odd ? Boolean.TRUE : even ? Boolean.FALSE : null;
    }

    private static boolean[] truthTable(Logic.Cover c, int inputs) {
        if (inputs > ThresholdFit.MAX_INPUTS) return new boolean[0];
        boolean[] t = new boolean[1 << inputs];
        boolean[] in = new boolean[inputs];
        for (int row = 0; row < t.length; row++) {
            for (int i = 0; i < inputs; i++) in[i] = (row >>> i & 1) == 1;
            t[row] = LogicEval.apply(c, in);
        }
        return t;
    }

    private void constant(String out, boolean v, String origin) {
        body.append("    ").append(out).append(" = step(").append(v ? "1" : "-1").append(")    # ").append(origin)
                .append(": constant ").append(v ? 1 : 0).append('\n');
        neurons++;
    }

    private static List<Term> all(List<String> ins, int w) {
        List<Term> t = new ArrayList<>();
        for (String x : ins) t.add(new Term(w, x));
        return t;
    }

    private static List<Term> negate(List<Term> terms) {
        return terms.stream().map(t -> new Term(-t.weight(), t.signal())).toList();
    }

    /** {@code out = sum >= threshold}, with the source line it came from as a comment. */
    private void neuron(String out, List<Term> terms, int threshold, String origin) {
        // Equal signals are merged, so nand(g1, g1) is one weight of -2 on g1.
        Map<String, Integer> merged = new java.util.LinkedHashMap<>();
        for (Term t : terms) merged.merge(t.signal(), t.weight(), Integer::sum);
        StringBuilder s = new StringBuilder();
        for (var e : merged.entrySet()) {
            int w = e.getValue();
            if (w == 0) continue;
            if (s.length() == 0) s.append(w < 0 ? "-" : "");
            else s.append(w < 0 ? " - " : " + ");
            if (Math.abs(w) != 1) s.append(Math.abs(w)).append('*');
            s.append(e.getKey());
        }
        body.append("    ").append(out).append(" = ");
        if (s.length() == 0) body.append("step(").append(0 >= threshold ? "1" : "-1").append(")");
        else body.append(s).append(" >= ").append(threshold);
        if (!origin.isEmpty()) body.append("    # ").append(origin);
        body.append('\n');
        neurons++;
    }

    /** A column's value in a row: its bits read as a number, bit 0 least significant. */
    private static String value(Column c, boolean[] bits) {
        long v = 0;
        for (int i = 0; i < c.bits().size(); i++) if (bits[c.bits().get(i)]) v |= 1L << i;
        return Long.toString(v);
    }

    private void table(StringBuilder sb, String circuit, List<Column> ins, List<Column> outs) {
        if (logic.isSequential()) {
            sequence(sb, circuit, ins, outs);
            return;
        }
        int n = logic.inputs().size();
        if (n > TABLE_INPUTS) {
            sb.append("\n# No test table: ").append(n).append(" inputs are more than ").append(TABLE_INPUTS).append(" rows can list.\n");
            return;
        }
        sb.append("\n# Expected values computed from the gates themselves (").append(logic.name())
                .append("'s Boolean meaning), not from the neurons above.\n");
        sb.append("test ").append(circuit).append(" {\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(header(ins, outs));
        // The rows count up like 'circuit table': the first column is the most significant, a bus from its top bit down.
        List<Integer> order = new ArrayList<>();
        for (Column c : ins) for (int b = c.bits().size() - 1; b >= 0; b--) order.add(c.bits().get(b));
        LogicEval eval = new LogicEval(logic);
        boolean[] in = new boolean[n];
        for (int r = 0; r < 1 << n; r++) {
            for (int k = 0; k < n; k++) in[order.get(k)] = ((r >>> (n - 1 - k)) & 1) == 1;
            boolean[] out = eval.run(in);
            rows.add(row(ins, in, outs, out));
        }
        aligned(sb, rows);
        sb.append("}\n");
    }

    /**
     * One run of {@value #SEQUENCE_CYCLES} cycles from the initial state, on inputs drawn from a fixed
     * seed, with the outputs the gates and flip-flops give ({@link LogicEval}), not the neurons.
     */
    private void sequence(StringBuilder sb, String circuit, List<Column> ins, List<Column> outs) {
        sb.append("\n# Expected values computed from the gates and flip-flops themselves (").append(logic.name())
                .append("'s Boolean meaning), not from the neurons above: ").append(SEQUENCE_CYCLES)
                .append(" cycles from the initial state, inputs drawn at random (seed 1).\n");
        sb.append("test ").append(circuit).append(" sequence {\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(header(ins, outs));
        java.util.Random rnd = new java.util.Random(1);
        LogicEval eval = new LogicEval(logic);
        boolean[] in = new boolean[logic.inputs().size()];
        for (int t = 0; t < SEQUENCE_CYCLES; t++) {
            for (int k = 0; k < in.length; k++) in[k] = rnd.nextBoolean();
            boolean[] out = eval.run(in);
            eval.clock();
            rows.add(row(ins, in, outs, out));
        }
        aligned(sb, rows);
        sb.append("}\n");
    }

    private static String[] header(List<Column> ins, List<Column> outs) {
        List<String> header = new ArrayList<>();
        ins.forEach(c -> header.add(c.name()));
        header.add("|");
        outs.forEach(c -> header.add(c.name()));
        return header.toArray(new String[0]);
    }

    private static String[] row(List<Column> ins, boolean[] in, List<Column> outs, boolean[] out) {
        List<String> cells = new ArrayList<>();
        for (Column c : ins) cells.add(value(c, in));
        cells.add("|");
        for (Column c : outs) cells.add(value(c, out));
        return cells.toArray(new String[0]);
    }

    /** Table rows in aligned columns, indented as in a test block. */
    private static void aligned(StringBuilder sb, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], r[c].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("    ");
            for (int c = 0; c < cols; c++) {
                if (c > 0) line.append(' ');
                line.append(r[c]).append(" ".repeat(w[c] - r[c].length()));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
