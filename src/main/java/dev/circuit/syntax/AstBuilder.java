package dev.circuit.syntax;

import dev.circuit.ast.Assign;
import dev.circuit.model.BinaryOp;
import dev.circuit.ast.CheckDecl;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Decl;
import dev.circuit.ast.Expr;
import dev.circuit.ast.ForLoop;
import dev.circuit.ast.Ident;
import dev.circuit.ast.Import;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.ast.Port;
import dev.circuit.ast.Selector;
import dev.circuit.ast.Stmt;
import dev.circuit.ast.TestDecl;
import dev.circuit.model.UnaryOp;
import dev.circuit.ast.FeedbackDecl;
import dev.circuit.ast.WireDecl;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import dev.circuit.syntax.gen.NetParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the AST from a parse tree that had no syntax errors. Checks that need the tree's shape but
 * no names (table cells, header cells, learnable literals) are made here and reported to
 * {@code diags}.
 */
final class AstBuilder {
    private final String file;
    private final Diagnostics diags;
    /** Statements built while the parser ran, by their block, whose subtrees are gone (StatementPruner). */
    private final Map<NetParser.BlockContext, List<Stmt>> parsed = new IdentityHashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    AstBuilder(String file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
    }

    List<Decl> file(NetParser.FileContext ctx) {
        List<Decl> out = new ArrayList<>();
        for (NetParser.DeclContext d : ctx.decl()) out.add(decl(d));
        return out;
    }

    private Decl decl(NetParser.DeclContext ctx) {
        if (ctx instanceof NetParser.ImportDeclContext c) {
            String raw = c.STRING().getText();
            return new Import(StringLiterals.unquote(raw.substring(1, raw.length() - 1)), pos(c.start));
        }
        if (ctx instanceof NetParser.NeuronDeclContext c) {
            return new NeuronDecl(ident(c.name), ids(c.idList()), expr(c.expr()), pos(c.start));
        }
        if (ctx instanceof NetParser.CircuitDeclContext c) {
            List<Ident> tps = c.typeParams() == null ? List.of() : idents(c.typeParams().ID());
            List<Port> ins = c.ins == null ? List.of() : ports(c.ins);
            NetParser.OutPortsContext o = c.outs;
            List<Port> outs = o.port() != null ? List.of(port(o.port())) : o.portList() == null ? List.of() : ports(o.portList());
            return new CircuitDecl(ident(c.name), tps, ins, outs, block(c.block()), pos(c.start));
        }
        if (ctx instanceof NetParser.TestDeclContext c) return test(c);
        if (ctx instanceof NetParser.CheckDeclContext c) {
            if (c.unit != null && !text(c.unit).equals("cycles")) {
                diags.error(pos(c.unit), "expected 'cycles' after the number of cycles ('check c for 8 cycles: ...'), found '" + text(c.unit) + "'");
            }
            return new CheckDecl(ref(c.circuitRef()), c.cycles == null ? null : arith(c.cycles), expr(c.expr()), pos(c.start));
        }
        throw new IllegalStateException("unknown declaration " + ctx.getClass().getSimpleName());
    }

    private TestDecl test(NetParser.TestDeclContext c) {
        boolean sequence = c.kind != null;
        if (sequence && !text(c.kind).equals("sequence")) {
            diags.error(pos(c.kind), "expected 'sequence', 'within' or '{' after the circuit's name, found '" + text(c.kind) + "'");
        }
        BigDecimal tol = c.tol == null ? null : signed(c.tol);
        if (tol != null && tol.signum() < 0) diags.error(pos(c.tol.start), "a tolerance cannot be negative");
        List<NetParser.RowContext> rows = c.row();
        if (rows.isEmpty()) {
            diags.error(pos(c.start), "a test needs a header row: input names | output names");
            return new TestDecl(ref(c.circuitRef()), sequence, tol, List.of(), List.of(), List.of(), pos(c.start));
        }
        NetParser.RowContext header = rows.get(0);
        List<Ident> ins = headerNames(header, true);
        List<Ident> outs = headerNames(header, false);
        List<TestDecl.Row> body = new ArrayList<>();
        for (NetParser.RowContext r : rows.subList(1, rows.size())) {
            int bar = barIndex(r);
            List<TestDecl.Cell> cells = new ArrayList<>();
            for (NetParser.CellContext cell : r.cell()) cells.add(cell(cell));
            cells = Collections.unmodifiableList(cells);
            body.add(new TestDecl.Row(cells.subList(0, bar), cells.subList(bar, cells.size()), pos(r.start)));
        }
        return new TestDecl(ref(c.circuitRef()), sequence, tol, ins, outs, body, pos(c.start));
    }

