package dev.circuit.verify;

import dev.circuit.ast.BinaryOp;
import dev.circuit.ast.Expr;
import dev.circuit.ast.UnaryOp;
import dev.circuit.print.ExprText;
import dev.circuit.ast.Selector;
import dev.circuit.diag.Diagnostics;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A check's property compiled for evaluation one row at a time: an integer expression over the
 * circuit's terminals read as unsigned integers. Values are 64-bit signed integers and every
 * operation that would overflow is reported as a failure of that row, never wrapped silently.
 * {@code ~x} complements within x's width, so it needs a signal, a slice or a concatenation.
 */
public final class Spec {
    /** One node of the compiled expression. {@code terms} holds each terminal's value for the row. */
    public interface Node {
        long eval(long[] terms);

        /** Width in bits when the node is a signal, slice or concatenation; -1 otherwise. */
        default int width() {
            return -1;
        }
    }

    /** A row in which the property cannot be computed (overflow, division by zero). */
    public static final class Undefined extends RuntimeException {
        Undefined(String message) {
            super(message, null, false, false);
        }
    }

    /** Says why a part of the property is 0 on a row. */
    private interface Why {
        String explain(long[] terms);
    }

    private final Node root;
    /** Null when the property is neither a comparison nor an '&' or '|' of parts: only its value is told. */
    private final Why why;

    private Spec(Node root, Why why) {
        this.root = root;
        this.why = why;
    }

    /** True when the property holds for the row. */
    public boolean holds(long[] terms) {
        return root.eval(terms) != 0;
    }

    /**
     * What failed, for the message: "{cout, s} is 9, a + b + cin is 8"; for an '&' or '|' of parts,
     * each part that is 0, as "y == a | b is false: y is 0, a | b is 1"; otherwise "the property is 0".
     */
    public String explain(long[] terms) {
        try {
            return why != null ? why.explain(terms) : "the property is " + root.eval(terms);
        } catch (Undefined u) {
            return u.getMessage();
        }
    }

    /**
     * Compiles {@code e} against the terminals of {@code net} (inputs first, then outputs, in the
     * order of {@link #terminals}); {@code params} are the circuit's integer parameters. Returns null
     * after reporting errors.
     */
    public static Spec compile(Expr e, Netlist net, Map<String, Long> params, Diagnostics diags) {
        int before = diags.all().size();
        Compiler c = new Compiler(terminals(net), params, diags);
        Node root = c.node(e);
        if (diags.all().size() > before || root == null) return null;
        Expr top = unparen(e);
        boolean explained = top instanceof Expr.Binary b && (isRelation(b.op()) || isJunction(b.op()));
        return new Spec(root, explained ? why(c, top, true) : null);
    }

