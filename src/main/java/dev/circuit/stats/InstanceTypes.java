package dev.circuit.stats;

import dev.circuit.ast.Assign;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.Expr;
import dev.circuit.ast.ForLoop;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.ast.SourceFile;
import dev.circuit.ast.Stmt;
import dev.circuit.elab.Program;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which definition an instance path names. The elaborator names an instance after the first signal
 * it drives ({@code s1}, {@code s[0]}, {@code t.2} inside loops), so within a circuit the signal's base
 * name leads back to the statement, and the statement's call to the definition.
 */
public final class InstanceTypes {
    /** circuit name -> (driven signal name -> called circuit or neuron name). */
    private final Map<String, Map<String, String>> calls = new HashMap<>();
    private final Set<String> circuits = new HashSet<>();

    private InstanceTypes() {}

    public static InstanceTypes of(Program program) {
        InstanceTypes t = new InstanceTypes();
        Set<String> callable = new HashSet<>();
        for (SourceFile f : program.files()) {
            for (CircuitDecl c : f.decls(CircuitDecl.class)) callable.add(c.name().name());
            for (NeuronDecl n : f.decls(NeuronDecl.class)) callable.add(n.name().name());
        }
        for (SourceFile f : program.files()) {
            for (CircuitDecl c : f.decls(CircuitDecl.class)) {
                t.circuits.add(c.name().name());
                Map<String, String> m = t.calls.computeIfAbsent(c.name().name(), k -> new HashMap<>());
                for (Stmt s : c.body()) collect(s, m, callable);
            }
        }
        return t;
    }

    private static void collect(Stmt s, Map<String, String> m, Set<String> callable) {
        if (s instanceof ForLoop f) {
            for (Stmt inner : f.body()) collect(inner, m, callable);
        } else if (s instanceof Assign a) {
            Expr v = a.value();
            while (v instanceof Expr.Paren p) v = p.inner();
            if (v instanceof Expr.Call c && callable.contains(c.name())) m.put(a.targets().get(0).name(), c.name());
        }
    }

    /** The circuit a top path component ({@code adder_n<16>}) stands for, or null. */
    String topDefinition(String component) {
        String base = component.replaceFirst("<.*$", "");
        return circuits.contains(base) ? base : null;
    }

    /** The definition instantiated as {@code component} inside {@code circuit}, or null. */
    String callee(String circuit, String component) {
        Map<String, String> m = calls.get(circuit);
        if (m == null) return null;
        return m.get(component.replaceFirst("[\\[.].*$", ""));
    }
}
