package dev.circuit.verify;

import dev.circuit.eval.TermValues;
import dev.circuit.model.BinaryOp;
import dev.circuit.model.Prop;
import java.util.ArrayList;
import java.util.List;

/**
 * The scalar interpreter of a check's property ({@link Prop}), one row at a time. Values are
 * integers of any size, so nothing wraps and nothing overflows ({@link SpecNode}: longs where a
 * value is known to fit, BigInteger elsewhere). A row fails when the property cannot be computed
 * on it: a division by zero, a shift by a negative amount or a left shift past
 * {@link Prop#MAX_SHIFT}. {@code ~x} complements within x's width. The gate synthesiser
 * ({@code engine.SpecSynth}) is the other interpreter of the same form.
 */
public final class Spec {
    /** A row in which the property cannot be computed (division by zero, a shift out of range). */
    public static final class Undefined extends RuntimeException {
        Undefined(String message) {
            super(message, null, false, false);
        }
    }

    /** Says why a part of the property is 0 on a row. */
    private interface Why {
        String explain(TermValues terms);
    }

    private final SpecNode root;
    /** Null when the property is neither a comparison nor an '&' or '|' of parts: only its value is told. */
    private final Why why;

    private Spec(SpecNode root, Why why) {
        this.root = root;
        this.why = why;
    }

    /** The property ready to run; terminal values come inputs first, then outputs. */
    public static Spec of(Prop p) {
        SpecNode root = node(p);
        boolean explained = p instanceof Prop.Binary b && (b.op().isComparison() || isJunction(b.op()));
        return new Spec(root, explained ? why(p, true) : null);
    }

    /** True when the property holds for the row. */
    public boolean holds(TermValues terms) {
        return !root.isZero(terms);
    }

    /**
     * What failed, for the message: "{cout, s} is 9, a + b + cin is 8"; for an '&' or '|' of parts,
     * each part that is 0, as "y == (a | b) is false: y is 0, (a | b) is 1"; otherwise "the property is 0".
     */
    public String explain(TermValues terms) {
        try {
            return why != null ? why.explain(terms) : "the property is " + root.text(terms);
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
            SpecNode l = node(b.left());
            SpecNode r = node(b.right());
            String lt = b.left().text();
            String rt = b.right().text();
            // A failed '!=' has equal sides: say so once rather than "y is 1, 1 is 1". A number
            // needs no restating either: "y is 2", not "y is 2, 0 is 0".
            boolean ln = b.left() instanceof Prop.Const;
            boolean rn = b.right() instanceof Prop.Const;
            Why sides = b.op() == BinaryOp.NE ? t -> lt + " and " + rt + " are both " + l.text(t)
                    : rn && !ln ? t -> lt + " is " + l.text(t)
                    : ln && !rn ? t -> rt + " is " + r.text(t)
                    : t -> lt + " is " + l.text(t) + ", " + rt + " is " + r.text(t);
            return whole ? sides : t -> text + " is false: " + sides.explain(t);
        }
        if (p instanceof Prop.Binary b && isJunction(b.op())) {
            List<Prop> parts = new ArrayList<>();
            operands(b, b.op(), parts);
            List<SpecNode> nodes = parts.stream().map(Spec::node).toList();
            List<Why> whys = parts.stream().map(x -> why(x, false)).toList();
            return t -> {
                List<String> zero = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) if (nodes.get(i).isZero(t)) zero.add(whys.get(i).explain(t));
                if (!zero.isEmpty()) return String.join("; ", zero);
                // Every part is non-zero, yet their bits do not meet (2 & 1): give the values.
                List<String> values = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) values.add(bare(parts.get(i).text()) + " is " + nodes.get(i).text(t));
                return String.join(", ", values) + ", so " + text + " is 0";
            };
        }
        SpecNode n = node(p);
        return t -> text + " is " + n.text(t);
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

    private static SpecNode node(Prop p) {
        return SpecNode.of(p);
    }
}
