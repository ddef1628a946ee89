package dev.circuit.reference;

import dev.circuit.properties.Circuits;
import dev.circuit.reference.Design.CircuitCall;
import dev.circuit.reference.Design.CircuitDef;
import dev.circuit.reference.Design.Inline;
import dev.circuit.reference.Design.NeuronCall;
import dev.circuit.reference.Design.NeuronDef;
import dev.circuit.reference.Design.Stmt;
import dev.circuit.reference.Sum.Add;
import dev.circuit.reference.Sum.Num;
import dev.circuit.reference.Sum.Over;
import dev.circuit.reference.Sum.Signal;
import dev.circuit.reference.Sum.Times;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Random programs with rational coefficients: integers, decimals ({@code 0.1*a}, {@code 25e-2*b}),
 * divisions by 3, 7, 10 ({@code (a + b + c)/3}, {@code 2*a/7}, {@code (a/3 + b/3)*3}), means, terms that
 * cancel ({@code a - 9*a/9}), neurons reading neurons, named neurons and subcircuits instantiated
 * with signals and constants. Most thresholds are chosen to equal the value the neuron's sums take at
 * some input (a tie, z = 0 exactly), where a rounding or strictness bug flips the output. Every
 * choice is drawn from QuickTheories' source, so a failure shrinks.
 */
final class RandomDesigns {
    static final String TOP = "top";
    private static final String[] INPUTS = {"a", "b", "c", "d", "e", "f", "g", "h"};
    private static final String[] PARAMS = {"p", "q", "r"};
    private static final long[] DIVISORS = {3, 7, 10, 3, 7, 9, 6};

    private RandomDesigns() {}

    static Gen<Design> designs() {
        Gen<Design> g = RandomDesigns::design;
        return g.describedAs(Design::text);
    }

    static int draw(RandomnessSource in, int lo, int hi) {
        return Circuits.draw(in, lo, hi);
    }

    private static boolean oneIn(RandomnessSource in, int k) {
        return draw(in, 1, k) == 1;
    }

    /**
     * Up to two neurons, up to two subcircuits (the second may instantiate the first) and a top of 1
     * to 8 inputs, mostly 6 to 8: from 6 input bits on, the bit-parallel engine runs generated code.
     */
    static Design design(RandomnessSource in) {
        List<NeuronDef> neurons = new ArrayList<>();
        for (int i = draw(in, 0, 2); i > 0; i--) {
            List<String> params = List.of(PARAMS).subList(0, draw(in, 1, PARAMS.length));
            neurons.add(new NeuronDef("n" + neurons.size(), params, cell(in, params)));
        }
        List<CircuitDef> subs = new ArrayList<>();
        for (int i = draw(in, 0, 2); i > 0; i--) {
            List<String> ins = new ArrayList<>();
            for (int k = draw(in, 1, 3); k > 0; k--) ins.add("p" + ins.size());
            subs.add(circuit(in, "s" + subs.size(), ins, draw(in, 1, 4), "u", neurons, subs, 2));
        }
        int n = oneIn(in, 4) ? draw(in, 1, 5) : draw(in, 6, INPUTS.length);
        return new Design(neurons, subs, circuit(in, TOP, List.of(INPUTS).subList(0, n), draw(in, 2, 8), "t", neurons, subs, 4));
    }