    /** How many cells stand before the '|'. */
    private static int barIndex(NetParser.RowContext r) {
        int n = 0;
        for (int i = 0; i < r.getChildCount(); i++) {
            if (r.getChild(i) instanceof TerminalNode t && t.getText().equals("|")) return n;
            if (r.getChild(i) instanceof NetParser.CellContext) n++;
        }
        return n;
    }

    private List<Ident> headerNames(NetParser.RowContext header, boolean inputs) {
        int bar = barIndex(header);
        List<NetParser.CellContext> cells = header.cell();
        List<Ident> out = new ArrayList<>();
        for (NetParser.CellContext cell : inputs ? cells.subList(0, bar) : cells.subList(bar, cells.size())) {
            if (cell.ID() == null) {
                diags.error(pos(cell.start), "the first row of a test names its columns: expected a signal name, found '" + cell.getText() + "'");
            } else {
                out.add(ident(cell.ID().getSymbol()));
            }
        }
        return out;
    }

    private TestDecl.Cell cell(NetParser.CellContext c) {
        if (c.ID() != null) {
            if (!c.ID().getText().equals("X") && !c.ID().getText().equals("x")) {
                diags.error(pos(c.start), "a table cell is a number or X, not '" + c.getText() + "'");
            }
            return new TestDecl.Cell(null, pos(c.start));
        }
        return new TestDecl.Cell(signed(c.signedNumber()), c.getText(), pos(c.start));
    }

    private BigDecimal signed(NetParser.SignedNumberContext c) {
        BigDecimal v = number(c.NUMBER().getSymbol());
        return c.getChildCount() > 1 ? v.negate() : v;
    }

    private CircuitRef ref(NetParser.CircuitRefContext c) {
        return new CircuitRef(text(c.ID()), ariths(c.arith()), pos(c.start));
    }

    CircuitRef topRef(NetParser.TopRefContext c) {
        return ref(c.circuitRef());
    }

    /** Builds a statement of {@code block} that the parser has just finished. */
    void parsed(NetParser.BlockContext block, NetParser.StmtContext s) {
        List<Stmt> stmts = parsed.get(block);
        if (stmts == null) parsed.put(block, stmts = new ArrayList<>());
        stmts.add(stmt(s));
    }

    private List<Stmt> block(NetParser.BlockContext b) {
        // Statements built during the parse come first; any the pruner left in the tree follow them.
        List<Stmt> out = parsed.getOrDefault(b, new ArrayList<>());
        parsed.remove(b);
        for (NetParser.StmtContext s : b.stmt()) out.add(stmt(s));
        return out;
    }

    private Stmt stmt(NetParser.StmtContext ctx) {
        if (ctx instanceof NetParser.WireStmtContext c) {
            List<Port> ws = new ArrayList<>();
            for (NetParser.WireContext w : c.wire()) ws.add(new Port(text(w.ID()), w.arith() == null ? null : arith(w.arith()), pos(w.start)));
            ws = Collections.unmodifiableList(ws);
            return new WireDecl(ws, pos(c.start));
        }
        if (ctx instanceof NetParser.FeedbackStmtContext c) {
            List<FeedbackDecl.Wire> ws = new ArrayList<>();
            for (NetParser.FeedbackWireContext w : c.feedbackWire()) {
                ws.add(new FeedbackDecl.Wire(
                        new Port(text(w.ID()), w.arith() == null ? null : arith(w.arith()), pos(w.start)),
                        w.signedNumber() == null ? null : signed(w.signedNumber()),
                        w.signedNumber() == null ? null : w.signedNumber().getText()));
            }
            ws = Collections.unmodifiableList(ws);
            return new FeedbackDecl(ws, pos(c.start));
        }
        if (ctx instanceof NetParser.AssignStmtContext c) {
            List<Assign.Target> ts = new ArrayList<>();
            for (NetParser.TargetContext t : c.targets().target()) ts.add(new Assign.Target(text(t.ID()), selector(t.selector()), pos(t.start)));
            ts = Collections.unmodifiableList(ts);
            return new Assign(ts, expr(c.expr()), pos(c.start));
        }
        if (ctx instanceof NetParser.ForStmtContext c) {
            return new ForLoop(ident(c.ID().getSymbol()), arith(c.from), arith(c.to), block(c.block()), pos(c.start));
        }
        throw new IllegalStateException("unknown statement " + ctx.getClass().getSimpleName());
    }

