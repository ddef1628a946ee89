package dev.circuit.verify;

import dev.circuit.model.BinaryOp;
import dev.circuit.model.Prop;
import dev.circuit.model.UnaryOp;
import java.util.ArrayList;
import java.util.List;

/**
 * The scalar interpreter of a check's property ({@link Prop}), one row at a time. Values are
 * 64-bit signed integers and every operation that would overflow is reported as a failure of that
 * row, never wrapped silently. {@code ~x} complements within x's width. The gate synthesiser
 * ({@code engine.SpecSynth}) is the other interpreter of the same form.
 */
public final class Spec {
    /** One node of the compiled expression. {@code terms} holds each terminal's value for the row. */
    interface Node {
        long eval(long[] terms);
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

    /** The property ready to run; terminal values come inputs first, then outputs. */
    public static Spec of(Prop p) {
        Node root = node(p);
        boolean explained = p instanceof Prop.Binary b && (b.op().isComparison() || isJunction(b.op()));
        return new Spec(root, explained ? why(p, true) : null);
    }

    /** True when the property holds for the row. */
    public boolean holds(long[] terms) {
        return root.eval(terms) != 0;
    }

    /**
     * What failed, for the message: "{cout, s} is 9, a + b + cin is 8"; for an '&' or '|' of parts,
     * each part that is 0, as "y == (a | b) is false: y is 0, (a | b) is 1"; otherwise "the property is 0".
     */
    public String explain(long[] terms) {
        try {
            return why != null ? why.explain(terms) : "the property is " + root.eval(terms);
        } catch (Undefined u) {
            return u.getMessage();
        }
    }

    /**
     * Why {@code p} is 0. A comparison gives both sides (prefixed by the comparison itself unless it
     * is the whole property, whose text the user has just read); an '&' or '|' gives each of its
     * parts that is 0, so a user sees which conjunct failed rather than "the property is 0".
     */
    private static Why why(Prop p, boolean whole) {
        String text = bare(p.text());
        if (p instanceof Prop.Binary b && b.op().isComparison()) {
            Node l = node(b.left());
            Node r = node(b.right());
            String lt = b.left().text();
            String rt = b.right().text();
            // A failed '!=' has equal sides: say so once rather than "y is 1, 1 is 1". A number
            // needs no restating either: "y is 2", not "y is 2, 0 is 0".
            boolean ln = b.left() instanceof Prop.Const;
            boolean rn = b.right() instanceof Prop.Const;
            Why sides = b.op() == BinaryOp.NE ? t -> lt + " and " + rt + " are both " + l.eval(t)
                    : rn && !ln ? t -> lt + " is " + l.eval(t)
                    : ln && !rn ? t -> rt + " is " + r.eval(t)
                    : t -> lt + " is " + l.eval(t) + ", " + rt + " is " + r.eval(t);
            return whole ? sides : t -> text + " is false: " + sides.explain(t);
        }
        if (p instanceof Prop.Binary b && isJunction(b.op())) {
            List<Prop> parts = new ArrayList<>();
            operands(b, b.op(), parts);
            List<Node> nodes = parts.stream().map(Spec::node).toList();
            List<Why> whys = parts.stream().map(x -> why(x, false)).toList();
            return t -> {
                List<String> zero = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) if (nodes.get(i).eval(t) == 0) zero.add(whys.get(i).explain(t));
                if (!zero.isEmpty()) return String.join("; ", zero);
                // Every part is non-zero, yet their bits do not meet (2 & 1): give the values.
                List<String> values = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) values.add(bare(parts.get(i).text()) + " is " + nodes.get(i).eval(t));
                return String.join(", ", values) + ", so " + text + " is 0";
            };
        }
        Node n = node(p);
        return t -> text + " is " + n.eval(t);
    }

    /** The parts of a chain of one operator: {@code a & (b & c) & d} is a, b, c, d. */
    private static void operands(Prop p, BinaryOp op, List<Prop> out) {
        if (p instanceof Prop.Binary b && b.op() == op) {
            operands(b.left(), op, out);
            operands(b.right(), op, out);
        } else {
            out.add(p);
        }
    }

    private static boolean isJunction(BinaryOp op) {
        return op == BinaryOp.AND || op == BinaryOp.OR;
    }

    /** The text without the parentheses around all of it: {@code (a | b)} is {@code a | b}. */
    static String bare(String text) {
        while (text.length() >= 2 && text.charAt(0) == '(' && closes(text)) text = text.substring(1, text.length() - 1);
        return text;
    }

    /** True when the '(' at 0 is closed by the last character. */
    private static boolean closes(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i == text.length() - 1;
        }
        return false;
    }

    private static Node node(Prop p) {
        return p.accept(BUILD);
    }

    private static final Prop.Visitor<Node> BUILD = new Prop.Visitor<>() {
        @Override public Node term(Prop.Term t) {
            int i = t.terminal();
            int shift = t.lo();
            long mask = (1L << t.width()) - 1;
            return shift == 0 ? v -> v[i] & mask : v -> (v[i] >>> shift) & mask;
        }

        @Override public Node constant(Prop.Const c) {
            long k = c.value();
            return v -> k;
        }

        @Override public Node concat(Prop.Concat c) {
            Node[] ps = c.parts().stream().map(Spec::node).toArray(Node[]::new);
            int[] widths = c.parts().stream().mapToInt(Prop::width).toArray();
            return t -> {
                long v = 0;
                for (int k = 0; k < ps.length; k++) v = (v << widths[k]) | ps[k].eval(t);
                return v;
            };
        }

        @Override public Node unary(Prop.Unary u) {
            Node a = node(u.operand());
            String where = bare(u.text());
            if (u.op() == UnaryOp.NEG) {
                return t -> {
                    try {
                        return Math.negateExact(a.eval(t));
                    } catch (ArithmeticException ex) {
                        throw new Undefined("overflow in " + where);
                    }
                };
            }
            if (u.op() == UnaryOp.PLUS) return a;
            long mask = (1L << u.width()) - 1;
            return t -> ~a.eval(t) & mask;
        }

        @Override public Node binary(Prop.Binary b) {
            Node l = node(b.left());
            Node r = node(b.right());
            String where = bare(b.text());
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
                default: throw new IllegalStateException("operator " + b.op());
            }
        }

        @Override public Node ternary(Prop.Ternary t) {
            Node c = node(t.cond());
            Node a = node(t.then());
            Node b = node(t.otherwise());
            return v -> c.eval(v) != 0 ? a.eval(v) : b.eval(v);
        }
    };

    private static long exact(java.util.function.LongSupplier f, String where) {
        try {
            return f.getAsLong();
        } catch (ArithmeticException e) {
            throw new Undefined("overflow in " + where);
        }
    }
}
