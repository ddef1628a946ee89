package dev.circuit.elab;

import dev.circuit.ast.CircuitDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The names visible in one circuit instance, or in one iteration of a loop inside it. */
final class Scope {
    final Scope parent;
    /** The instance's path from the top ({@code adder/fa3}), the prefix of its nets' names. */
    final String path;
    /** The loop iterations this scope is in ({@code .2.0}), so each iteration's signals get their own names. */
    final String suffix;
    final CircuitDecl circuit;
    /** The integer parameters and loop variables in scope. */
    final Map<String, Long> ints;
    final Map<String, Sig> sigs = new LinkedHashMap<>();

    Scope(Scope parent, String path, String suffix, CircuitDecl circuit, Map<String, Long> ints) {
        this.parent = parent;
        this.path = path;
        this.suffix = suffix;
        this.circuit = circuit;
        this.ints = ints;
    }

    Sig lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Sig sig = s.sigs.get(name);
            if (sig != null) return sig;
        }
        return null;
    }

    boolean isInt(String name) {
        return ints.containsKey(name);
    }

    List<String> visibleNames() {
        List<String> out = new ArrayList<>(ints.keySet());
        for (Scope s = this; s != null; s = s.parent) out.addAll(s.sigs.keySet());
        return out;
    }

    String circuitName() {
        return circuit == null ? "" : circuit.name().name();
    }
}