    private Selector selector(NetParser.SelectorContext s) {
        if (s == null) return null;
        if (s.arith().size() == 1) return new Selector(arith(s.arith(0)), null);
        return Selector.slice(arith(s.arith(0)), arith(s.arith(1)));
    }

    private List<Port> ports(NetParser.PortListContext l) {
        List<Port> out = new ArrayList<>();
        for (NetParser.PortContext p : l.port()) out.add(port(p));
        return Collections.unmodifiableList(out);
    }

    private Port port(NetParser.PortContext p) {
        return new Port(text(p.ID()), p.arith() == null ? null : arith(p.arith()), pos(p.start));
    }

    private Expr arith(NetParser.ArithContext ctx) {
        Pos pos = pos(ctx.start);
        if (ctx instanceof NetParser.ArithParenContext c) return new Expr.Paren(arith(c.arith()), pos);
        if (ctx instanceof NetParser.ArithNegContext c) return new Expr.Unary(UnaryOp.NEG, arith(c.arith()), pos);
        if (ctx instanceof NetParser.ArithBinContext c) {
            return new Expr.Binary(BinaryOp.of(text(c.op)), arith(c.arith(0)), arith(c.arith(1)), pos(c.op));
        }
        if (ctx instanceof NetParser.ArithNumContext c) return num(c.NUMBER().getSymbol());
        if (ctx instanceof NetParser.ArithVarContext c) return new Expr.Ref(text(c.ID()), null, pos);
        throw new IllegalStateException("unknown integer expression " + ctx.getClass().getSimpleName());
    }

    private Expr expr(NetParser.ExprContext ctx) {
        if (ctx instanceof NetParser.PrimaryExprContext c) return primary(c.primary());
        if (ctx instanceof NetParser.UnaryExprContext c) return new Expr.Unary(UnaryOp.of(text(c.op)), expr(c.expr()), pos(c.start));
        if (ctx instanceof NetParser.BinaryExprContext c) {
            Expr.Binary b = new Expr.Binary(BinaryOp.of(text(c.op)), expr(c.expr(0)), expr(c.expr(1)), pos(c.op));
            if (b.op().isComparison()) refuseChain(b, c);
            return b;
        }
        if (ctx instanceof NetParser.TernaryExprContext c) {
            return new Expr.Ternary(expr(c.expr(0)), expr(c.expr(1)), expr(c.expr(2)), pos(c.start));
        }
        throw new IllegalStateException("unknown expression " + ctx.getClass().getSimpleName());
    }

    /**
     * Comparisons do not chain, as in Rust: {@code a < b < c} would compare a 0/1 result with c in
     * C, and mean something else again in Python. Say what to write instead.
     */
    private void refuseChain(Expr.Binary b, NetParser.BinaryExprContext c) {
        boolean leftInner = b.left() instanceof Expr.Binary l && l.op().isComparison();
        Expr inner = leftInner ? b.left() : b.right() instanceof Expr.Binary r && r.op().isComparison() ? r : null;
        if (inner == null) return;
        Expr.Binary first = (Expr.Binary) inner;
        // Show the grouping the rules give, in the user's own text (every operand that is itself an
        // operation in brackets, so '!= 0x81 | x' shows as '!= (0x81 | x)'), then the usual fix.
        String l = leftInner ? "(" + grouped(c.expr(0)) + ")" : operand(c.expr(0));
        String r = leftInner ? operand(c.expr(1)) : "(" + grouped(c.expr(1)) + ")";
        String read = l + " " + b.op() + " " + r;
        diags.error(b.pos(), "comparisons do not chain: '" + first.op() + "' and '" + b.op() + "' would read as '" + read
                + "'; put each comparison in parentheses to say what is compared, e.g. '(y == a) & (z == b)'");
    }

    /** A binary operation with each operand as {@link #operand}: the grouping the parser chose, shown. */
    private static String grouped(NetParser.ExprContext ctx) {
        NetParser.BinaryExprContext b = (NetParser.BinaryExprContext) ctx;
        return operand(b.expr(0)) + " " + b.op.getText() + " " + operand(b.expr(1));
    }

