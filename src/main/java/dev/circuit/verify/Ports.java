package dev.circuit.verify;

import dev.circuit.diag.Diagnostic;
import dev.circuit.engine.BitMap;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches the ports of two circuits by name, for {@code circuit equiv}: every input of one is an
 * input of the other with the same width, and the same for outputs; the order may differ. What
 * does not match is reported at the port, each mismatch once.
 */
final class Ports {
    private Ports() {}

    /** Every mismatch between the ports of {@code a} and {@code b} ({@code labelA}, {@code labelB} name them in messages). */
    static List<Diagnostic> mismatches(Netlist a, String labelA, Netlist b, String labelB) {
        List<Diagnostic> out = new ArrayList<>();
        compare("input", a.inputs(), labelA, b.inputs(), labelB, b.outputs(), out);
        compare("output", a.outputs(), labelA, b.outputs(), labelB, b.inputs(), out);
        missing("input", b.inputs(), labelB, a.inputs(), labelA, a.outputs(), out);
        missing("output", b.outputs(), labelB, a.outputs(), labelA, a.inputs(), out);
        return out;
    }

    /** A's ports against B's: missing on B's side, or of another width. */
    private static void compare(String kind, List<Terminal> mine, String myLabel, List<Terminal> theirs, String theirLabel,
                                List<Terminal> theirOthers, List<Diagnostic> out) {
        missing(kind, mine, myLabel, theirs, theirLabel, theirOthers, out);
        for (Terminal t : mine) {
            Terminal u = find(theirs, t.name());
            if (u == null || u.width() == t.width()) continue;
            out.add(Diagnostic.error(u.pos(), kind + " '" + t.name() + "' is " + width(u) + " in " + theirLabel + " but "
                    + width(t) + " in " + myLabel).withNotes(List.of(Diagnostic.note(t.pos(), "'" + t.name() + "' of " + myLabel + " is here"))));
        }
    }

    /** Ports of one side that the other side does not have under that name. */
    private static void missing(String kind, List<Terminal> mine, String myLabel, List<Terminal> theirs, String theirLabel,
                                List<Terminal> theirOthers, List<Diagnostic> out) {
        for (Terminal t : mine) {
            if (find(theirs, t.name()) != null) continue;
            String other = kind.equals("input") ? "output" : "input";
            String hint = find(theirOthers, t.name()) != null ? " (it is an " + other + " there)" : "";
            out.add(Diagnostic.error(t.pos(), kind + " '" + t.name() + "' of " + myLabel + " has no " + kind + " of that name in "
                    + theirLabel + hint));
        }
    }

    private static Terminal find(List<Terminal> ts, String name) {
        return ts.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private static String width(Terminal t) {
        return t.bus() ? t.width() + (t.width() == 1 ? " bit wide" : " bits wide") : "one bit";
    }

    /** Which bits correspond, by name; the ports must match ({@link #mismatches} empty). */
    static BitMap map(Netlist a, Netlist b) {
        return new BitMap(bits(a.inputs(), b.inputs()), bits(a.outputs(), b.outputs()));
    }

    /** For each bit of {@code bs}, the index of the bit of {@code as} with the same port name and bit number. */
    private static int[] bits(List<Terminal> as, List<Terminal> bs) {
        int[] offsetA = Terminal.offsets(as);
        List<Integer> out = new ArrayList<>();
        for (Terminal t : bs) {
            int k = as.indexOf(find(as, t.name()));
            for (int bit = 0; bit < t.width(); bit++) out.add(offsetA[k] + bit);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
