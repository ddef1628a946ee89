package dev.circuit.ast;

import dev.circuit.diag.Pos;
import java.util.List;

/** {@code x = nand(a, b)}, {@code (s, c) = full_adder(a, b, cin)}, {@code h = sigmoid(?*a + ?)}. */
public record Assign(List<Target> targets, Expr value, Pos pos) implements Stmt {
    public Assign {
        if (targets.isEmpty()) throw new IllegalArgumentException("an assignment needs a target");
        targets = List.copyOf(targets);
    }

    /** A driven signal: {@code s}, {@code s[i]} or {@code s[7..0]}. {@code selector} may be null. */
    public record Target(String name, Selector selector, Pos pos) {}
}
