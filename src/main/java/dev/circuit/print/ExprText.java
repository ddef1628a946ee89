package dev.circuit.print;

import dev.circuit.model.BinaryOp;
import dev.circuit.ast.Expr;
import dev.circuit.ast.Selector;
import dev.circuit.model.UnaryOp;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one printer of expressions: the formatter, error messages and check explanations all show
 * an expression as this text. It keeps the source's own tokens (numbers as written) and its
 * parentheses, which are nodes of the AST, so none are added or lost and printing then parsing
 * gives the same expression.
 */
public final class ExprText {
    private ExprText() {}

    public static String of(Expr e) {
        if (e instanceof Expr.Num n) return n.text();
        if (e instanceof Expr.Learnable l) return l.init() == null ? "?" : "?" + number(l.init());
        if (e instanceof Expr.Ref r) return r.name() + selector(r.selector());
        if (e instanceof Expr.Call c) {
            return c.name() + typeArgs(c.typeArgs()) + "(" + c.args().stream().map(ExprText::of).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof Expr.Unary u) return u.op().symbol() + of(u.operand());
        if (e instanceof Expr.Binary b) {
            // A coefficient times a signal reads as one term (2*a, ?*x); other products are spaced.
            boolean tight = (b.op() == BinaryOp.MUL || b.op() == BinaryOp.DIV) && isFactor(b.left()) && isFactor(b.right());
            String op = b.op().symbol();
            return of(b.left()) + (tight ? op : " " + op + " ") + of(b.right());
        }
        if (e instanceof Expr.Ternary t) return of(t.cond()) + " ? " + of(t.then()) + " : " + of(t.otherwise());
        if (e instanceof Expr.Concat c) return "{" + c.parts().stream().map(ExprText::of).collect(Collectors.joining(", ")) + "}";
        if (e instanceof Expr.Paren p) return "(" + of(p.inner()) + ")";
        throw new IllegalStateException("unknown expression " + e);
    }

    public static String selector(Selector s) {
        if (s == null) return "";
        return s.isSlice() ? "[" + of(s.hi()) + ".." + of(s.index()) + "]" : "[" + of(s.index()) + "]";
    }

    public static String typeArgs(List<Expr> args) {
        return args.isEmpty() ? "" : "<" + args.stream().map(ExprText::of).collect(Collectors.joining(", ")) + ">";
    }

    /** A number that reads back as the same BigDecimal, scale included ({@code 1E+3} stays as it is). */
    public static String number(BigDecimal v) {
        return v.scale() < 0 ? v.toString() : v.toPlainString();
    }

    /** A number, a learnable or a plain name: the operands of a tight product such as 2*a. */
    private static boolean isFactor(Expr e) {
        return e instanceof Expr.Num || e instanceof Expr.Learnable || (e instanceof Expr.Ref r && r.selector() == null)
                || (e instanceof Expr.Unary u && u.op() == UnaryOp.NEG && isFactor(u.operand()));
    }
}
