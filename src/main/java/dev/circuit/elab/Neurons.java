package dev.circuit.elab;

import static dev.circuit.elab.Words.count;

import dev.circuit.ast.Assign;
import dev.circuit.ast.Expr;
import dev.circuit.ast.Ident;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.diag.Diagnostics;
import dev.circuit.model.Rational;
import dev.circuit.print.ExprText;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Neurons into the graph: each neuron declaration read once as a weighted sum over its inputs (and
 * its errors reported once, however often it is called), and the two statements that make one
 * neuron, a call of a declared neuron ({@code g = nand(a, b)}) and a neuron written in place
 * ({@code y = step(a + b - 1)}).
 */
final class Neurons {
    private final Definitions defs;
    private final NetGraph graph;
    private final Signals signals;
    private final Diagnostics diags;
    /**
     * By identity: a declaration is one object, and a record's hashCode walks its whole expression,
     * which cost more than the rest of a call when a loop makes millions of them.
     */
    private final Map<NeuronDecl, Optional<Linearizer.Shape>> shapes = new IdentityHashMap<>();

    Neurons(Definitions defs, NetGraph graph, Signals signals, Diagnostics diags) {
        this.defs = defs;
        this.graph = graph;
        this.signals = signals;
        this.diags = diags;
    }

    /** {@code g = nand(a, b)}: one neuron of declaration {@code nd}, named {@code name} under the scope's path. */
    void call(Assign a, Expr.Call c, NeuronDecl nd, List<int[]> targets, Scope s, String name) {
        String n = nd.name().name();
        if (!c.typeArgs().isEmpty()) {
            diags.error(c.pos(), "neuron '" + n + "' takes no <parameters>");
            return;
        }
        if (targets.size() != 1 || targets.get(0).length != 1) {
            diags.error(a.pos(), "neuron '" + n + "' has one output, but " + bits(targets) + " are assigned");
            return;
        }
        if (c.args().size() != nd.params().size()) {
            diags.error(c.pos(), "neuron '" + n + "' takes " + count(nd.params().size(), "input") + " ("
                    + nd.params().stream().map(Ident::name).collect(Collectors.joining(", ")) + "), got " + c.args().size());
            return;
        }
        int[] args = new int[c.args().size()];
        boolean ok = true;
        for (int i = 0; i < args.length; i++) {
            int[] nets = signals.sourceNets(c.args().get(i), s, 1);
            if (nets == null) {
                ok = false;
            } else if (nets.length != 1) {
                diags.error(c.args().get(i).pos(), "input '" + nd.params().get(i).name() + "' of neuron '" + n
                        + "' is one signal; this is " + nets.length + " bits wide");
                ok = false;
            } else {
                args[i] = nets[0];
            }
        }
        Optional<Linearizer.Shape> shape = shape(nd);
        if (!ok || shape.isEmpty()) return;
        int out = targets.get(0)[0];
        graph.driveByNextNeuron(out, a.pos(), name);
        graph.addNeuron(s.path + "/" + name, shape.get(), args, out, a.pos());
    }

    /** {@code y = step(a + b - 1)}: a neuron written in place, reading the scope's signals and parameters. */
    void inline(Assign a, Expr rhs, List<int[]> targets, Scope s, String name) {
        if (targets.size() != 1 || targets.get(0).length != 1) {
            diags.error(a.pos(), "a neuron has one output, but " + bits(targets) + " are assigned");
            return;
        }
        Linearizer lin = new Linearizer(diags, new Linearizer.Names() {
            @Override
            public Optional<Linearizer.Operand> resolve(Expr.Ref ref) {
                if (s.lookup(ref.name()) == null && s.isInt(ref.name()) && ref.selector() == null) {
                    return Optional.of(new Linearizer.Operand.Const(Rational.of(s.ints.get(ref.name()))));
                }
                int[] nets = signals.sourceNets(ref, s, 1);
                if (nets == null) return Optional.empty();
                if (nets.length != 1) {
                    diags.error(ref.pos(), "'" + ExprText.of(ref) + "' is " + nets.length + " bits wide; a neuron reads single signals (index it: "
                            + ref.name() + "[0])");
                    return Optional.empty();
                }
                return Optional.of(new Linearizer.Operand.Var(nets[0]));
            }

            @Override
            public int param(Expr.Learnable l) {
                return graph.param(l);
            }
        });
        Optional<Linearizer.Shape> shape = lin.neuron(rhs);
        if (shape.isEmpty()) return;
        int out = targets.get(0)[0];
        graph.driveByNextNeuron(out, a.pos(), name);
        // Variables are nets already.
        graph.addNeuron(s.path + "/" + name, shape.get(), null, out, a.pos());
    }

    /** A neuron declaration read once as a weighted sum over its parameters (variables 0..k-1). */
    Optional<Linearizer.Shape> shape(NeuronDecl nd) {
        Optional<Linearizer.Shape> known = shapes.get(nd);
        if (known != null) return known;
        Map<String, Integer> index = new HashMap<>();
        boolean[] used = new boolean[nd.params().size()];
        for (int i = 0; i < nd.params().size(); i++) {
            Ident p = nd.params().get(i);
            if (index.putIfAbsent(p.name(), i) != null) diags.error(p.pos(), "input '" + p.name() + "' is listed twice");
        }
        Linearizer lin = new Linearizer(diags, new Linearizer.Names() {
            @Override
            public Optional<Linearizer.Operand> resolve(Expr.Ref ref) {
                Integer i = index.get(ref.name());
                if (i == null) {
                    diags.error(ref.pos(), "unknown input '" + ref.name() + "' in neuron '" + nd.name().name() + "'"
                            + Suggest.didYouMean(ref.name(), index.keySet()));
                    return Optional.empty();
                }
                if (ref.selector() != null) {
                    diags.error(ref.pos(), "'" + ref.name() + "' is a single signal; it cannot be indexed");
                    return Optional.empty();
                }
                used[i] = true;
                return Optional.of(new Linearizer.Operand.Var(i));
            }

            @Override
            public int param(Expr.Learnable l) {
                return graph.param(l);
            }
        });
        Optional<Linearizer.Shape> shape;
        if (Elaborator.unparen(nd.body()) instanceof Expr.Call c && (defs.neuron(c.name()) != null || defs.circuit(c.name()) != null)) {
            diags.error(c.pos(), "a neuron cannot use '" + c.name() + "': its body is one activation of a weighted sum of its inputs; to combine neurons, write a circuit");
            shape = Optional.empty();
        } else {
            shape = lin.neuron(nd.body());
        }
        if (shape.isPresent()) {
            for (int i = 0; i < used.length; i++) {
                if (!used[i]) diags.warning(nd.params().get(i).pos(), "input '" + nd.params().get(i).name()
                        + "' of neuron '" + nd.name().name() + "' is never used");
            }
        }
        shapes.put(nd, shape);
        return shape;
    }

    private static String bits(List<int[]> targets) {
        int n = 0;
        for (int[] t : targets) n += t.length;
        return count(n, "signal");
    }
}
