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
    /** Widest concatenation: 16 of the widest buses. */
    static final int MAX_CONCAT = 1 << 24;

    private final List<Terminal> terms;
    private final Map<String, Long> params;
    private final Diagnostics diags;

    private PropBinder(Netlist net, Map<String, Long> params, Diagnostics diags) {
        this.terms = net.terminals();
        this.params = params;
        this.diags = diags;
    }

    /** The property, or null after reporting why it cannot be one. */
    static Prop bind(Expr property, Netlist net, Map<String, Long> params, Diagnostics diags) {
        int before = diags.errorsReported();
        Prop p = new PropBinder(net, params, diags).node(property);
        return diags.errorsReported() > before ? null : p;
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
        if (e instanceof Expr.Call c) return bad(e, "a check cannot call '" + c.name() + "'; it reads the circuit's inputs and outputs");
        return bad(e, "unsupported expression in a check");
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
        Selector s = r.selector();
        if (s == null) return new Prop.Term(idx, 0, term.width(), text, r.pos());
        if (!term.bus()) return bad(r, "'" + r.name() + "' is a single signal; it cannot be indexed");
        OptionalLong lo = IntEval.eval(s.index(), params, diags);
        OptionalLong hi = s.isSlice() ? IntEval.eval(s.hi(), params, diags) : lo;
        if (lo.isEmpty() || hi.isEmpty()) return null;
        long l = lo.getAsLong();
        long h = hi.getAsLong();
        if (l < 0 || h >= term.width() || h < l) {
            return bad(r, "bits " + h + ".." + l + " are outside '" + r.name() + "[" + term.width() + "]' (or not high..low)");
        }
        return new Prop.Term(idx, (int) l, (int) (h - l + 1), text, r.pos());
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
