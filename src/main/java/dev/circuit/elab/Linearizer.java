package dev.circuit.elab;

import dev.circuit.model.BinaryOp;
import dev.circuit.ast.Expr;
import dev.circuit.model.UnaryOp;
import dev.circuit.print.ExprText;
import dev.circuit.diag.Diagnostics;
import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a neuron's body as an activation of a weighted sum. The argument must be linear in the
 * signals: {@code w*x}, {@code x}, {@code -x}, {@code x/2}, constants, and learnable coefficients
 * {@code ?*x}. Anything else is reported with the reason.
 */
final class Linearizer {
    /** What a name in a weighted sum stands for: a variable, or a constant (a circuit parameter). */
    sealed interface Operand {
        record Var(int id) implements Operand {}
        record Const(Rational value) implements Operand {}
    }

    /** A neuron: its activation and the sum z it applies to. */
    record Shape(Activation activation, Affine z) {}

    /**
     * What the names and learnables of a sum stand for, in the caller's scope. An interface the
     * callers implement with (anonymous) classes rather than two lambdas: every short run reads a
     * neuron, and each lambda costs its linkage in the interpreter (docs/BENCHMARKS.md, "Start-up").
     */
    interface Names {
        /** What {@code ref} stands for; empty after reporting an error. */
        Optional<Operand> resolve(Expr.Ref ref);

        /** The index of the parameter a learnable coefficient is. */
        int param(Expr.Learnable l);
    }

    private final Diagnostics diags;
    private final Names names;

    Linearizer(Diagnostics diags, Names names) {
        this.diags = diags;
        this.names = names;
    }

    /** Returns true when {@code e}, at the top of a statement, is written as a neuron. */
    static boolean isNeuronForm(Expr e) {
        while (e instanceof Expr.Paren p) e = p.inner();
        if (e instanceof Expr.Call c) return c.typeArgs().isEmpty() && Activation.byName(c.name()).isPresent();
        return e instanceof Expr.Binary b && b.op().isOrdering();
    }

    /** The neuron a body describes, or empty after reporting why it is not one. */
    Optional<Shape> neuron(Expr body) {
        Expr e = body;
        while (e instanceof Expr.Paren p) e = p.inner();
        if (e instanceof Expr.Call c && Activation.byName(c.name()).isPresent()) {
            Activation act = Activation.byName(c.name()).get();
            if (!c.typeArgs().isEmpty()) {
                diags.error(c.pos(), "'" + c.name() + "' is an activation; it takes no <parameters>");
                return Optional.empty();
            }
            if (c.args().size() != 1) {
                diags.error(c.pos(), "'" + c.name() + "' takes one argument, the weighted sum; got " + c.args().size());
                return Optional.empty();
            }
            Optional<Affine> z = sum(c.args().get(0));
            return z.isEmpty() ? Optional.empty() : Optional.of(new Shape(act, z.get().normalized()));
        }
        if (e instanceof Expr.Binary b && b.op().isOrdering()) {
            Optional<Affine> l = sum(b.left());
            Optional<Affine> r = sum(b.right());
            if (l.isEmpty() || r.isEmpty()) return Optional.empty();
            Rational minus = Rational.MINUS_ONE;
            // s >= t is z = s - t >= 0; s <= t is z = t - s >= 0. Strict ones use step (z > 0).
            boolean greater = b.op() == BinaryOp.GE || b.op() == BinaryOp.GT;
            Affine z = greater ? l.get().plus(r.get().times(minus)) : r.get().plus(l.get().times(minus));
            Activation act = b.op() == BinaryOp.GE || b.op() == BinaryOp.LE ? Activation.THRESHOLD : Activation.STEP;
            return Optional.of(new Shape(act, z.normalized()));
        }
        reportNotNeuron(body, diags);
        return Optional.empty();
    }