    /**
     * Why {@code e} is 0. A comparison gives both sides (prefixed by the comparison itself unless it
     * is the whole property, whose text the user has just read); an '&' or '|' gives each of its
     * parts that is 0, so a user sees which conjunct failed rather than "the property is 0".
     */
    private static Why why(Compiler c, Expr e, boolean whole) {
        e = unparen(e);
        String text = text(e);
        if (e instanceof Expr.Binary b && isRelation(b.op())) {
            Node l = c.node(b.left());
            Node r = c.node(b.right());
            String lt = text(b.left());
            String rt = text(b.right());
            // A failed '!=' has equal sides: say so once rather than "y is 1, 1 is 1". A number
            // needs no restating either: "y is 2", not "y is 2, 0 is 0".
            boolean ln = unparen(b.left()) instanceof Expr.Num;
            boolean rn = unparen(b.right()) instanceof Expr.Num;
            Why sides = b.op() == BinaryOp.NE ? t -> lt + " and " + rt + " are both " + l.eval(t)
                    : rn && !ln ? t -> lt + " is " + l.eval(t)
                    : ln && !rn ? t -> rt + " is " + r.eval(t)
                    : t -> lt + " is " + l.eval(t) + ", " + rt + " is " + r.eval(t);
            return whole ? sides : t -> text + " is false: " + sides.explain(t);
        }
        if (e instanceof Expr.Binary b && isJunction(b.op())) {
            List<Expr> parts = new ArrayList<>();
            operands(b, b.op(), parts);
            List<Node> nodes = parts.stream().map(c::node).toList();
            List<Why> whys = parts.stream().map(p -> why(c, p, false)).toList();
            return t -> {
                List<String> zero = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) if (nodes.get(i).eval(t) == 0) zero.add(whys.get(i).explain(t));
                if (!zero.isEmpty()) return String.join("; ", zero);
                // Every part is non-zero, yet their bits do not meet (2 & 1): give the values.
                List<String> values = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) values.add(text(unparen(parts.get(i))) + " is " + nodes.get(i).eval(t));
                return String.join(", ", values) + ", so " + text + " is 0";
            };
        }
        Node n = c.node(e);
        return t -> text + " is " + n.eval(t);
    }

    /** The parts of a chain of one operator: {@code a & (b & c) & d} is a, b, c, d. */
    private static void operands(Expr e, BinaryOp op, List<Expr> out) {
        Expr x = unparen(e);
        if (x instanceof Expr.Binary b && b.op() == op) {
            operands(b.left(), op, out);
            operands(b.right(), op, out);
        } else {
            out.add(e);
        }
    }

    private static Expr unparen(Expr e) {
        while (e instanceof Expr.Paren p) e = p.inner();
        return e;
    }

    /** Inputs then outputs: the order of the values a row supplies. */
    public static List<Terminal> terminals(Netlist net) {
        List<Terminal> all = new ArrayList<>(net.inputs());
        all.addAll(net.outputs());
        return all;
    }

    private static boolean isRelation(BinaryOp op) {
        return op.isComparison();
    }

    private static boolean isJunction(BinaryOp op) {
        return op == BinaryOp.AND || op == BinaryOp.OR;
    }

    static String text(Expr e) {
        return ExprText.of(e);
    }

    private static final class Compiler {
        private final List<Terminal> terms;
        private final Map<String, Long> params;
        private final Diagnostics diags;

        Compiler(List<Terminal> terms, Map<String, Long> params, Diagnostics diags) {
            this.terms = terms;
            this.params = params;
            this.diags = diags;
        }

        Node node(Expr e) {
            if (e instanceof Expr.Paren p) return node(p.inner());
            if (e instanceof Expr.Num n) {
                BigDecimal v = n.value();
                if (v.stripTrailingZeros().scale() > 0 || v.abs().toBigInteger().bitLength() > 62) {
                    return bad(e, "a check works on whole numbers below 2^62; '" + n.text() + "' is not one");
                }
                long k = v.longValueExact();
                return t -> k;
            }
            if (e instanceof Expr.Ref r) return ref(r);
            if (e instanceof Expr.Concat c) return concat(c);
            if (e instanceof Expr.Unary u) return unary(u);
            if (e instanceof Expr.Binary b) return binary(b);
            if (e instanceof Expr.Ternary t) {
                Node c = node(t.cond());
                Node a = node(t.then());
                Node b = node(t.otherwise());
                if (c == null || a == null || b == null) return null;
                return v -> c.eval(v) != 0 ? a.eval(v) : b.eval(v);
            }
            if (e instanceof Expr.Learnable) return bad(e, "a learnable '?' has no meaning in a check");
            if (e instanceof Expr.Call c) return bad(e, "a check cannot call '" + c.name() + "'; it reads the circuit's inputs and outputs");
            return bad(e, "unsupported expression in a check");
        }

        private Node ref(Expr.Ref r) {
            int idx = -1;
            for (int i = 0; i < terms.size(); i++) if (terms.get(i).name().equals(r.name())) idx = i;
            if (idx < 0) {
                if (params.containsKey(r.name()) && r.selector() == null) {
                    long k = params.get(r.name());
                    return t -> k;
                }
                return bad(r, "'" + r.name() + "' is not an input or output of the circuit ("
                        + String.join(", ", terms.stream().map(Terminal::name).toList()) + ")");
            }
            Terminal term = terms.get(idx);
            if (term.width() > 62) return bad(r, "'" + r.name() + "' is " + term.width() + " bits wide; checks read buses of up to 62 bits");
            final int i = idx;
            Selector s = r.selector();
            if (s == null) return widthed(t -> t[i], term.width());
            if (!term.bus()) return bad(r, "'" + r.name() + "' is a single signal; it cannot be indexed");
            Long lo = constant(s.index());
            Long hi = s.isSlice() ? constant(s.hi()) : lo;
            if (lo == null || hi == null) return null;
            if (lo < 0 || hi >= term.width() || hi < lo) {
                return bad(r, "bits " + hi + ".." + lo + " are outside '" + r.name() + "[" + term.width() + "]' (or not high..low)");
            }
            int shift = lo.intValue();
            int w = (int) (hi - lo + 1);
            long mask = (1L << w) - 1;
            return widthed(t -> (t[i] >>> shift) & mask, w);
        }

        private Long constant(Expr e) {
            Node n = node(e);
            if (n == null) return null;
            try {
                return n.eval(new long[terms.size()]);
            } catch (RuntimeException ex) {
                bad(e, "not a constant index");
                return null;
            }
        }

        private Node concat(Expr.Concat c) {
            List<Node> parts = new ArrayList<>();
            int total = 0;
            for (Expr p : c.parts()) {
                Node n = node(p);
                if (n == null) return null;
                if (n.width() < 0) return bad(p, "each part of a concatenation needs a width: a signal, a slice or a concatenation");
                parts.add(n);
                total += n.width();
            }
            if (total > 62) return bad(c, "the concatenation is " + total + " bits wide; checks handle up to 62");
            Node[] ps = parts.toArray(Node[]::new);
            int[] widths = parts.stream().mapToInt(Node::width).toArray();
            return widthed(t -> {
                long v = 0;
                for (int k = 0; k < ps.length; k++) v = (v << widths[k]) | ps[k].eval(t);
                return v;
            }, total);
        }

        private Node unary(Expr.Unary u) {
            Node a = node(u.operand());
            if (a == null) return null;
            switch (u.op()) {
                case NEG: return t -> {
                    try {
                        return Math.negateExact(a.eval(t));
                    } catch (ArithmeticException ex) {
                        throw new Undefined("overflow in " + text(u));
                    }
                };
                case PLUS: return a;
                default: {
                    int w = a.width();
                    if (w < 0) return bad(u, "'~' needs a width: apply it to a signal, a slice or a concatenation");
                    long mask = (1L << w) - 1;
                    return widthed(t -> ~a.eval(t) & mask, w);
                }
            }
        }

        private Node binary(Expr.Binary b) {
            Node l = node(b.left());
            Node r = node(b.right());
            if (l == null || r == null) return null;
            String where = text(b);
            switch (b.op()) {
                case ADD: return t -> exact(() -> Math.addExact(l.eval(t), r.eval(t)), where);
                case SUB: return t -> exact(() -> Math.subtractExact(l.eval(t), r.eval(t)), where);
                case MUL: return t -> exact(() -> Math.multiplyExact(l.eval(t), r.eval(t)), where);
                case DIV: return t -> {
                    long d = r.eval(t);
                    if (d == 0) throw new Undefined("division by zero in " + where);
                    return Math.floorDiv(l.eval(t), d);
                };
                case MOD: return t -> {
                    long d = r.eval(t);
                    if (d == 0) throw new Undefined("division by zero in " + where);
                    return Math.floorMod(l.eval(t), d);
                };
                case SHL: return t -> {
                    long v = l.eval(t);
                    long s = r.eval(t);
                    if (s < 0 || s > 62 || (v != 0 && 64 - Long.numberOfLeadingZeros(Math.abs(v)) + s > 62)) {
                        throw new Undefined("overflow in " + where);
                    }
                    return v << s;
                };
                case SHR: return t -> {
                    long s = r.eval(t);
                    return s >= 63 ? (l.eval(t) < 0 ? -1 : 0) : l.eval(t) >> Math.max(0, s);
                };
                case AND: return t -> l.eval(t) & r.eval(t);
                case OR: return t -> l.eval(t) | r.eval(t);
                case XOR: return t -> l.eval(t) ^ r.eval(t);
                case EQ: return t -> l.eval(t) == r.eval(t) ? 1 : 0;
                case NE: return t -> l.eval(t) != r.eval(t) ? 1 : 0;
                case LT: return t -> l.eval(t) < r.eval(t) ? 1 : 0;
                case LE: return t -> l.eval(t) <= r.eval(t) ? 1 : 0;
                case GT: return t -> l.eval(t) > r.eval(t) ? 1 : 0;
                case GE: return t -> l.eval(t) >= r.eval(t) ? 1 : 0;
                default: return bad(b, "unknown operator '" + b.op() + "'");
            }
        }

        private static long exact(java.util.function.LongSupplier f, String where) {
            try {
                return f.getAsLong();
            } catch (ArithmeticException ex) {
                throw new Undefined("overflow in " + where);
            }
        }

        private static Node widthed(Node n, int w) {
            return new Node() {
                @Override public long eval(long[] t) { return n.eval(t); }
                @Override public int width() { return w; }
            };
        }

        private Node bad(Expr at, String message) {
            diags.error(at.pos(), message);
            return null;
        }
    }
}
