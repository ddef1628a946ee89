package dev.circuit.print;

import dev.circuit.ast.Assign;
import dev.circuit.ast.CheckDecl;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Decl;
import dev.circuit.model.BinaryOp;
import dev.circuit.ast.Expr;
import dev.circuit.model.UnaryOp;
import dev.circuit.ast.FeedbackDecl;
import dev.circuit.ast.ForLoop;
import dev.circuit.ast.Ident;
import dev.circuit.ast.Import;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.ast.Port;
import dev.circuit.ast.Selector;
import dev.circuit.ast.SourceFile;
import dev.circuit.ast.Stmt;
import dev.circuit.ast.TestDecl;
import dev.circuit.ast.WireDecl;
import dev.circuit.diag.Pos;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random ASTs of the shapes the parser builds: a binary operator's operands are parenthesised
 * exactly where the grammar's precedence needs it, as they would be in any text that parsed.
 */
final class RandomAst {
    static final Pos P = Pos.file("-");
    static final String[] NAMES = {"a", "b", "cin", "g1", "sum", "carry", "h_2", "Q", "N22"};
    static final String[] NUMBERS = {"0", "1", "2", "3", "10", "0.5", "1.25", "0.10", "1e3", "2E-2", "0x1F", "0b101"};
    static final String[] OPS = {"*", "/", "%", "+", "-", "<<", ">>", "<", "<=", ">", ">=", "==", "!=", "&", "^", "|"};
    /** Precedence as docs/LANGUAGE.md states it (Rust's order), written here independently of the grammar. */
    static final Map<String, Integer> LEVEL = Map.ofEntries(Map.entry("*", 9), Map.entry("/", 9), Map.entry("%", 9),
            Map.entry("+", 8), Map.entry("-", 8), Map.entry("<<", 7), Map.entry(">>", 7), Map.entry("&", 6),
            Map.entry("^", 5), Map.entry("|", 4), Map.entry("<", 3), Map.entry("<=", 3), Map.entry(">", 3),
            Map.entry(">=", 3), Map.entry("==", 3), Map.entry("!=", 3));
    /** Comparisons do not chain: one inside another needs parentheses on either side. */
    static final int COMPARISON = 3;

    private final Random rnd;

    RandomAst(long seed) {
        this.rnd = new Random(seed);
    }

