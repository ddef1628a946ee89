package dev.circuit.ast;

import dev.circuit.diag.Pos;
import java.util.List;

/** {@code for i in 0..N-1 { ... }}: both bounds inclusive; elaborated away. */
public record ForLoop(Ident var, Expr from, Expr to, List<Stmt> body, Pos pos) implements Stmt {
    public ForLoop {
        body = List.copyOf(body);
    }
}
