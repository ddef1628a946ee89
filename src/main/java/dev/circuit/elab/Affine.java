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
        return terms.stream().allMatch(t -> t.coef().isFixed()) && bias.stream().allMatch(Coef::isFixed);
    }

    /** The value when this is a fixed constant. */
    Rational fixedValue() {
        return bias.stream().map(Coef::scale).reduce(Rational.ZERO, Rational::plus);
    }

    Affine plus(Affine o) {
        List<Term> t = new ArrayList<>(terms);
        t.addAll(o.terms);
        List<Coef> b = new ArrayList<>(bias);
        b.addAll(o.bias);
        return new Affine(t, b);
    }

    Affine times(Rational k) {
        return new Affine(terms.stream().map(t -> new Term(t.var(), t.coef().times(k))).toList(),
                bias.stream().map(c -> c.times(k)).toList());
    }

    /** Every fixed coefficient times a learnable one: {@code ? * (2*a + 1)}. Only valid when this is fixed. */
    Affine timesParam(Coef p) {
        return new Affine(terms.stream().map(t -> new Term(t.var(), p.times(t.coef().scale()))).toList(),
                bias.stream().map(c -> p.times(c.scale())).toList());
    }

    /** Fixed terms on one variable summed into one; fixed bias parts summed into one; order kept. */
    Affine normalized() {
        Map<Integer, Rational> fixed = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (Term t : terms) {
            if (t.coef().isFixed()) {
                if (!fixed.containsKey(t.var())) order.add(t.var());
                fixed.merge(t.var(), t.coef().scale(), Rational::plus);
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
