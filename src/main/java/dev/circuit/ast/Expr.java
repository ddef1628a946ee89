package dev.circuit.ast;

import dev.circuit.diag.Pos;
import dev.circuit.model.BinaryOp;
import dev.circuit.model.UnaryOp;
import java.math.BigDecimal;
import java.util.List;

/**
 * Expressions, one syntax for three uses: neuron arguments (weighted sums), integer expressions
 * (widths, indices, parameters), and check properties. Which forms are allowed where is decided
 * by the stage that reads them, so the message can say why.
 */
public sealed interface Expr {
    Pos pos();

    /** A literal. {@code text} is as written, kept for messages and printing. */
    record Num(BigDecimal value, String text, Pos pos) implements Expr {}

    /**
     * A learnable coefficient {@code ?} or {@code ?0.5}. {@code init} is null for a seeded random start.
     * {@code start} and {@code end} are the character offsets of the token in its file, so training can
     * write the learned value back in place.
     */
    record Learnable(BigDecimal init, int start, int end, Pos pos) implements Expr {}

    /** A signal or a parameter: {@code a}, {@code a[3]}, {@code a[7..0]}. */
    record Ref(String name, Selector selector, Pos pos) implements Expr {}

    /** {@code nand(a, b)}, {@code adder_n<4>(a, b, c)}, {@code sigmoid(z)}. */
    record Call(String name, List<Expr> typeArgs, List<Expr> args, Pos pos) implements Expr {
        public Call {
            typeArgs = List.copyOf(typeArgs);
            args = List.copyOf(args);
        }
    }

    record Unary(UnaryOp op, Expr operand, Pos pos) implements Expr {}

    record Binary(BinaryOp op, Expr left, Expr right, Pos pos) implements Expr {}

    record Ternary(Expr cond, Expr then, Expr otherwise, Pos pos) implements Expr {}

    /** {@code {cout, s}}: the first part is the most significant. */
    record Concat(List<Expr> parts, Pos pos) implements Expr {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** A parenthesised expression, kept so printing and positions stay faithful. */
    record Paren(Expr inner, Pos pos) implements Expr {}
}