    /**
     * Says why {@code body}, written where a neuron belongs, is not one: a misspelt activation, an
     * activation whose output is used in arithmetic, or a sum with no activation at all. The message
     * points at the start of the expression, not at an operator in its middle.
     */
    static void reportNotNeuron(Expr body, Diagnostics diags) {
        Expr e = body;
        while (e instanceof Expr.Paren p) e = p.inner();
        if (e instanceof Expr.Call c && Activation.byName(c.name()).isEmpty()) {
            List<String> names = activationNames();
            // Not "unknown": the name may well be a neuron, which a neuron's body cannot call.
            diags.error(c.pos(), "'" + c.name() + "' is not an activation" + Suggest.didYouMean(c.name(), names)
                    + " (activations: " + String.join(", ", names) + ")");
            return;
        }
        Expr.Call inner = callInside(e);
        if (inner != null && Activation.byName(inner.name()).isPresent()) {
            diags.error(start(e), "not linear: '" + ExprText.of(e) + "' does arithmetic on the output of '" + inner.name()
                    + "(...)'; an activation can only wrap the whole weighted sum (to scale its output, give it its own signal and feed that to another neuron)");
            return;
        }
        if (inner != null) {
            diags.error(start(e), "not linear: '" + ExprText.of(e) + "' does arithmetic on the output of '" + inner.name()
                    + "(...)'; give the instance its own signal and use that name in a neuron such as step(...)");
            return;
        }
        diags.error(start(e), "a neuron needs an activation around its weighted sum: step(...), sigmoid(...), linear(...), relu(...) or tanh(...), or a comparison such as 'a + b >= 2'");
    }

    private static List<String> activationNames() {
        List<String> names = new ArrayList<>();
        for (Activation a : Activation.values()) if (a != Activation.THRESHOLD) names.add(a.keyword());
        return names;
    }

    /** The first call (an activation or an instance) inside an arithmetic expression, or null. */
    private static Expr.Call callInside(Expr e) {
        if (e instanceof Expr.Call c) return c;
        if (e instanceof Expr.Paren p) return callInside(p.inner());
        if (e instanceof Expr.Unary u) return callInside(u.operand());
        if (e instanceof Expr.Binary b) {
            Expr.Call l = callInside(b.left());
            return l != null ? l : callInside(b.right());
        }
        return null;
    }

    /** Where an expression starts: a binary expression is placed at its operator, so walk to the left operand. */
    static dev.circuit.diag.Pos start(Expr e) {
        while (e instanceof Expr.Binary b) e = b.left();
        return e.pos();
    }