    SourceFile file() {
        List<Decl> decls = new ArrayList<>();
        int n = 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(5)) {
                case 0 -> decls.add(new Import(pick(new String[] {"nand.net", "lib/x.net", "we\"ird\\path.net"}), P));
                case 1 -> decls.add(new NeuronDecl(id(), List.of(id(), id()), expr(3), P));
                case 2 -> decls.add(circuit());
                case 3 -> decls.add(test());
                default -> decls.add(new CheckDecl(ref(), rnd.nextBoolean() ? arith(1) : null, expr(3), P));
            }
        }
        return new SourceFile("-", Path.of("-"), "", decls);
    }

    private CircuitDecl circuit() {
        List<Ident> params = rnd.nextBoolean() ? List.of() : List.of(new Ident("N", P));
        return new CircuitDecl(id(), params, ports(), ports(), stmts(2), P);
    }

    private List<Stmt> stmts(int depth) {
        List<Stmt> out = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(depth > 0 ? 5 : 3);
            if (k == 0) out.add(new WireDecl(ports(), P));
            else if (k == 4) out.add(feedback());
            else if (k == 3) out.add(new ForLoop(id(), arith(2), arith(2), stmts(depth - 1), P));
            else {
                List<Assign.Target> ts = new ArrayList<>();
                int t = 1 + rnd.nextInt(rnd.nextInt(3) + 1);
                for (int j = 0; j < t; j++) ts.add(new Assign.Target(name(), rnd.nextInt(3) == 0 ? selector() : null, P));
                out.add(new Assign(ts, expr(3), P));
            }
        }
        return out;
    }

    private TestDecl test() {
        List<Ident> ins = new ArrayList<>();
        List<Ident> outs = new ArrayList<>();
        for (int i = 0; i < 1 + rnd.nextInt(3); i++) ins.add(id());
        for (int i = 0; i < 1 + rnd.nextInt(2); i++) outs.add(id());
        List<TestDecl.Row> rows = new ArrayList<>();
        for (int r = 0; r < rnd.nextInt(4); r++) rows.add(new TestDecl.Row(cells(ins.size()), cells(outs.size()), P));
        BigDecimal tol = rnd.nextInt(3) == 0 ? new BigDecimal(pick(new String[] {"0.05", "1", "1E+2"})) : null;
        return new TestDecl(ref(), rnd.nextBoolean(), tol, ins, outs, rows, P);
    }

    private FeedbackDecl feedback() {
        List<FeedbackDecl.Wire> ws = new ArrayList<>();
        for (Port p : ports()) {
            String init = rnd.nextBoolean() ? null : pick(new String[] {"0", "1", "0b101", "0x1F"});
            ws.add(new FeedbackDecl.Wire(p, init == null ? null : dev.circuit.syntax.Numbers.parse(init), init));
        }
        return new FeedbackDecl(ws, P);
    }

    private List<TestDecl.Cell> cells(int n) {
        List<TestDecl.Cell> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new TestDecl.Cell(rnd.nextInt(4) == 0 ? null : new BigDecimal(pick(new String[] {"0", "1", "-1", "12", "0.50", "3E+1"})), P));
        }
        return out;
    }

    private List<Port> ports() {
        List<Port> out = new ArrayList<>();
        for (int i = 0; i < 1 + rnd.nextInt(3); i++) out.add(new Port(name(), rnd.nextInt(3) == 0 ? arith(2) : null, P));
        return out;
    }

    private CircuitRef ref() {
        return new CircuitRef(name(), rnd.nextBoolean() ? List.of() : List.of(arith(1)), P);
    }

    private Selector selector() {
        return rnd.nextBoolean() ? new Selector(arith(1), null) : Selector.slice(arith(1), arith(1));
    }

    /** Integer expressions: what the grammar's arith rule builds. */
    private Expr arith(int depth) {
        int k = depth <= 0 ? rnd.nextInt(2) : rnd.nextInt(5);
        return switch (k) {
            case 0 -> num();
            case 1 -> new Expr.Ref(name(), null, P);
            case 2 -> new Expr.Paren(arith(depth - 1), P);
            case 3 -> new Expr.Unary(UnaryOp.NEG, atom(arith(depth - 1)), P);
            default -> binary(pick(new String[] {"*", "/", "%", "+", "-"}), arith(depth - 1), arith(depth - 1));
        };
    }

    private Expr expr(int depth) {
        int k = depth <= 0 ? rnd.nextInt(3) : rnd.nextInt(10);
        return switch (k) {
            case 0 -> num();
            case 1 -> new Expr.Ref(name(), rnd.nextInt(4) == 0 ? selector() : null, P);
            case 2 -> new Expr.Learnable(rnd.nextBoolean() ? null : new BigDecimal(pick(new String[] {"0.5", "-3", "1E+3", "2"})), 0, 0, P);
            case 3 -> new Expr.Paren(expr(depth - 1), P);
            case 4 -> new Expr.Unary(UnaryOp.of(pick(new String[] {"-", "+", "~"})), atom(expr(depth - 1)), P);
            case 5 -> new Expr.Call(name(), rnd.nextBoolean() ? List.of() : List.of(arith(1)), List.of(expr(depth - 1), expr(depth - 1)), P);
            case 6 -> new Expr.Concat(List.of(expr(depth - 1), expr(depth - 1)), P);
            case 7 -> {
                Expr c = expr(depth - 1);
                if (c instanceof Expr.Ternary) c = new Expr.Paren(c, P);
                Expr t = expr(depth - 1);
                if (t instanceof Expr.Ternary) t = new Expr.Paren(t, P);
                yield new Expr.Ternary(c, t, expr(depth - 1), P);
            }
            default -> binary(pick(OPS), expr(depth - 1), expr(depth - 1));
        };
    }

    /** {@code l op r}, parenthesising operands that bind more loosely (or as loosely, on the right). */
    private static Expr binary(String op, Expr l, Expr r) {
        int p = LEVEL.get(op);
        boolean chain = p == COMPARISON;
        if (l instanceof Expr.Ternary || l instanceof Expr.Binary b && (LEVEL.get(b.op().symbol()) < p
                || chain && LEVEL.get(b.op().symbol()) == p)) {
            l = new Expr.Paren(l, P);
        }
        if (r instanceof Expr.Ternary || r instanceof Expr.Binary b && LEVEL.get(b.op().symbol()) <= p) r = new Expr.Paren(r, P);
        // 'x < y > (z)' would read as a call with a type argument; nobody could have written it otherwise.
        if (op.equals(">") && startsWithParen(r)) op = ">=";
        if (op.equals("<") && l instanceof Expr.Ref) op = "<=";
        return new Expr.Binary(BinaryOp.of(op), l, r, P);
    }

    private static boolean startsWithParen(Expr e) {
        if (e instanceof Expr.Paren) return true;
        if (e instanceof Expr.Binary b) return startsWithParen(b.left());
        if (e instanceof Expr.Ternary t) return startsWithParen(t.cond());
        return false;
    }

    /** A unary operator's operand: anything but a bare binary or ternary. */
    private static Expr atom(Expr e) {
        return e instanceof Expr.Binary || e instanceof Expr.Ternary ? new Expr.Paren(e, P) : e;
    }

    private Expr.Num num() {
        String t = pick(NUMBERS);
        return new Expr.Num(dev.circuit.syntax.Numbers.parse(t), t, P);
    }

    private Ident id() {
        return new Ident(name(), P);
    }

    private String name() {
        return pick(NAMES);
    }

    private String pick(String[] from) {
        return from[rnd.nextInt(from.length)];
    }
}
