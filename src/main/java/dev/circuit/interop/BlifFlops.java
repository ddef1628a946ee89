package dev.circuit.interop;

import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flip-flops of a BLIF model, and the one clock they share. Two spellings are read:
 * <ul>
 *   <li>{@code .latch IN OUT [TYPE CONTROL] [INIT]}: TYPE {@code re} or {@code fe} (rising or falling
 *       edge); no TYPE, or CONTROL {@code NIL}, is the model's global clock. INIT 0 or 1; 2 (don't
 *       care) and 3 (unknown) become 0 with a warning.</li>
 *   <li>{@code .subckt} of Yosys's internal flip-flop cells, which {@code write_blif} leaves as
 *       subcircuits when a flip-flop has an enable or a synchronous reset: {@code $_DFF_P_},
 *       {@code $_DFFE_PP_}, {@code $_SDFF_PP0_}, {@code $_SDFFE_PP0P_}, {@code $_SDFFCE_PP0P_} and
 *       their polarities. The enable and reset become a cover in front of a plain D flip-flop (with
 *       Yosys's meaning: in {@code SDFFE} the reset wins over the enable, in {@code SDFFCE} the reset
 *       acts only when enabled). The BLIF line carries no initial value for them: 0, with a warning.</li>
 * </ul>
 * What one implicit clock cannot express is an error at its line: level-sensitive latches
 * ({@code ah}, {@code al}), asynchronous ones ({@code as}) and Yosys cells with asynchronous set or
 * reset; flip-flops on two clock signals or on both edges; a clock that is not a primary input (a
 * gated or derived clock) or that the logic also reads. Flip-flops all on the falling edge are
 * imported with a warning: with one clock, which edge ends a cycle does not change the sequence of
 * states. The clock input then leaves the ports: in the .net file the clock is implicit.
 */
final class BlifFlops {
    /** A flip-flop as written: {@code edge} re or fe, {@code control} the clock signal or null for the global clock, {@code init} null when not given. */
    private record Flop(String out, String in, String edge, String control, Boolean init, String origin, Pos pos) {}

    private static final Pattern DFF = Pattern.compile("\\$_DFF_([PN])_");
    private static final Pattern DFFE = Pattern.compile("\\$_DFFE_([PN])([PN])_");
    private static final Pattern SDFF = Pattern.compile("\\$_SDFF_([PN])([PN])([01])_");
    private static final Pattern SDFFE = Pattern.compile("\\$_SDFF(C?)E_([PN])([PN])([01])([PN])_");

    private final List<Flop> flops = new ArrayList<>();
    private final List<Logic.Node> nextState = new ArrayList<>();
    /** A next-state cover still to be named: its flip-flop (index into flops), its inputs, its function. */
    private record Pending(int flop, List<String> ins, IntPredicate f, Pos pos) {}

    private final List<Pending> pendingCovers = new ArrayList<>();

    /** True when {@code cell} is a Yosys flip-flop or latch cell, which {@link #subckt} handles. */
    static boolean isYosysStorage(String cell) {
        return cell.startsWith("$_") && cell.matches("\\$_(S?DFF|DFFSR|ALDFF|DLATCH|SR)[A-Z]*_[A-Z0-9_]*");
    }

    /** {@code .latch} with its words after the keyword. */
    void latch(List<String> args, List<Pos> at, Pos linePos, String origin, Diagnostics diags) {
        if (args.size() < 2 || args.size() > 5) {
            diags.error(linePos, ".latch takes its input and output, then optionally a type and clock, then optionally an initial value: .latch d q re clk 0");
            return;
        }
        String in = args.get(0);
        String out = args.get(1);
        String type = null;
        String control = null;
        String init = null;
        if (args.size() == 3) init = args.get(2);
        if (args.size() >= 4) {
            type = args.get(2);
            control = args.get(3).equals("NIL") ? null : args.get(3);
        }
        if (args.size() == 5) init = args.get(4);
        if (type != null && !type.equals("re") && !type.equals("fe")) {
            String what = switch (type) {
                case "ah", "al" -> "a level-sensitive latch (transparent while its control is " + (type.equals("ah") ? "1" : "0") + ")";
                case "as" -> "an asynchronous latch";
                default -> "a latch of unknown type '" + type + "' (BLIF has fe, re, ah, al, as)";
            };
            diags.error(at.get(2), ".latch of type " + type + " is " + what + ": only edge-triggered flip-flops (re, fe) are imported");
            return;
        }
        Boolean v = null;
        if (init != null) {
            Pos initAt = at.get(args.size() - 1);
            switch (init) {
                case "0" -> v = false;
                case "1" -> v = true;
                case "2", "3" -> diags.warning(initAt, "initial value " + init + " (" + (init.equals("2") ? "don't care" : "unknown")
                        + ") of latch '" + out + "': it starts at 0 in the imported circuit");
                default -> {
                    diags.error(initAt, "the initial value of a .latch is 0, 1, 2 (don't care) or 3 (unknown), not '" + init + "'");
                    return;
                }
            }
        }
        flops.add(new Flop(out, in, type == null ? "re" : type, control, v == null ? Boolean.FALSE : v, origin, linePos));
    }