    private static CircuitDef circuit(RandomnessSource in, String name, List<String> inputs, int stmts, String prefix,
                                      List<NeuronDef> neurons, List<CircuitDef> subs, int maxOutputs) {
        List<String> known = new ArrayList<>(inputs);
        List<String> produced = new ArrayList<>();
        List<Stmt> body = new ArrayList<>();
        for (int s = 0; s < stmts; s++) {
            int kind = draw(in, 0, 4);
            Stmt st;
            if (kind == 0 && !neurons.isEmpty()) {
                NeuronDef def = neurons.get(draw(in, 0, neurons.size() - 1));
                st = new NeuronCall(prefix + produced.size(), def, args(in, known, def.params().size()));
            } else if (kind == 1 && !subs.isEmpty()) {
                CircuitDef def = subs.get(draw(in, 0, subs.size() - 1));
                List<String> targets = new ArrayList<>();
                for (int k = 0; k < def.outputs().size(); k++) targets.add(prefix + (produced.size() + k));
                st = new CircuitCall(targets, def, args(in, known, def.inputs().size()));
            } else {
                Set<String> scope = new TreeSet<>();
                for (int k = draw(in, 1, 4); k > 0; k--) scope.add(pick(in, known));
                st = new Inline(prefix + produced.size(), cell(in, new ArrayList<>(scope)));
            }
            body.add(st);
            known.addAll(st.targets());
            produced.addAll(st.targets());
        }
        List<String> outs = new ArrayList<>();
        for (String p : produced) if (outs.size() < maxOutputs && oneIn(in, 3)) outs.add(p);
        if (outs.isEmpty()) outs.add(produced.get(produced.size() - 1));
        return new CircuitDef(name, inputs, body, outs, Circuits.permutation(in, body.size()));
    }

    /** A known signal, half the time one of the last three: that makes deep chains of neurons. */
    private static String pick(RandomnessSource in, List<String> known) {
        int lo = oneIn(in, 2) ? Math.max(0, known.size() - 3) : 0;
        return known.get(draw(in, lo, known.size() - 1));
    }

