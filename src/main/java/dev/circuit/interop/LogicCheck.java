package dev.circuit.interop;

import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks every imported netlist must pass, whatever its format: each signal driven once (by an
 * input, one node or one flip-flop), every read signal and every output driven, and no combinational
 * loop (a loop through a flip-flop is none: its output is read like an input).
 */
public final class LogicCheck {
    private LogicCheck() {}

    public static void check(Logic logic, Diagnostics diags) {
        Map<String, Logic.Node> driver = new HashMap<>();
        Set<String> inputs = new HashSet<>();
        for (Logic.Port p : logic.inputs()) {
            if (!inputs.add(p.name())) diags.error(p.pos(), "input '" + p.name() + "' is declared twice");
        }
        for (Logic.Node n : logic.nodes()) {
            if (inputs.contains(n.out())) {
                diags.error(n.pos(), "'" + n.out() + "' is an input; it cannot be driven by a gate");
            } else if (driver.containsKey(n.out())) {
                diags.add(Diagnostic.error(n.pos(), "'" + n.out() + "' is driven twice")
                        .withNotes(List.of(Diagnostic.note(driver.get(n.out()).pos(), "first driven here"))));
            } else {
                driver.put(n.out(), n);
            }
        }
        Map<String, Logic.Latch> flop = new HashMap<>();
        for (Logic.Latch l : logic.latches()) {
            Pos first = inputs.contains(l.out()) ? null : driver.containsKey(l.out()) ? driver.get(l.out()).pos()
                    : flop.containsKey(l.out()) ? flop.get(l.out()).pos() : null;
            if (inputs.contains(l.out())) {
                diags.error(l.pos(), "'" + l.out() + "' is an input; it cannot be driven by a flip-flop");
            } else if (first != null) {
                diags.add(Diagnostic.error(l.pos(), "'" + l.out() + "' is driven twice")
                        .withNotes(List.of(Diagnostic.note(first, "first driven here"))));
            } else {
                flop.put(l.out(), l);
            }
        }
        for (Logic.Node n : logic.nodes()) {
            for (String in : n.ins()) {
                if (!inputs.contains(in) && !driver.containsKey(in) && !flop.containsKey(in)) {
                    diags.error(n.pos(), "'" + in + "' is read by '" + n.out() + "' but is neither an input nor driven by a gate");
                }
            }
        }
        for (Logic.Latch l : logic.latches()) {
            if (!inputs.contains(l.in()) && !driver.containsKey(l.in()) && !flop.containsKey(l.in())) {
                diags.error(l.pos(), "'" + l.in() + "' is read by flip-flop '" + l.out() + "' but is neither an input nor driven");
            }
        }
        Set<String> outs = new HashSet<>();
        for (Logic.Port p : logic.outputs()) {
            if (!outs.add(p.name())) diags.error(p.pos(), "output '" + p.name() + "' is declared twice");
            else if (!inputs.contains(p.name()) && !driver.containsKey(p.name()) && !flop.containsKey(p.name())) {
                diags.error(p.pos(), "output '" + p.name() + "' is never driven");
            }
        }
        if (diags.hasErrors()) return;
        // Depth-first search for a loop; 1 = on the current path, 2 = done.
        Map<String, Integer> state = new HashMap<>();
        for (Logic.Node n : logic.nodes()) {
            List<String> loop = loop(n.out(), driver, state, new ArrayList<>());
            if (loop != null) {
                diags.error(driver.get(loop.get(0)).pos(), "combinational loop: " + String.join(" -> ", loop));
                return;
            }
        }
    }

    private static List<String> loop(String s, Map<String, Logic.Node> driver, Map<String, Integer> state, List<String> path) {
        Logic.Node n = driver.get(s);
        if (n == null) return null;
        Integer st = state.get(s);
        if (st != null && st == 2) return null;
        if (st != null) {
            List<String> cyc = new ArrayList<>(path.subList(path.indexOf(s), path.size()));
            cyc.add(s);
            return cyc;
        }
        state.put(s, 1);
        path.add(s);
        for (String in : n.ins()) {
            List<String> l = loop(in, driver, state, path);
            if (l != null) return l;
        }
        path.remove(path.size() - 1);
        state.put(s, 2);
        return null;
    }
}