    /** An operand as written, in brackets when it is itself an operation (a name, number or bracket stays bare). */
    private static String operand(NetParser.ExprContext ctx) {
        boolean bare = ctx instanceof NetParser.PrimaryExprContext || ctx instanceof NetParser.UnaryExprContext;
        return bare ? source(ctx) : "(" + source(ctx) + ")";
    }

    /** The text of a parsed expression as written, spaces included. */
    private static String source(ParserRuleContext ctx) {
        return ctx.start.getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
    }

    private Expr primary(NetParser.PrimaryContext ctx) {
        Pos pos = pos(ctx.start);
        if (ctx instanceof NetParser.ParenPrimaryContext c) return new Expr.Paren(expr(c.expr()), pos);
        if (ctx instanceof NetParser.CallPrimaryContext c) {
            return new Expr.Call(text(c.ID()), ariths(c.arith()), exprs(c.expr()), pos);
        }
        if (ctx instanceof NetParser.LearnablePrimaryContext c) {
            Token t = c.start;
            String text = t.getText();
            BigDecimal init = text.length() > 1 ? number(t, text.substring(1)) : null;
            return new Expr.Learnable(init, t.getStartIndex(), t.getStopIndex() + 1, pos);
        }
        if (ctx instanceof NetParser.NumberPrimaryContext c) return num(c.NUMBER().getSymbol());
        if (ctx instanceof NetParser.RefPrimaryContext c) return new Expr.Ref(text(c.ID()), selector(c.selector()), pos);
        if (ctx instanceof NetParser.ConcatPrimaryContext c) {
            return new Expr.Concat(exprs(c.expr()), pos);
        }
        throw new IllegalStateException("unknown primary " + ctx.getClass().getSimpleName());
    }

    private Expr.Num num(Token t) {
        return new Expr.Num(number(t), t.getText(), pos(t));
    }

    /**
     * A literal the lexer accepted but that is no number ({@code 0x_}, {@code 1e99999999999}): an
     * error at the token, and 0 in its place (a file with errors is not elaborated).
     */
    private BigDecimal number(Token t) {
        return number(t, t.getText());
    }

    /** {@link #number(Token)} of {@code text}, the literal part of {@code t} (a learnable's starting value after its '?'). */
    private BigDecimal number(Token t, String text) {
        try {
            return Numbers.parse(text);
        } catch (NumberFormatException e) {
            diags.error(pos(t), e.getMessage());
            return BigDecimal.ZERO;
        }
    }

    private List<Ident> ids(NetParser.IdListContext l) {
        return l == null ? List.of() : idents(l.ID());
    }

    private Ident ident(TerminalNode n) {
        return ident(n.getSymbol());
    }

    private Ident ident(Token t) {
        return new Ident(text(t), pos(t));
    }

    /**
     * A token's text, one String per distinct text: in a flat file each name is written about twice
     * (where it is driven and where it is read) and {@code nand} on every line, so sharing the
     * Strings keeps the AST smaller.
     */
    private String text(Token t) {
        String s = t.getText();
        String shared = texts.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    // The lists below are built with loops, not streams: each stream or lambda on the way of a short
    // run costs its linkage in the interpreter (docs/BENCHMARKS.md, "Start-up").

    private List<Ident> idents(List<TerminalNode> ns) {
        List<Ident> out = new ArrayList<>(ns.size());
        for (TerminalNode n : ns) out.add(ident(n));
        return Collections.unmodifiableList(out);
    }

    private List<Expr> ariths(List<NetParser.ArithContext> cs) {
        List<Expr> out = new ArrayList<>(cs.size());
        for (NetParser.ArithContext c : cs) out.add(arith(c));
        return Collections.unmodifiableList(out);
    }

    private List<Expr> exprs(List<NetParser.ExprContext> cs) {
        List<Expr> out = new ArrayList<>(cs.size());
        for (NetParser.ExprContext c : cs) out.add(expr(c));
        return Collections.unmodifiableList(out);
    }

    private String text(TerminalNode n) {
        return text(n.getSymbol());
    }

    private Pos pos(Token t) {
        return new Pos(file, t.getLine(), t.getCharPositionInLine() + 1);
    }

    @SuppressWarnings("unused")
    private Pos pos(ParserRuleContext c) {
        return pos(c.start);
    }
}
