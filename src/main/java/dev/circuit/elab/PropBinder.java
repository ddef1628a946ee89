package dev.circuit.elab;

import dev.circuit.ast.Expr;
import dev.circuit.ast.Selector;
import dev.circuit.diag.Diagnostics;
import dev.circuit.model.Netlist;
import dev.circuit.model.Prop;
import dev.circuit.model.Terminal;
import dev.circuit.model.UnaryOp;
import dev.circuit.print.ExprText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Binds a check's property to its circuit: names become terminal slices or the circuit's integer
 * parameters, indices become numbers, widths are computed, and everything a property cannot mean
 * is reported at its place. The result ({@link Prop}) is what every engine interprets.
 */
final class PropBinder {
    /** {@code prev(x)}: x's value in the previous cycle, in a check over cycles. */
    static final String PREV = "prev";
    /** Widest concatenation: 16 of the widest buses. */
    static final int MAX_CONCAT = 1 << 24;

    private final List<Terminal> terms;
    private final Map<String, Long> params;
    private final Diagnostics diags;
    /** Whether the check runs over cycles, so that {@code prev} means something. */
    private final boolean overTime;
    /** How many {@code prev( )} enclose the node being bound. */
    private int back;

    private PropBinder(Netlist net, Map<String, Long> params, Diagnostics diags, boolean overTime) {
        this.terms = net.terminals();
        this.params = params;
        this.diags = diags;
        this.overTime = overTime;
    }

    /**
     * The property, or null after reporting why it cannot be one. In a check over cycles
     * ({@code overTime}), {@code prev(x)} reads x one cycle back: a terminal read k cycles back is
     * bound as terminal {@code k * T + i}, T being the number of terminals, so every interpreter
     * reads it from a row of terminal values that holds the last cycles one after another.
     */
    static Prop bind(Expr property, Netlist net, Map<String, Long> params, Diagnostics diags, boolean overTime) {
        int before = diags.errorsReported();
        Prop p = new PropBinder(net, params, diags, overTime).node(property);
        return diags.errorsReported() > before ? null : p;
    }

    /** How many cycles back a bound property reads: 0 when it uses no {@code prev}. */
    static int history(Prop p, Netlist net) {
        int t = net.terminals().size();
        return p.accept(new Prop.Visitor<Integer>() {
            @Override public Integer term(Prop.Term x) {
                return x.terminal() / t;
            }

            @Override public Integer constant(Prop.Const c) {
                return 0;
            }

            @Override public Integer concat(Prop.Concat c) {
                return c.parts().stream().mapToInt(q -> q.accept(this)).max().orElse(0);
            }

            @Override public Integer unary(Prop.Unary u) {
                return u.operand().accept(this);
            }

            @Override public Integer binary(Prop.Binary b) {
                return Math.max(b.left().accept(this), b.right().accept(this));
            }

            @Override public Integer ternary(Prop.Ternary x) {
                return Math.max(x.cond().accept(this), Math.max(x.then().accept(this), x.otherwise().accept(this)));
            }
        });
    }

    private Prop node(Expr e) {
        String text = ExprText.of(e);
        while (e instanceof Expr.Paren p) e = p.inner();
        if (e instanceof Expr.Num n) {
            BigDecimal v = n.value();
            if (v.stripTrailingZeros().scale() > 0) return bad(e, "a check works on whole numbers; '" + n.text() + "' is not one");
            return new Prop.Const(v.toBigIntegerExact(), text, e.pos());
        }
        if (e instanceof Expr.Ref r) return ref(r, text);
        if (e instanceof Expr.Concat c) return concat(c, text);
        if (e instanceof Expr.Unary u) {
            Prop a = node(u.operand());
            if (a == null) return null;
            if (u.op() == UnaryOp.NOT && a.width() < 0) {
                return bad(u, "'~' needs a width: apply it to a signal, a slice or a concatenation");
            }
            return new Prop.Unary(u.op(), a, text, u.pos());
        }
        if (e instanceof Expr.Binary b) {
            Prop l = node(b.left());
            Prop r = node(b.right());
            return l == null || r == null ? null : new Prop.Binary(b.op(), l, r, text, b.pos());
        }
        if (e instanceof Expr.Ternary t) {
            Prop c = node(t.cond());
            Prop a = node(t.then());
            Prop b = node(t.otherwise());
            return c == null || a == null || b == null ? null : new Prop.Ternary(c, a, b, text, t.pos());
        }
        if (e instanceof Expr.Learnable) return bad(e, "a learnable '?' has no meaning in a check");
        if (e instanceof Expr.Call c && c.name().equals(PREV)) return prev(c);
        if (e instanceof Expr.Call c) return bad(e, "a check cannot call '" + c.name() + "'; it reads the circuit's inputs and outputs");
        return bad(e, "unsupported expression in a check");
    }

    private Prop prev(Expr.Call c) {
        if (!overTime) {
            return bad(c, "'prev' reads the previous cycle, so it needs a check over cycles: 'check NAME for 8 cycles: ...'");
        }
        if (c.args().size() != 1 || !c.typeArgs().isEmpty()) return bad(c, "'prev' takes one expression: prev(q)");
        back++;
        try {
            return node(c.args().get(0));
        } finally {
            back--;
        }
    }

    private Prop ref(Expr.Ref r, String text) {
        int idx = -1;
        for (int i = 0; i < terms.size() && idx < 0; i++) if (terms.get(i).name().equals(r.name())) idx = i;
        if (idx < 0) {
            if (params.containsKey(r.name()) && r.selector() == null) return new Prop.Const(BigInteger.valueOf(params.get(r.name())), text, r.pos());
            List<String> names = new ArrayList<>(terms.stream().map(Terminal::name).toList());
            return bad(r, "'" + r.name() + "' is not an input or output of the circuit (" + String.join(", ", names) + ")"
                    + Suggest.didYouMean(r.name(), names));
        }
        Terminal term = terms.get(idx);
        if (back > 0) text = "prev(".repeat(back) + text + ")".repeat(back);
        int at = idx + back * terms.size();
        Selector s = r.selector();
        if (s == null) return new Prop.Term(at, 0, term.width(), text, r.pos());
        if (!term.bus()) return bad(r, "'" + r.name() + "' is a single signal; it cannot be indexed");
        OptionalLong lo = IntEval.eval(s.index(), params, diags);
        OptionalLong hi = s.isSlice() ? IntEval.eval(s.hi(), params, diags) : lo;
        if (lo.isEmpty() || hi.isEmpty()) return null;
        long l = lo.getAsLong();
        long h = hi.getAsLong();
        if (l < 0 || h >= term.width() || h < l) {
            return bad(r, "bits " + h + ".." + l + " are outside '" + r.name() + "[" + term.width() + "]' (or not high..low)");
        }
        return new Prop.Term(at, (int) l, (int) (h - l + 1), text, r.pos());
    }

    private Prop concat(Expr.Concat c, String text) {
        List<Prop> parts = new ArrayList<>();
        long total = 0;
        for (Expr p : c.parts()) {
            Prop n = node(p);
            if (n == null) return null;
            if (n.width() < 0) return bad(p, "each part of a concatenation needs a width: a signal, a slice or a concatenation");
            parts.add(n);
            total += n.width();
        }
        // Widths are ints; a concatenation of many whole buses could add up past them.
        if (total > MAX_CONCAT) return bad(c, "the concatenation is " + total + " bits wide; checks handle up to " + MAX_CONCAT);
        return new Prop.Concat(parts, text, c.pos());
    }

    private Prop bad(Expr at, String message) {
        diags.error(at.pos(), message);
        return null;
    }
}
