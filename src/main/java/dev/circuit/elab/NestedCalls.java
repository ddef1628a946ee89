package dev.circuit.elab;

import dev.circuit.ast.Assign;
import dev.circuit.ast.Expr;
import dev.circuit.ast.Stmt;
import dev.circuit.print.ExprText;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls written as arguments, {@code y = nand(nand(a, t), nand(b, t))}, become statements of their
 * own before a block is elaborated: each inner call drives a hidden signal named after its place,
 * {@code y.1} and {@code y.2} (the first and second argument of the call that drives {@code y}),
 * and the outer call reads that signal. A '.' cannot appear in a name a user writes, so the hidden
 * names never clash, and traces and messages show where each inner neuron was written.
 */
final class NestedCalls {
    private NestedCalls() {}

    static List<Stmt> flatten(List<Stmt> stmts) {
        List<Stmt> out = null;
        for (int i = 0; i < stmts.size(); i++) {
            Stmt st = stmts.get(i);
            if (st instanceof Assign a && hasCallArgument(a.value())) {
                if (out == null) out = new ArrayList<>(stmts.subList(0, i));
                Assign.Target t = a.targets().get(0);
                String base = t.name() + ExprText.selector(t.selector());
                out.add(new Assign(a.targets(), lift((Expr.Call) unparen(a.value()), base, out), a.pos()));
            } else if (out != null) {
                out.add(st);
            }
        }
        return out == null ? stmts : out;
    }

    /** The call with each call among its arguments replaced by a hidden signal that it drives. */
    private static Expr.Call lift(Expr.Call c, String base, List<Stmt> out) {
        List<Expr> args = new ArrayList<>();
        for (int k = 0; k < c.args().size(); k++) {
            Expr arg = c.args().get(k);
            if (unparen(arg) instanceof Expr.Call inner) {
                String name = base + "." + (k + 1);
                Expr value = hasCallArgument(inner) ? lift(inner, name, out) : inner;
                out.add(new Assign(List.of(new Assign.Target(name, null, inner.pos())), value, inner.pos()));
                args.add(new Expr.Ref(name, null, arg.pos()));
            } else {
                args.add(arg);
            }
        }
        return new Expr.Call(c.name(), c.typeArgs(), args, c.pos());
    }

    /** True for the name of a signal made here: only these contain a '.'. */
    static boolean isHidden(String name) {
        return name.indexOf('.') >= 0;
    }

    private static boolean hasCallArgument(Expr e) {
        if (!(unparen(e) instanceof Expr.Call c)) return false;
        for (Expr a : c.args()) if (unparen(a) instanceof Expr.Call) return true;
        return false;
    }

    private static Expr unparen(Expr e) {
        while (e instanceof Expr.Paren p) e = p.inner();
        return e;
    }
}
