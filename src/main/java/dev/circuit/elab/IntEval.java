package dev.circuit.elab;

import dev.circuit.model.BinaryOp;
import dev.circuit.ast.Expr;
import dev.circuit.model.UnaryOp;
import dev.circuit.print.ExprText;
import dev.circuit.diag.Diagnostics;
import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/** Integer expressions of the elaborator: bus widths, indices, loop bounds, circuit parameters. */
final class IntEval {
    private IntEval() {}

    /** The value, or empty after reporting an error. {@code env} gives parameters and loop variables. */
    static OptionalLong eval(Expr e, Map<String, Long> env, Diagnostics diags) {
        try {
            return OptionalLong.of(value(e, env::get));
        } catch (Bad b) {
            diags.error(b.at.pos(), b.getMessage());
            return OptionalLong.empty();
        } catch (ArithmeticException a) {
            diags.error(e.pos(), "integer overflow in '" + ExprText.of(e) + "'");
            return OptionalLong.empty();
        }
    }

    private static long value(Expr e, Function<String, Long> env) {
        if (e instanceof Expr.Num n) {
            BigDecimal v = n.value();
            if (v.stripTrailingZeros().scale() > 0) throw new Bad(e, "expected a whole number, found " + n.text());
            return v.longValueExact();
        }
        if (e instanceof Expr.Paren p) return value(p.inner(), env);
        if (e instanceof Expr.Ref r && r.selector() == null) {
            Long v = env.apply(r.name());
            if (v == null) throw new Bad(e, "'" + r.name() + "' is not a parameter or loop variable here; integer expressions use only those");
            return v;
        }
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NEG) return Math.negateExact(value(u.operand(), env));
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.PLUS) return value(u.operand(), env);
        if (e instanceof Expr.Binary b) {
            long l = value(b.left(), env);
            long r = value(b.right(), env);
            switch (b.op()) {
                case ADD: return Math.addExact(l, r);
                case SUB: return Math.subtractExact(l, r);
                case MUL: return Math.multiplyExact(l, r);
                case DIV:
                case MOD:
                    if (r == 0) throw new Bad(b, "division by zero");
                    return b.op() == BinaryOp.DIV ? Math.floorDiv(l, r) : Math.floorMod(l, r);
                default: break;
            }
        }
        throw new Bad(e, "'" + ExprText.of(e) + "' is not an integer expression");
    }

    private static final class Bad extends RuntimeException {
        final Expr at;

        Bad(Expr at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