    /** {@code .subckt CELL formal=actual ...} for a Yosys storage cell. */
    void subckt(String cell, Map<String, String> pins, Pos cellAt, Pos linePos, String origin, Diagnostics diags) {
        Matcher m;
        String edge;
        List<String> ins = new ArrayList<>();
        IntPredicate f;
        if ((m = DFF.matcher(cell)).matches()) {
            edge = m.group(1);
            ins.add("D");
            f = row -> bit(row, 0);
        } else if ((m = DFFE.matcher(cell)).matches()) {
            edge = m.group(1);
            boolean en = m.group(2).equals("P");
            ins.addAll(List.of("D", "E", "Q"));
            f = row -> bit(row, 1) == en ? bit(row, 0) : bit(row, 2);
        } else if ((m = SDFF.matcher(cell)).matches()) {
            edge = m.group(1);
            boolean rst = m.group(2).equals("P");
            boolean value = m.group(3).equals("1");
            ins.addAll(List.of("D", "R"));
            f = row -> bit(row, 1) == rst ? value : bit(row, 0);
        } else if ((m = SDFFE.matcher(cell)).matches()) {
            boolean ce = m.group(1).equals("C");
            edge = m.group(2);
            boolean rst = m.group(3).equals("P");
            boolean value = m.group(4).equals("1");
            boolean en = m.group(5).equals("P");
            ins.addAll(List.of("D", "R", "E", "Q"));
            f = row -> {
                boolean reset = bit(row, 1) == rst;
                boolean enabled = bit(row, 2) == en;
                if (ce) return enabled ? (reset ? value : bit(row, 0)) : bit(row, 3);
                return reset ? value : enabled ? bit(row, 0) : bit(row, 3);
            };
        } else {
            diags.error(cellAt, cell + " is a Yosys storage cell with an asynchronous set or reset, or a level-sensitive latch:"
                    + " only edge-triggered flip-flops (with enable or synchronous reset) are imported");
            return;
        }
        List<String> need = new ArrayList<>(List.of("C", "Q"));
        need.addAll(ins);
        boolean ok = true;
        for (String pin : need) {
            if (!pins.containsKey(pin)) {
                diags.error(cellAt, cell + " needs its pin " + pin + "=signal");
                ok = false;
            }
        }
        if (!ok) return;
        String q = pins.get("Q");
        diags.warning(cellAt, "BLIF gives no initial value for Yosys's " + cell + " cells: '" + q + "' starts at 0"
                + " (Yosys's dffunmap before write_blif writes .latch lines, which carry it)");
        List<String> actual = ins.stream().map(pins::get).toList();
        String in = actual.get(0);
        if (ins.size() > 1) {
            in = null; // named in finish(), once every signal name of the model is known
            pendingCovers.add(new Pending(flops.size(), actual, f, linePos));
        }
        flops.add(new Flop(q, in, edge.equals("P") ? "re" : "fe", pins.get("C"), Boolean.FALSE, origin, linePos));
    }

    private static boolean bit(int row, int i) {
        return (row >>> i & 1) == 1;
    }