    /** A weighted sum, or empty after reporting why the expression is not one. */
    Optional<Affine> sum(Expr e) {
        if (e instanceof Expr.Num n) return Optional.of(Affine.constant(Coef.fixed(Rational.of(n.value()))));
        if (e instanceof Expr.Learnable l) return Optional.of(Affine.constant(Coef.learnable(names.param(l))));
        if (e instanceof Expr.Paren p) return sum(p.inner());
        if (e instanceof Expr.Ref r) {
            Optional<Operand> op = names.resolve(r);
            if (op.isEmpty()) return Optional.empty();
            return Optional.of(op.get() instanceof Operand.Var v ? Affine.variable(v.id())
                    : Affine.constant(Coef.fixed(((Operand.Const) op.get()).value())));
        }
        if (e instanceof Expr.Unary u) {
            if (u.op() == UnaryOp.NOT) return notLinear(u, "'~' is not allowed in a weighted sum");
            Optional<Affine> a = sum(u.operand());
            return u.op() == UnaryOp.NEG && a.isPresent() ? Optional.of(a.get().times(Rational.MINUS_ONE)) : a;
        }
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Call c) {
            if (Activation.byName(c.name()).isPresent()) {
                return notLinear(c, "not linear: '" + c.name() + "(...)' inside a weighted sum; an activation can only wrap the whole sum (give the inner neuron its own signal)");
            }
            return notLinear(c, "not linear: '" + c.name() + "(...)' inside a weighted sum; give the instance its own signal and use that name");
        }
        if (e instanceof Expr.Ternary t) return notLinear(t, "'? :' is not allowed in a weighted sum");
        if (e instanceof Expr.Concat c) return notLinear(c, "a concatenation is not allowed in a weighted sum");
        throw new IllegalStateException("unknown expression " + e);
    }

    private Optional<Affine> binary(Expr.Binary b) {
        BinaryOp op = b.op();
        if (!op.isLinear()) {
            if (op.isOrdering()) {
                return notLinear(b, "a comparison '" + op + "' can only be the whole neuron ('a + b >= 2'), not part of a sum");
            }
            return notLinear(b, "'" + op + "' is not allowed in a weighted sum");
        }
        if (op == BinaryOp.ADD || op == BinaryOp.SUB) return chain(b);
        Optional<Affine> lo = sum(b.left());
        Optional<Affine> ro = sum(b.right());
        if (lo.isEmpty() || ro.isEmpty()) return Optional.empty();
        Affine l = lo.get();
        Affine r = ro.get();
        switch (op) {
            case ADD: return Optional.of(l.plus(r));
            case SUB: return Optional.of(l.plus(r.times(Rational.MINUS_ONE)));
            case DIV: {
                if (!r.isConstant()) return notLinear(b, "not linear: division by a signal");
                if (!r.isFixed()) return notLinear(b, "division by a learnable coefficient is not supported");
                Rational d = r.fixedValue();
                if (d.signum() == 0) return notLinear(b, "division by zero");
                // Exact: x/3 is one third of x, not 0.3333333333333333 of it.
                return Optional.of(l.times(Rational.ONE.dividedBy(d)));
            }
            default: return product(b, l, r);
        }
    }

    /**
     * A chain of '+' and '-', {@code a + b - c + ...}, read in one pass: its operands are collected
     * down the left spine without recursion and their terms appended to one list, so a neuron of
     * 10^5 terms reads in linear time (adding two sums at a time copied the whole sum each time).
     */
    private Optional<Affine> chain(Expr.Binary top) {
        java.util.ArrayDeque<Expr> rights = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Boolean> minus = new java.util.ArrayDeque<>();
        Expr e = top;
        while (e instanceof Expr.Binary b && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)) {
            rights.push(b.right());
            minus.push(b.op() == BinaryOp.SUB);
            e = b.left();
        }
        List<Affine.Term> terms = new ArrayList<>();
        List<Coef> bias = new ArrayList<>();
        boolean ok = add(sum(e), false, terms, bias);
        while (!rights.isEmpty()) ok &= add(sum(rights.pop()), minus.pop(), terms, bias);
        return ok ? Optional.of(new Affine(terms, bias)) : Optional.empty();
    }

    private static boolean add(Optional<Affine> part, boolean negate, List<Affine.Term> terms, List<Coef> bias) {
        if (part.isEmpty()) return false;
        Affine a = negate ? part.get().times(Rational.MINUS_ONE) : part.get();
        terms.addAll(a.terms());
        bias.addAll(a.bias());
        return true;
    }

    private Optional<Affine> product(Expr.Binary b, Affine l, Affine r) {
        if (!l.isConstant() && !r.isConstant()) {
            return notLinear(b, "not linear: '" + text(b) + "' multiplies two signals; a neuron's argument must be a weighted sum of its inputs");
        }
        Affine k = l.isConstant() ? l : r;
        Affine other = l.isConstant() ? r : l;
        if (k.isFixed()) return Optional.of(other.times(k.fixedValue()));
        if (!other.isFixed()) return notLinear(b, "two learnable coefficients multiply each other; use one '?'");
        if (k.bias().size() != 1) return notLinear(b, "a learnable coefficient must stand alone as a factor ('?*x')");
        return Optional.of(other.timesParam(k.bias().get(0)));
    }

    private <T> Optional<T> notLinear(Expr at, String message) {
        diags.error(at.pos(), message);
        return Optional.empty();
    }

    private static String text(Expr.Binary b) {
        return ExprText.of(b);
    }
}
