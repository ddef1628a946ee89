package dev.circuit.elab;

import dev.circuit.ast.Assign;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.Expr;
import dev.circuit.ast.ForLoop;
import dev.circuit.ast.Ident;
import dev.circuit.ast.Port;
import dev.circuit.ast.Selector;
import dev.circuit.ast.Stmt;
import dev.circuit.ast.FeedbackDecl;
import dev.circuit.ast.WireDecl;
import dev.circuit.diag.Diagnostics;
import dev.circuit.model.Activation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What can be checked of a generic circuit that no command, test or check instantiates, without
 * its arguments: every neuron or circuit it calls exists, and every name it reads is declared
 * somewhere in it (a port, a wire, a signal it drives, a parameter or a loop variable). Widths,
 * indices and loops need the arguments; an instance checks those.
 */
final class GenericCheck {
    private final Definitions defs;
    private final Diagnostics diags;
    private final Set<String> declared = new LinkedHashSet<>();

    private GenericCheck(Definitions defs, Diagnostics diags) {
        this.defs = defs;
        this.diags = diags;
    }

    static void check(CircuitDecl c, Definitions defs, Diagnostics diags) {
        GenericCheck g = new GenericCheck(defs, diags);
        for (Ident p : c.typeParams()) g.declared.add(p.name());
        for (Port p : c.inputs()) g.declared.add(p.name());
        for (Port p : c.outputs()) g.declared.add(p.name());
        g.declare(c.body());
        for (Port p : c.inputs()) g.width(p);
        for (Port p : c.outputs()) g.width(p);
        g.read(c.body());
    }

    private void declare(List<Stmt> body) {
        for (Stmt st : body) {
            if (st instanceof WireDecl w) for (Port p : w.wires()) declared.add(p.name());
            else if (st instanceof FeedbackDecl f) for (FeedbackDecl.Wire w : f.wires()) declared.add(w.port().name());
            else if (st instanceof Assign a) for (Assign.Target t : a.targets()) declared.add(t.name());
            else if (st instanceof ForLoop f) {
                declared.add(f.var().name());
                declare(f.body());
            }
        }
    }

    private void read(List<Stmt> body) {
        for (Stmt st : body) {
            if (st instanceof WireDecl w) for (Port p : w.wires()) width(p);
            else if (st instanceof FeedbackDecl f) for (FeedbackDecl.Wire w : f.wires()) width(w.port());
            else if (st instanceof Assign a) {
                for (Assign.Target t : a.targets()) selector(t.selector());
                expr(a.value());
            } else if (st instanceof ForLoop f) {
                expr(f.from());
                expr(f.to());
                read(f.body());
            }
        }
    }

    private void width(Port p) {
        if (p.width() != null) expr(p.width());
    }

    private void selector(Selector s) {
        if (s == null) return;
        expr(s.index());
        if (s.hi() != null) expr(s.hi());
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Ref r) {
            if (!declared.contains(r.name())) {
                diags.error(r.pos(), "unknown signal '" + r.name() + "'" + Suggest.didYouMean(r.name(), declared));
            }
            selector(r.selector());
        } else if (e instanceof Expr.Call c) {
            boolean activation = Activation.byName(c.name()).isPresent() || c.name().equals(Elaborator.DFF);
            if (!activation && defs.neuron(c.name()) == null && defs.circuit(c.name()) == null) {
                List<String> names = new ArrayList<>(defs.names());
                for (Activation a : Activation.values()) if (a != Activation.THRESHOLD) names.add(a.keyword());
                diags.error(c.pos(), "unknown neuron or circuit '" + c.name() + "'" + Suggest.didYouMean(c.name(), names));
            }
            for (Expr t : c.typeArgs()) expr(t);
            for (Expr a : c.args()) expr(a);
        } else if (e instanceof Expr.Paren p) {
            expr(p.inner());
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (e instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.Ternary t) {
            expr(t.cond());
            expr(t.then());
            expr(t.otherwise());
        } else if (e instanceof Expr.Concat c) {
            for (Expr p : c.parts()) expr(p);
        }
    }
}
