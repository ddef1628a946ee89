package dev.circuit.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * A threshold constraint {@code o <=> sum(w[i] * x[i]) >= t} (integer weights of any size, 0/1
 * literals) as clauses: a pseudo-Boolean constraint, reified, since a neuron's output is a signal
 * that others read and the miter may need it 0 as well as 1.
 *
 * <p>The encoding is a reduced ordered decision diagram over the literals by descending weight,
 * whose nodes are identified by intervals of the threshold still to reach (Abío, Nieuwenhuis,
 * Oliveras, Rodríguez-Carbonell, Mayer-Eichberger, "A New Look at BDDs for Pseudo-Boolean
 * Constraints", JAIR 2012): two remainders with the same function share a node even when they are
 * not equal, which is what keeps a comparator written as one neuron ({@code 2^i*a[i] - 2^i*b[i]})
 * linear in its width and a majority quadratic. Each node is one variable defined as
 * {@code ite(x, hi, lo)} by six clauses, so the root is equal to the constraint both ways and unit
 * propagation decides it as soon as the inputs do.
 */
final class ThresholdCnf {
    /** Beyond this many nodes the diagram is given up (the caller builds the neuron another way). */
    static final int MAX_NODES = 50_000;
    /** Returned when the diagram was given up; no clause has been added then. */
    static final int GAVE_UP = 0;

    private final int trueLit;
    private final IntSupplier fresh;
    private final List<int[]> clauses = new ArrayList<>();
    private BigInteger[] weight;
    private int[] lit;
    /** Per level: the nodes by the lower end of their interval of remainders. */
    private List<TreeMap<BigInteger, Node>> levels;
    private BigInteger[] suffix;
    private BigInteger infinity;
    private int nodes;

    private record Node(BigInteger from, BigInteger to, int lit) {}

    private ThresholdCnf(int trueLit, IntSupplier fresh) {
        this.trueLit = trueLit;
        this.fresh = fresh;
    }

    /**
     * The literal equal to {@code sum(weights[i] * lits[i]) >= threshold}, with its defining clauses
     * appended to {@code out} (their new variables from {@code fresh}); {@code trueLit} is the literal
     * that is constant true (its negation is false). {@link #GAVE_UP} when the diagram would exceed
     * {@link #MAX_NODES}.
     */
    static int encode(List<BigInteger> weights, BigInteger threshold, int[] lits, int trueLit, IntSupplier fresh, List<int[]> out) {
        if (weights.size() != lits.length) throw new IllegalArgumentException("one weight per literal");
        ThresholdCnf e = new ThresholdCnf(trueLit, fresh);
        int root = e.build(weights, threshold, lits);
        if (root != GAVE_UP) out.addAll(e.clauses);
        return root;
    }

    private int build(List<BigInteger> weights, BigInteger threshold, int[] lits) {
        // Normal form: weights on distinct positive variables, constants folded into the threshold.
        // A weight w on a literal -v is w - w*v; then a negative weight w on v is w + |w|*(-v).
        Map<Integer, BigInteger> onVar = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        BigInteger k = threshold;
        for (int i = 0; i < lits.length; i++) {
            BigInteger w = weights.get(i);
            int l = lits[i];
            if (w.signum() == 0) continue;
            if (l == trueLit || l == -trueLit) {
                if (l == trueLit) k = k.subtract(w);
                continue;
            }
            if (l < 0) {
                k = k.subtract(w);
                w = w.negate();
                l = -l;
            }
            if (!onVar.containsKey(l)) order.add(l);
            onVar.merge(l, w, BigInteger::add);
        }
        List<BigInteger> ws = new ArrayList<>();
        List<Integer> ls = new ArrayList<>();
        for (int v : order) {
            BigInteger w = onVar.get(v);
            if (w.signum() == 0) continue;
            if (w.signum() < 0) {
                k = k.subtract(w);
                ws.add(w.negate());
                ls.add(-v);
            } else {
                ws.add(w);
                ls.add(v);
            }
        }
        Integer[] byWeight = new Integer[ws.size()];
        for (int i = 0; i < byWeight.length; i++) byWeight[i] = i;
        // Heaviest first: the diagram of a comparator stays linear, that of a majority quadratic.
        Arrays.sort(byWeight, Comparator.comparing((Integer i) -> ws.get(i)).reversed());
        int n = byWeight.length;
        weight = new BigInteger[n];
        lit = new int[n];
        for (int i = 0; i < n; i++) {
            weight[i] = ws.get(byWeight[i]);
            lit[i] = ls.get(byWeight[i]);
        }
        suffix = new BigInteger[n + 1];
        suffix[n] = BigInteger.ZERO;
        for (int i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1].add(weight[i]);
        // Beyond any remainder the recursion can meet (those lie within [k - suffix[0], k]).
        infinity = suffix[0].add(k.abs()).shiftLeft(1).add(BigInteger.TWO);
        levels = new ArrayList<>();
        for (int i = 0; i <= n; i++) levels.add(new TreeMap<>());
        Node root = node(0, k);
        if (root == null) return GAVE_UP;
        // Implied, and what a solver cannot see in the definitions: on one level, a node of a lower
        // remainder is true wherever one of a higher remainder is (the nodes are the order encoding
        // of the partial sum, as a sequential counter's are).
        for (TreeMap<BigInteger, Node> level : levels) {
            Node below = null;
            for (Node above : level.values()) {
                if (below != null) clause(-above.lit, below.lit);
                below = above;
            }
        }
        return root.lit;
    }

    /**
     * The node deciding {@code sum(weight[j] * lit[j], j >= i) >= k}, with the interval of every
     * k that gives the same function; null when the budget ran out.
     */
    private Node node(int i, BigInteger k) {
        if (k.signum() <= 0) return new Node(infinity.negate(), BigInteger.ZERO, trueLit);
        if (k.compareTo(suffix[i]) > 0) return new Node(suffix[i].add(BigInteger.ONE), infinity, -trueLit);
        Map.Entry<BigInteger, Node> known = levels.get(i).floorEntry(k);
        if (known != null && known.getValue().to.compareTo(k) >= 0) return known.getValue();
        if (++nodes > MAX_NODES) return null;
        Node hi = node(i + 1, k.subtract(weight[i]));
        if (hi == null) return null;
        Node lo = node(i + 1, k);
        if (lo == null) return null;
        // The remainders for which both children are what they are here.
        BigInteger from = hi.from.add(weight[i]).max(lo.from);
        BigInteger to = hi.to.add(weight[i]).min(lo.to);
        Node made = new Node(from, to, ite(lit[i], hi.lit, lo.lit));
        levels.get(i).put(from, made);
        return made;
    }

    /** A literal equal to {@code x ? hi : lo}, defined by clauses when it is a new variable. */
    private int ite(int x, int hi, int lo) {
        if (hi == lo) return hi;
        if (hi == trueLit && lo == -trueLit) return x;
        int v = fresh.getAsInt();
        clause(-x, -hi, v);
        clause(-x, hi, -v);
        clause(x, -lo, v);
        clause(x, lo, -v);
        // Implied by the four above; they let propagation decide v from hi and lo alone.
        clause(-hi, -lo, v);
        clause(hi, lo, -v);
        return v;
    }

    /** Adds a clause, without the false literal; a clause with the true literal is not added. */
    private void clause(int... c) {
        int kept = 0;
        for (int l : c) {
            if (l == trueLit) return;
            if (l != -trueLit) c[kept++] = l;
        }
        clauses.add(Arrays.copyOf(c, kept));
    }
}
