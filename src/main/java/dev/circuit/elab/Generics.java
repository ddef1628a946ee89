package dev.circuit.elab;

import static dev.circuit.elab.Words.count;

import dev.circuit.ast.Assign;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.Expr;
import dev.circuit.ast.Ident;
import dev.circuit.ast.Port;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The integer side of circuits: binding a generic circuit's {@code <parameters>}, the width of each
 * port under them, and the key that names an instance ({@code adder_n<8>}).
 */
final class Generics {
    /** Buses are at most this wide. */
    private static final int MAX_WIDTH = 1 << 20;

    private final Definitions defs;
    private final Diagnostics diags;

    Generics(Definitions defs, Diagnostics diags) {
        this.defs = defs;
        this.diags = diags;
    }

    /** {@code cd}'s parameters bound to {@code args} (evaluated in {@code env}), or null after an error. */
    Map<String, Long> typeArgs(CircuitDecl cd, List<Expr> args, Map<String, Long> env, Pos at) {
        if (args.size() != cd.typeParams().size()) {
            String n = cd.name().name();
            if (cd.typeParams().isEmpty()) diags.error(at, "circuit '" + n + "' takes no <parameters>");
            else diags.error(at, "circuit '" + n + "' takes " + count(cd.typeParams().size(), "parameter") + " <"
                    + cd.typeParams().stream().map(Ident::name).collect(Collectors.joining(", ")) + ">, got " + args.size());
            return null;
        }
        Map<String, Long> ints = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            OptionalLong v = IntEval.eval(args.get(i), env, diags);
            if (v.isEmpty()) return null;
            ints.put(cd.typeParams().get(i).name(), v.getAsLong());
        }
        return ints;
    }

    /** A port's width in bits under {@code ints}, or -1 after reporting why it has none. */
    int width(Port p, Map<String, Long> ints) {
        if (!p.isBus()) return 1;
        OptionalLong w = IntEval.eval(p.width(), ints, diags);
        if (w.isEmpty()) return -1;
        if (w.getAsLong() < 1 || w.getAsLong() > MAX_WIDTH) {
            diags.error(p.width().pos(), "a bus is 1 to " + MAX_WIDTH + " bits wide; '" + p.name() + "' would be " + w.getAsLong());
            return -1;
        }
        return (int) w.getAsLong();
    }

    /**
     * For {@code (s, c) = adder_n<4>(...)}: each output's width, negative for a bus; null when the
     * right side is not a circuit instance or its widths cannot be known yet (errors come later).
     */
    int[] instanceOutputWidths(Assign a, Scope s) {
        Expr rhs = Elaborator.unparen(a.value());
        if (!(rhs instanceof Expr.Call c) || defs.circuit(c.name()) == null) return null;
        CircuitDecl cd = defs.circuit(c.name());
        if (c.typeArgs().size() != cd.typeParams().size()) return null;
        Diagnostics quiet = new Diagnostics();
        Map<String, Long> ints = new HashMap<>();
        for (int i = 0; i < c.typeArgs().size(); i++) {
            OptionalLong v = IntEval.eval(c.typeArgs().get(i), s.ints, quiet);
            if (v.isEmpty()) return null;
            ints.put(cd.typeParams().get(i).name(), v.getAsLong());
        }
        int[] w = new int[cd.outputs().size()];
        for (int i = 0; i < w.length; i++) {
            Port p = cd.outputs().get(i);
            if (!p.isBus()) {
                w[i] = 1;
                continue;
            }
            OptionalLong v = IntEval.eval(p.width(), ints, quiet);
            if (v.isEmpty() || v.getAsLong() < 1 || v.getAsLong() > MAX_WIDTH) return null;
            w[i] = (int) -v.getAsLong();
        }
        return w;
    }

    /** {@code adder_n<8>}, or the bare name of a circuit without parameters. */
    static String instanceKey(CircuitDecl cd, Map<String, Long> ints) {
        if (ints.isEmpty()) return cd.name().name();
        return cd.name().name() + ints.values().stream().map(String::valueOf).collect(Collectors.joining(",", "<", ">"));
    }
}