    private static List<String> args(RandomnessSource in, List<String> known, int count) {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < count; i++) a.add(oneIn(in, 8) ? Integer.toString(draw(in, 0, 1)) : pick(in, known));
        return a;
    }

    /**
     * A neuron over {@code scope}. Three times in four the threshold is a tie: the bias (or the
     * right-hand side) is set so that z = 0 exactly at a random assignment of the scope.
     */
    static Cell cell(RandomnessSource in, List<String> scope) {
        String op = Cell.OPS[draw(in, 0, Cell.OPS.length - 1)];
        Sum left = sum(in, scope, 2);
        boolean step = op.equals(Cell.STEP);
        Sum right = step || oneIn(in, 2) ? null : sum(in, scope, 1);
        Fraction shift;
        if (!oneIn(in, 4)) {
            Map<String, Integer> at = new HashMap<>();
            for (String s : scope) at.put(s, draw(in, 0, 1));
            shift = right == null ? left.exact(at) : left.exact(at).minus(right.exact(at));
        } else {
            shift = coefficient(in).value();
            if (oneIn(in, 2)) shift = shift.negate();
        }
        if (step) return Cell.step(plus(left, shift.negate()));
        return new Cell(op, left, right == null ? constant(shift) : plus(right, shift));
    }

    /** {@code s + v}, with the constant written as a last term (nothing when v is 0). */
    private static Sum plus(Sum s, Fraction v) {
        if (v.signum() == 0) return s;
        List<Sum> terms = new ArrayList<>();
        List<Boolean> minus = new ArrayList<>();
        if (s instanceof Add a) {
            terms.addAll(a.terms());
            minus.addAll(a.minus());
        } else {
            terms.add(s);
            minus.add(false);
        }
        terms.add(magnitude(v));
        minus.add(v.signum() < 0);
        return new Add(terms, minus);
    }

    private static Sum constant(Fraction v) {
        return v.signum() >= 0 ? magnitude(v) : new Add(List.of(magnitude(v)), List.of(true));
    }

    /** |v| as a decimal when it has one ({@code 0.3}), else as a quotient ({@code 7/3}). */
    private static Sum magnitude(Fraction v) {
        Fraction abs = v.signum() < 0 ? v.negate() : v;
        BigDecimal d = abs.decimal();
        if (d != null) return Num.decimal(d, false);
        Fraction r = abs.reduced();
        return new Over(Num.integer(r.num()), Num.integer(r.den()));
    }

    /** A weighted sum over {@code scope}, nesting groups up to {@code depth} levels. */
    static Sum sum(RandomnessSource in, List<String> scope, int depth) {
        int form = draw(in, 0, depth > 0 ? 6 : 1);
        switch (form) {
            case 6: {
                // (a + b + c)/3: a mean, which is a whole number when every term is 1.
                List<Sum> terms = new ArrayList<>();
                for (int k = draw(in, 2, 3); k > 0; k--) terms.add(new Signal(scope.get(draw(in, 0, scope.size() - 1))));
                return new Over(new Add(terms, java.util.Collections.nCopies(terms.size(), false)), Num.integer(terms.size()));
            }
            case 2: return new Over(group(in, scope, depth), divisor(in));
            case 3: {
                Sum g = oneIn(in, 2) ? new Over(group(in, scope, depth), divisor(in)) : group(in, scope, depth);
                return new Times(coefficient(in), g, oneIn(in, 2));
            }
            case 4: {
                // a - 9*a/9: zero, written so that rounded division would leave a little behind.
                Signal v = new Signal(scope.get(draw(in, 0, scope.size() - 1)));
                Num k = Num.integer(DIVISORS[draw(in, 0, DIVISORS.length - 1)]);
                Sum cancel = new Add(List.of(v, new Over(new Times(k, v, true), k)), List.of(false, true));
                return oneIn(in, 2) ? cancel : new Add(List.of(cancel, terms(in, scope)), List.of(false, oneIn(in, 2)));
            }
            case 5: return group(in, scope, depth);
            default: return terms(in, scope);
        }
    }

    /** One to three terms, each a sum one level shallower: the inside of {@code (...)/3}. */
    private static Sum group(RandomnessSource in, List<String> scope, int depth) {
        List<Sum> terms = new ArrayList<>();
        List<Boolean> minus = new ArrayList<>();
        for (int k = draw(in, 1, 3); k > 0; k--) {
            terms.add(depth > 1 ? sum(in, scope, depth - 1) : term(in, scope));
            minus.add(oneIn(in, 3));
        }
        return new Add(terms, minus);
    }

    private static Sum terms(RandomnessSource in, List<String> scope) {
        List<Sum> terms = new ArrayList<>();
        List<Boolean> minus = new ArrayList<>();
        for (int k = draw(in, 1, 3); k > 0; k--) {
            terms.add(term(in, scope));
            minus.add(oneIn(in, 3));
        }
        return new Add(terms, minus);
    }

    /** {@code a}, {@code 3*a}, {@code a*0.1}, {@code a/3}, {@code 2*a/7}, or a constant. */
    private static Sum term(RandomnessSource in, List<String> scope) {
        Signal v = new Signal(scope.get(draw(in, 0, scope.size() - 1)));
        switch (draw(in, 0, 5)) {
            case 0: return v;
            case 1: return new Times(coefficient(in), v, !oneIn(in, 4));
            case 2: return new Over(v, divisor(in));
            case 3: return new Over(new Times(coefficient(in), v, true), divisor(in));
            case 4: return coefficient(in);
            default: return new Times(decimal(in), v, true);
        }
    }

    /** 1 to 9, or a decimal. */
    private static Num coefficient(RandomnessSource in) {
        return oneIn(in, 2) ? Num.integer(draw(in, 1, 9)) : decimal(in);
    }

    /** 0.1 to 0.9, or 0.01 to 9.99; now and then in scientific notation ({@code 25e-2}). */
    private static Num decimal(RandomnessSource in) {
        BigDecimal d = oneIn(in, 2) ? BigDecimal.valueOf(draw(in, 1, 9), 1) : BigDecimal.valueOf(draw(in, 1, 999), 2);
        return Num.decimal(d, oneIn(in, 5));
    }

    /** 3, 7, 10 (and 6, 9), or now and then a decimal such as 0.3 or 2.5. */
    private static Num divisor(RandomnessSource in) {
        if (oneIn(in, 6)) return Num.decimal(BigDecimal.valueOf(draw(in, 1, 39), 1), false);
        return Num.integer(DIVISORS[draw(in, 0, DIVISORS.length - 1)]);
    }
}
