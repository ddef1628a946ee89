package dev.circuit.elab;

import dev.circuit.ast.Expr;
import dev.circuit.ast.Selector;
import java.util.stream.Collectors;

/** Short source-like text of expressions, for messages. */
final class Printing {
    private Printing() {}

    static String expr(Expr e) {
        if (e instanceof Expr.Num n) return n.text();
        if (e instanceof Expr.Learnable l) return l.init() == null ? "?" : "?" + l.init().toPlainString();
        if (e instanceof Expr.Ref r) return r.name() + selector(r.selector());
        if (e instanceof Expr.Paren p) return "(" + expr(p.inner()) + ")";
        if (e instanceof Expr.Unary u) return u.op() + expr(u.operand());
        if (e instanceof Expr.Binary b) return expr(b.left()) + b.op() + expr(b.right());
        if (e instanceof Expr.Ternary t) return expr(t.cond()) + " ? " + expr(t.then()) + " : " + expr(t.otherwise());
        if (e instanceof Expr.Concat c) return c.parts().stream().map(Printing::expr).collect(Collectors.joining(", ", "{", "}"));
        if (e instanceof Expr.Call c) {
            String ta = c.typeArgs().isEmpty() ? "" : c.typeArgs().stream().map(Printing::expr).collect(Collectors.joining(",", "<", ">"));
            return c.name() + ta + c.args().stream().map(Printing::expr).collect(Collectors.joining(", ", "(", ")"));
        }
        return e.toString();
    }

    static String selector(Selector s) {
        if (s == null) return "";
        return s.isSlice() ? "[" + expr(s.hi()) + ".." + expr(s.index()) + "]" : "[" + expr(s.index()) + "]";
    }
}
