package dev.circuit.model;

import dev.circuit.diag.Pos;
import java.math.BigInteger;
import java.util.List;

/**
 * A check's property, resolved against its circuit: every name is a terminal slice or a constant,
 * every index a number, every width known. It is the one meaning of a property: the scalar
 * verifier and the gate synthesiser are two interpreters of it ({@link Visitor}). Values are
 * integers of any size; a terminal, of any width, reads as unsigned. {@code text} is the source text of the node (with its
 * parentheses), for explanations; {@code width} is the width in bits of a terminal slice, a
 * concatenation or a complement of one, and -1 for other values.
 */
public sealed interface Prop {
    /**
     * Largest amount a value may be shifted left by (the widest bus): integers are unbounded, and
     * this keeps {@code 1 << x} from asking for more memory than there is. A row that shifts by more
     * fails, as a division by zero does.
     */
    int MAX_SHIFT = 1 << 20;

    String text();

    Pos pos();

    int width();

    <R> R accept(Visitor<R> v);

    /** One method per kind of node: Java 17's way to dispatch on a sealed type. */
    interface Visitor<R> {
        R term(Term t);

        R constant(Const c);

        R concat(Concat c);

        R unary(Unary u);

        R binary(Binary b);

        R ternary(Ternary t);
    }

    /**
     * Bits {@code lo .. lo+width-1} of terminal {@code terminal}, which indexes the circuit's inputs
     * then outputs ({@link Netlist#terminals}).
     */
    record Term(int terminal, int lo, int width, String text, Pos pos) implements Prop {
        public Term {
            if (terminal < 0 || lo < 0 || width < 1) throw new IllegalArgumentException("bad slice");
        }

        @Override public <R> R accept(Visitor<R> v) {
            return v.term(this);
        }
    }

    record Const(BigInteger value, String text, Pos pos) implements Prop {
        public Const {
            if (value == null) throw new IllegalArgumentException("no value");
        }

        @Override public int width() {
            return -1;
        }

        @Override public <R> R accept(Visitor<R> v) {
            return v.constant(this);
        }
    }

    /** {@code {cout, s}}: the first part is the most significant; every part has a width. */
    record Concat(List<Prop> parts, String text, Pos pos) implements Prop {
        public Concat {
            parts = List.copyOf(parts);
            for (Prop p : parts) if (p.width() < 0) throw new IllegalArgumentException("a part without a width");
        }

        @Override public int width() {
            return parts.stream().mapToInt(Prop::width).sum();
        }

        @Override public <R> R accept(Visitor<R> v) {
            return v.concat(this);
        }
    }

    record Unary(UnaryOp op, Prop operand, String text, Pos pos) implements Prop {
        public Unary {
            if (op == UnaryOp.NOT && operand.width() < 0) throw new IllegalArgumentException("'~' needs a width");
        }

        @Override public int width() {
            return op == UnaryOp.NOT ? operand.width() : -1;
        }

        @Override public <R> R accept(Visitor<R> v) {
            return v.unary(this);
        }
    }

    record Binary(BinaryOp op, Prop left, Prop right, String text, Pos pos) implements Prop {
        @Override public int width() {
            return -1;
        }

        @Override public <R> R accept(Visitor<R> v) {
            return v.binary(this);
        }
    }

    record Ternary(Prop cond, Prop then, Prop otherwise, String text, Pos pos) implements Prop {
        @Override public int width() {
            return -1;
        }

        @Override public <R> R accept(Visitor<R> v) {
            return v.ternary(this);
        }
    }
}
