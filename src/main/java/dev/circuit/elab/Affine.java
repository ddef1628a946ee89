package dev.circuit.elab;

import dev.circuit.model.Coef;
import dev.circuit.model.Rational;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A weighted sum {@code sum(coef * var) + sum(bias)} over abstract variables (a neuron's parameters,
 * or nets). Fixed coefficients on the same variable are merged; learnable ones stay apart, since
 * each is its own parameter.
 *
 * <p>Loops rather than streams: every short run elaborates through here, and each stream or lambda
 * costs its linkage in the interpreter (docs/BENCHMARKS.md, "Start-up").
 */
record Affine(List<Term> terms, List<Coef> bias) {
    record Term(int var, Coef coef) {}

    Affine {
        terms = List.copyOf(terms);
        bias = List.copyOf(bias);
    }

    static Affine constant(Coef c) {
        return new Affine(List.of(), List.of(c));
    }

    static Affine variable(int var) {
        return new Affine(List.of(new Term(var, Coef.fixed(Rational.ONE))), List.of());
    }

    boolean isConstant() {
        return terms.isEmpty();
    }

    boolean isFixed() {
        for (Term t : terms) if (!t.coef().isFixed()) return false;
        for (Coef c : bias) if (!c.isFixed()) return false;
        return true;
    }

    /** The value when this is a fixed constant. */
    Rational fixedValue() {
        Rational sum = Rational.ZERO;
        for (Coef c : bias) sum = sum.plus(c.scale());
        return sum;
    }

    Affine plus(Affine o) {
        List<Term> t = new ArrayList<>(terms);
        t.addAll(o.terms);
        List<Coef> b = new ArrayList<>(bias);
        b.addAll(o.bias);
        return new Affine(t, b);
    }

    Affine times(Rational k) {
        List<Term> t = new ArrayList<>(terms.size());
        for (Term x : terms) t.add(new Term(x.var(), x.coef().times(k)));
        List<Coef> b = new ArrayList<>(bias.size());
        for (Coef c : bias) b.add(c.times(k));
        return new Affine(t, b);
    }

    /** Every fixed coefficient times a learnable one: {@code ? * (2*a + 1)}. Only valid when this is fixed. */
    Affine timesParam(Coef p) {
        List<Term> t = new ArrayList<>(terms.size());
        for (Term x : terms) t.add(new Term(x.var(), p.times(x.coef().scale())));
        List<Coef> b = new ArrayList<>(bias.size());
        for (Coef c : bias) b.add(p.times(c.scale()));
        return new Affine(t, b);
    }

    /** Fixed terms on one variable summed into one; fixed bias parts summed into one; order kept. */
    Affine normalized() {
        Map<Integer, Rational> fixed = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (Term t : terms) {
            if (t.coef().isFixed()) {
                Rational before = fixed.get(t.var());
                if (before == null) order.add(t.var());
                fixed.put(t.var(), before == null ? t.coef().scale() : before.plus(t.coef().scale()));
            } else {
                order.add(t);
            }
        }
        List<Term> out = new ArrayList<>();
        for (Object o : order) {
            if (o instanceof Term t) out.add(t);
            else out.add(new Term((Integer) o, Coef.fixed(fixed.get((Integer) o))));
        }
        Rational fixedBias = Rational.ZERO;
        boolean anyFixed = false;
        List<Coef> b = new ArrayList<>();
        for (Coef c : bias) {
            if (c.isFixed()) {
                fixedBias = fixedBias.plus(c.scale());
                anyFixed = true;
            } else {
                b.add(c);
            }
        }
        if (anyFixed) b.add(Coef.fixed(fixedBias));
        return new Affine(out, b);
    }
}