    /**
     * The model's latches and its clock: checks that one clock serves them all, takes a clock input
     * out of {@code inputs}, and adds the next-state covers of cells with enable or reset to {@code nodes}.
     */
    Logic finish(String name, List<Logic.Port> inputs, List<Logic.Port> outputs, List<Logic.Node> nodes, Diagnostics diags) {
        Set<String> used = new HashSet<>();
        inputs.forEach(p -> used.add(p.name()));
        outputs.forEach(p -> used.add(p.name()));
        for (Logic.Node n : nodes) {
            used.add(n.out());
            used.addAll(n.ins());
        }
        for (Flop fl : flops) {
            used.add(fl.out());
            if (fl.in() != null) used.add(fl.in());
        }
        List<Logic.Node> allNodes = new ArrayList<>(nodes);
        List<Flop> done = new ArrayList<>(flops);
        for (Pending p : pendingCovers) {
            List<String> actual = p.ins();
            Flop fl = done.get(p.flop());
            String next = fl.out() + "$next";
            while (!used.add(next)) next += "$";
            List<String> cubes = new ArrayList<>();
            for (int row = 0; row < 1 << actual.size(); row++) {
                if (!p.f().test(row)) continue;
                StringBuilder cube = new StringBuilder();
                for (int i = 0; i < actual.size(); i++) cube.append(bit(row, i) ? '1' : '0');
                cubes.add(cube.toString());
            }
            allNodes.add(new Logic.Node(next, actual, new Logic.Cover(cubes, true), p.pos()));
            done.set(p.flop(), new Flop(fl.out(), next, fl.edge(), fl.control(), fl.init(), fl.origin(), fl.pos()));
        }
        String clock = clock(done, inputs, outputs, allNodes, diags);
        List<Logic.Port> ports = inputs.stream().filter(p -> !p.name().equals(clock)).toList();
        List<Logic.Latch> latches = done.stream().map(fl -> new Logic.Latch(fl.out(), fl.in(), fl.init(), fl.origin(), fl.pos())).toList();
        return new Logic(name, ports, outputs, allNodes, latches, clock);
    }

    private String clock(List<Flop> all, List<Logic.Port> inputs, List<Logic.Port> outputs, List<Logic.Node> nodes, Diagnostics diags) {
        Map<String, Flop> byControl = new LinkedHashMap<>();
        Map<String, Flop> byEdge = new LinkedHashMap<>();
        for (Flop fl : all) {
            if (fl.control() != null) {
                Flop first = byControl.values().stream().findFirst().orElse(null);
                if (first != null && !first.control().equals(fl.control())) {
                    diags.add(Diagnostic.error(fl.pos(), "flip-flops on two clocks, '" + first.control() + "' and '" + fl.control()
                            + "': only circuits with one clock are imported").withNotes(List.of(Diagnostic.note(first.pos(), "clocked by '" + first.control() + "' here"))));
                    return null;
                }
                byControl.putIfAbsent(fl.control(), fl);
            }
            byEdge.putIfAbsent(fl.edge(), fl);
        }
        if (byEdge.size() > 1) {
            diags.add(Diagnostic.error(byEdge.get("fe").pos(), "flip-flops on both edges of the clock (re and fe): only one edge is imported, the one that ends a cycle")
                    .withNotes(List.of(Diagnostic.note(byEdge.get("re").pos(), "a rising-edge flip-flop"))));
            return null;
        }
        String clock = byControl.isEmpty() ? null : byControl.keySet().iterator().next();
        if (byEdge.containsKey("fe")) {
            diags.warning(byEdge.get("fe").pos(), "flip-flops on the falling edge" + (clock == null ? "" : " of '" + clock + "'")
                    + ": imported on the one implicit clock, so each cycle ends at a falling edge");
        }
        if (clock == null) return null;
        Flop first = byControl.get(clock);
        if (inputs.stream().noneMatch(p -> p.name().equals(clock))) {
            diags.error(first.pos(), "the clock '" + clock + "' is not a primary input (a gated or derived clock): only flip-flops clocked by an input are imported");
            return null;
        }
        for (Logic.Node n : nodes) {
            if (n.ins().contains(clock)) {
                diags.add(Diagnostic.error(n.pos(), "the clock '" + clock + "' is also read as data by '" + n.out()
                        + "': in the imported circuit the clock is implicit, not a signal").withNotes(List.of(Diagnostic.note(first.pos(), "it clocks this flip-flop"))));
                return null;
            }
        }
        for (Flop fl : all) {
            if (clock.equals(fl.in())) {
                diags.error(fl.pos(), "the clock '" + clock + "' is also the data input of flip-flop '" + fl.out() + "': in the imported circuit the clock is implicit, not a signal");
                return null;
            }
        }
        for (Logic.Port p : outputs) {
            if (p.name().equals(clock)) {
                diags.error(p.pos(), "the clock '" + clock + "' is also an output: in the imported circuit the clock is implicit, not a signal");
                return null;
            }
        }
        return clock;
    }
}
