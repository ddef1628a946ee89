package dev.circuit.syntax;

import dev.circuit.ast.Assign;
import dev.circuit.ast.CheckDecl;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Decl;
import dev.circuit.ast.Expr;
import dev.circuit.ast.FeedbackDecl;
import dev.circuit.ast.ForLoop;
import dev.circuit.ast.Ident;
import dev.circuit.ast.Import;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.ast.Port;
import dev.circuit.ast.Selector;
import dev.circuit.ast.Stmt;
import dev.circuit.ast.TestDecl;
import dev.circuit.ast.WireDecl;
import dev.circuit.diag.Pos;
import dev.circuit.model.BinaryOp;
import dev.circuit.model.UnaryOp;
import dev.circuit.syntax.gen.NetParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for <em>valid</em> .net text only, the fast path of {@link Syntax#parse}:
 * it builds the AST straight from the {@link Scanner}'s tokens and gives up (null) at the first thing
 * it does not expect, and then ANTLR's parser reads the file and reports every error as always.
 * ANTLR's parser run cold (its automaton deserialised, its prediction building its DFA in the
 * interpreter, its runtime's classes loaded and compiled) was the largest part of a short run's
 * work (docs/BENCHMARKS.md, "Start-up"); this loads no ANTLR class (the generated parser's token
 * types it reads are constants, which the compiler copies in; bench/startup.sh counts the classes).
 *
 * <p>grammar/Net.g4 stays the definition of the language and of its errors; this is held to it by
 * {@code FastParserTest}: whenever this returns an AST, ANTLR parses the same text without error and
 * {@link AstBuilder} builds an equal AST (positions included), and on the repository's valid files it
 * never gives up. So it also gives up wherever AstBuilder would report an error (a header cell that is
 * a number, a chained comparison, a literal out of range, ...): those messages are AstBuilder's.
 *
 * <p>Precedence climbing with the levels ANTLR gives the grammar's left-recursive rules (each
 * alternative binds tighter than the ones below it; a prefix operator's operand binds tighter than
 * every binary operator; {@code ?:} is right-associative).
 */
final class FastParser {
    private static final int LT = Literals.type("<");
    private static final int GT = Literals.type(">");
    private static final int COMMA = Literals.type(",");
    private static final int COLON = Literals.type(":");
    private static final int ASSIGN = Literals.type("=");
    private static final int ARROW = Literals.type("->");
    private static final int DOTS = Literals.type("..");
    private static final int BAR = Literals.type("|");
    private static final int MINUS = Literals.type("-");
    private static final int PLUS = Literals.type("+");
    private static final int TILDE = Literals.type("~");
    private static final int IMPORT = Literals.type("import");
    private static final int NEURON = Literals.type("neuron");
    private static final int CIRCUIT = Literals.type("circuit");
    private static final int TEST = Literals.type("test");
    private static final int CHECK = Literals.type("check");
    private static final int WITHIN = Literals.type("within");
    private static final int FOR = Literals.type("for");
    private static final int IN = Literals.type("in");
    private static final int WIRE = Literals.type("wire");
    private static final int FEEDBACK = Literals.type("feedback");

    /**
     * The binding level of each binary operator of {@code expr} by token type, as ANTLR numbers the
     * grammar's alternatives: '*' 8 down to the comparisons 2, and '?' 1. 0: not an operator.
     */
    private static final int[] EXPR_LEVEL = new int[Literals.LITERAL_NAMES.length];
    /** The same for {@code arith}: '*' '/' '%' 4, '+' '-' 3. */
    private static final int[] ARITH_LEVEL = new int[Literals.LITERAL_NAMES.length];
    /** The level of '?' in {@link #EXPR_LEVEL}; comparisons are one above it. */
    private static final int TERNARY = 1;
    /** The level a prefix operator's operand is read at: above every binary operator. */
    private static final int UNARY_OPERAND = 9;
    private static final int ARITH_NEG_OPERAND = 5;

    static {
        level(EXPR_LEVEL, 8, "*", "/", "%");
        level(EXPR_LEVEL, 7, "+", "-");
        level(EXPR_LEVEL, 6, "<<", ">>");
        level(EXPR_LEVEL, 5, "&");
        level(EXPR_LEVEL, 4, "^");
        level(EXPR_LEVEL, 3, "|");
        level(EXPR_LEVEL, 2, "<", "<=", ">", ">=", "==", "!=");
        level(EXPR_LEVEL, TERNARY, "?");
        level(ARITH_LEVEL, 4, "*", "/", "%");
        level(ARITH_LEVEL, 3, "+", "-");
    }

    private static void level(int[] levels, int level, String... ops) {
        for (String op : ops) levels[Literals.type(op)] = level;
    }

    /** Thrown to give up; one instance without a stack trace, as giving up is no error. */
    private static final class GiveUp extends RuntimeException {
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super("not a plain valid file", null, false, false);
        }
    }

    /**
     * How deep an expression's tree may be, a flat chain's operators counted (each is one level more):
     * deeper, this gives up. AstBuilder recurses once per level where this loops ({@code a + a + ... + a}),
     * so past what its stack holds ANTLR's path reports the file as too deeply nested (on the deep-stack
     * thread, dev.circuit.BigStack: a sum of a million terms read, one of three million did not, measured),
     * and this must not read what that path rejects. Far below that, and far above any sum written by
     * hand: beyond it ANTLR's path reads the file, or rejects it, as it always did.
     */
    static final int MAX_DEPTH = 10 * Syntax.MAX_NESTING;

    private final String file;
    private final FastTokens tokens;
    /** The depth of the expression tree being built at the current token, as {@link #MAX_DEPTH} counts it. */
    private int depth;
    private final Map<String, String> texts = new HashMap<>();

    private FastParser(String file, String text) {
        this.file = file;
        this.tokens = new FastTokens(text);
    }

    /**
     * The declarations of {@code text} (its lone '\r's already made '\n', {@link Syntax#lineFeeds}),
     * or null when this parser gives up: on any syntax error, on anything AstBuilder would report,
     * and on text nested deeper than the stack allows or than {@link #MAX_DEPTH}.
     */
    static List<Decl> parse(String file, String text) {
        try {
            return new FastParser(file, text).file();
        } catch (GiveUp | StackOverflowError e) {
            return null;
        }
    }

    /**
     * A circuit's name from the command line ({@code adder_n<16>}, the grammar's {@code topRef}), its
     * positions in {@code file}; null when this parser gives up, as {@link #parse} does.
     */
    static CircuitRef topRef(String file, String text) {
        try {
            FastParser p = new FastParser(file, text);
            CircuitRef ref = p.circuitRef();
            if (p.at(Literals.SEMI)) p.tokens.consume();
            return p.at(Scanner.EOF) ? ref : null;
        } catch (GiveUp | StackOverflowError e) {
            return null;
        }
    }

    // ---- tokens

    private int type() {
        return tokens.type(0);
    }

    private boolean at(int type) {
        return tokens.type(0) == type;
    }

    private Pos pos() {
        return new Pos(file, tokens.line(0), tokens.col(0) + 1);
    }

    /** The current token's text, one String per distinct text (as AstBuilder shares them). */
    private String text() {
        String s = tokens.text(0);
        String shared = texts.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    private void expect(int type) {
        if (!at(type)) throw GiveUp.INSTANCE;
        tokens.consume();
    }

    /** The text of a name, which must come next, and its place; it is consumed. */
    private Ident ident() {
        if (!at(NetParser.ID)) throw GiveUp.INSTANCE;
        Ident id = new Ident(text(), pos());
        tokens.consume();
        return id;
    }

    /**
     * For lists written {@code sep* (item (sep+ item)*)? sep* close}: skips the separators after an
     * item (one at least, unless {@code first} or {@code close} follows) and returns whether an item
     * follows; false when {@code close} does, which is then consumed.
     */
    private boolean more(int close, boolean first) {
        if (!first && !at(Literals.SEMI) && !at(close)) throw GiveUp.INSTANCE;
        while (at(Literals.SEMI)) tokens.consume();
        if (at(close)) {
            if (close != Scanner.EOF) tokens.consume();
            return false;
        }
        return true;
    }

    // ---- declarations

    private List<Decl> file() {
        List<Decl> out = new ArrayList<>();
        for (boolean first = true; more(Scanner.EOF, first); first = false) out.add(decl());
        return out;
    }

    private Decl decl() {
        int t = type();
        Pos pos = pos();
        tokens.consume();
        if (t == IMPORT) {
            if (!at(NetParser.STRING)) throw GiveUp.INSTANCE;
            String raw = tokens.text(0);
            tokens.consume();
            return new Import(StringLiterals.unquote(raw.substring(1, raw.length() - 1)), pos);
        }
        if (t == NEURON) {
            Ident name = ident();
            expect(Literals.LPAREN);
            List<Ident> params = new ArrayList<>();
            if (at(NetParser.ID)) params = idents(Literals.RPAREN);
            expect(Literals.RPAREN);
            expect(ASSIGN);
            return new NeuronDecl(name, params, expr(0), pos);
        }
        if (t == CIRCUIT) return circuit(pos);
        if (t == TEST) return test(pos);
        if (t == CHECK) {
            CircuitRef ref = circuitRef();
            Expr cycles = null;
            if (at(FOR)) {
                tokens.consume();
                cycles = arith(0);
                if (!at(NetParser.ID) || !tokens.text(0).equals("cycles")) throw GiveUp.INSTANCE;
                tokens.consume();
            }
            expect(COLON);
            return new CheckDecl(ref, cycles, expr(0), pos);
        }
        throw GiveUp.INSTANCE;
    }

    /** {@code ID (',' ID)*}, then {@code close}, which is left for the caller. */
    private List<Ident> idents(int close) {
        List<Ident> out = new ArrayList<>();
        out.add(ident());
        while (at(COMMA)) {
            tokens.consume();
            out.add(ident());
        }
        if (!at(close)) throw GiveUp.INSTANCE;
        return Collections.unmodifiableList(out);
    }

    private CircuitDecl circuit(Pos pos) {
        Ident name = ident();
        List<Ident> params = List.of();
        if (at(LT)) {
            tokens.consume();
            params = idents(GT);
            tokens.consume();
        }
        expect(Literals.LPAREN);
        List<Port> ins = at(NetParser.ID) ? ports() : List.of();
        expect(Literals.RPAREN);
        expect(ARROW);
        List<Port> outs;
        if (at(Literals.LPAREN)) {
            tokens.consume();
            outs = at(NetParser.ID) ? ports() : List.of();
            expect(Literals.RPAREN);
        } else {
            outs = List.of(port());
        }
        return new CircuitDecl(name, params, ins, outs, block(), pos);
    }

    private List<Port> ports() {
        List<Port> out = new ArrayList<>();
        out.add(port());
        while (at(COMMA)) {
            tokens.consume();
            out.add(port());
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code ID ('[' arith ']')?}: a port, a wire, a feedback wire's name. */
    private Port port() {
        Ident id = ident();
        Expr width = null;
        if (at(Literals.LBRACKET)) {
            tokens.consume();
            width = arith(0);
            expect(Literals.RBRACKET);
        }
        return new Port(id.name(), width, id.pos());
    }

    private CircuitRef circuitRef() {
        Ident id = ident();
        List<Expr> args = List.of();
        if (at(LT)) {
            tokens.consume();
            args = ariths();
            expect(GT);
        }
        return new CircuitRef(id.name(), args, id.pos());
    }

    /** {@code arith (',' arith)*}. */
    private List<Expr> ariths() {
        List<Expr> out = new ArrayList<>();
        out.add(arith(0));
        while (at(COMMA)) {
            tokens.consume();
            out.add(arith(0));
        }
        return Collections.unmodifiableList(out);
    }

    // ---- tests

    private TestDecl test(Pos pos) {
        CircuitRef ref = circuitRef();
        boolean sequence = false;
        if (at(NetParser.ID)) {
            if (!tokens.text(0).equals("sequence")) throw GiveUp.INSTANCE;
            tokens.consume();
            sequence = true;
        }
        BigDecimal tolerance = null;
        if (at(WITHIN)) {
            tokens.consume();
            tolerance = signedNumber().value();
            if (tolerance.signum() < 0) throw GiveUp.INSTANCE;
        }
        expect(Literals.LBRACE);
        List<Ident> ins = null;
        List<Ident> outs = null;
        List<TestDecl.Row> rows = new ArrayList<>();
        for (boolean first = true; more(Literals.RBRACE, first); first = false) {
            if (ins == null) {
                ins = headerNames();
                expect(BAR);
                outs = headerNames();
            } else {
                rows.add(row());
            }
        }
        // No header: AstBuilder says a test needs one.
        if (ins == null) throw GiveUp.INSTANCE;
        return new TestDecl(ref, sequence, tolerance, ins, outs, rows, pos);
    }

    /**
     * The names of a header row up to its '|' or its end. Every cell of a header must be a name: after
     * a number here, neither the '|' nor the row's end that the caller expects can follow.
     */
    private List<Ident> headerNames() {
        List<Ident> out = new ArrayList<>();
        while (at(NetParser.ID)) out.add(ident());
        return out;
    }

    private TestDecl.Row row() {
        Pos pos = pos();
        List<TestDecl.Cell> ins = cells();
        expect(BAR);
        return new TestDecl.Row(ins, cells(), pos);
    }

    /** Cells up to a '|' or the end of the row: numbers, or X (x) for any value. */
    private List<TestDecl.Cell> cells() {
        List<TestDecl.Cell> out = new ArrayList<>();
        while (true) {
            if (at(NetParser.ID)) {
                String x = tokens.text(0);
                if (!x.equals("X") && !x.equals("x")) throw GiveUp.INSTANCE;
                out.add(new TestDecl.Cell(null, pos()));
                tokens.consume();
            } else if (at(MINUS) || at(NetParser.NUMBER)) {
                Pos pos = pos();
                Signed s = signedNumber();
                out.add(new TestDecl.Cell(s.value(), s.text(), pos));
            } else {
                return out;
            }
        }
    }

    /** {@code '-'? NUMBER}: its value and its text as written, without what lies between. */
    private record Signed(BigDecimal value, String text) {}

    private Signed signedNumber() {
        boolean negative = at(MINUS);
        if (negative) tokens.consume();
        if (!at(NetParser.NUMBER)) throw GiveUp.INSTANCE;
        String digits = tokens.text(0);
        BigDecimal v = number(digits);
        tokens.consume();
        return negative ? new Signed(v.negate(), "-" + digits) : new Signed(v, digits);
    }

    /** A literal's value; giving up where AstBuilder reports it (out of range, no digits). */
    private static BigDecimal number(String text) {
        try {
            return Numbers.parse(text);
        } catch (NumberFormatException e) {
            throw GiveUp.INSTANCE;
        }
    }

    // ---- statements

    private List<Stmt> block() {
        expect(Literals.LBRACE);
        List<Stmt> out = new ArrayList<>();
        for (boolean first = true; more(Literals.RBRACE, first); first = false) out.add(stmt());
        return out;
    }

    private Stmt stmt() {
        Pos pos = pos();
        if (at(WIRE)) {
            tokens.consume();
            return new WireDecl(ports(), pos);
        }
        if (at(FEEDBACK)) {
            tokens.consume();
            List<FeedbackDecl.Wire> wires = new ArrayList<>();
            do {
                if (!wires.isEmpty()) tokens.consume();
                Port port = port();
                Signed init = null;
                if (at(ASSIGN)) {
                    tokens.consume();
                    init = signedNumber();
                }
                wires.add(new FeedbackDecl.Wire(port, init == null ? null : init.value(), init == null ? null : init.text()));
            } while (at(COMMA));
            return new FeedbackDecl(Collections.unmodifiableList(wires), pos);
        }
        if (at(FOR)) {
            tokens.consume();
            Ident var = ident();
            expect(IN);
            Expr from = arith(0);
            expect(DOTS);
            Expr to = arith(0);
            return new ForLoop(var, from, to, block(), pos);
        }
        List<Assign.Target> targets = new ArrayList<>();
        if (at(Literals.LPAREN)) {
            do {
                tokens.consume();
                targets.add(target());
            } while (at(COMMA));
            expect(Literals.RPAREN);
        } else {
            targets.add(target());
        }
        expect(ASSIGN);
        return new Assign(Collections.unmodifiableList(targets), expr(0), pos);
    }

    private Assign.Target target() {
        Ident id = ident();
        return new Assign.Target(id.name(), selector(), id.pos());
    }

    /** {@code ('[' arith ('..' arith)? ']')?}. */
    private Selector selector() {
        if (!at(Literals.LBRACKET)) return null;
        tokens.consume();
        Expr first = arith(0);
        Selector s;
        if (at(DOTS)) {
            tokens.consume();
            s = Selector.slice(first, arith(0));
        } else {
            s = new Selector(first, null);
        }
        expect(Literals.RBRACKET);
        return s;
    }

    /** One level deeper into an expression's tree; gives up past {@link #MAX_DEPTH}. */
    private void deeper() {
        if (++depth > MAX_DEPTH) throw GiveUp.INSTANCE;
    }

    // ---- integer expressions

    /** An {@code arith} whose operators bind at least at {@code min}. */
    private Expr arith(int min) {
        int outer = depth;
        deeper();
        Expr left = arithPrefix();
        while (true) {
            int level = ARITH_LEVEL[literal(type())];
            if (level == 0 || level < min) {
                depth = outer;
                return left;
            }
            deeper();
            Pos pos = pos();
            BinaryOp op = BinaryOp.of(tokens.text(0));
            tokens.consume();
            left = new Expr.Binary(op, left, arith(level + 1), pos);
        }
    }

    private Expr arithPrefix() {
        Pos pos = pos();
        if (at(Literals.LPAREN)) {
            tokens.consume();
            Expr inner = arith(0);
            expect(Literals.RPAREN);
            return new Expr.Paren(inner, pos);
        }
        if (at(MINUS)) {
            tokens.consume();
            return new Expr.Unary(UnaryOp.NEG, arith(ARITH_NEG_OPERAND), pos);
        }
        if (at(NetParser.NUMBER)) return num();
        if (at(NetParser.ID)) {
            String name = text();
            tokens.consume();
            return new Expr.Ref(name, null, pos);
        }
        throw GiveUp.INSTANCE;
    }

    /** A token type as an index into the level tables: 0 for the named rules' tokens and the end. */
    private static int literal(int type) {
        return type > 0 && type < Literals.LITERAL_NAMES.length ? type : 0;
    }

    // ---- expressions

    /** An {@code expr} whose operators bind at least at {@code min}. */
    private Expr expr(int min) {
        int outer = depth;
        deeper();
        Pos start = pos();
        Expr left = prefix();
        while (true) {
            int level = EXPR_LEVEL[literal(type())];
            if (level == 0 || level < min) {
                depth = outer;
                return left;
            }
            // Each operator puts the chain so far one level deeper (a + b + c is (a + b) + c).
            deeper();
            Pos pos = pos();
            if (level == TERNARY) {
                tokens.consume();
                Expr then = expr(0);
                expect(COLON);
                // Right-associative: the third operand may be another '?:'. The whole starts where its condition does.
                left = new Expr.Ternary(left, then, expr(TERNARY), start);
                continue;
            }
            BinaryOp op = BinaryOp.of(tokens.text(0));
            tokens.consume();
            Expr.Binary b = new Expr.Binary(op, left, expr(level + 1), pos);
            // Comparisons do not chain: AstBuilder explains what to write instead.
            if (op.isComparison() && (isComparison(b.left()) || isComparison(b.right()))) throw GiveUp.INSTANCE;
            left = b;
        }
    }

    private static boolean isComparison(Expr e) {
        return e instanceof Expr.Binary b && b.op().isComparison();
    }

    private Expr prefix() {
        Pos pos = pos();
        int t = type();
        if (t == MINUS || t == PLUS || t == TILDE) {
            UnaryOp op = UnaryOp.of(tokens.text(0));
            tokens.consume();
            return new Expr.Unary(op, expr(UNARY_OPERAND), pos);
        }
        if (t == Literals.LPAREN) {
            tokens.consume();
            Expr inner = expr(0);
            expect(Literals.RPAREN);
            return new Expr.Paren(inner, pos);
        }
        if (t == NetParser.ID) return callOrRef(pos);
        if (t == Literals.QUESTION || t == NetParser.LEARNABLE) {
            String s = tokens.text(0);
            BigDecimal init = s.length() > 1 ? number(s.substring(1)) : null;
            Expr e = new Expr.Learnable(init, tokens.start(0), tokens.end(0), pos);
            tokens.consume();
            return e;
        }
        if (t == NetParser.NUMBER) return num();
        if (t == Literals.LBRACE) {
            tokens.consume();
            List<Expr> parts = exprs();
            expect(Literals.RBRACE);
            return new Expr.Concat(parts, pos);
        }
        throw GiveUp.INSTANCE;
    }

    /**
     * A name: a call ({@code f(...)}, {@code f<2>(...)}) or a signal ({@code a}, {@code a[3]}). After
     * {@code f <}, what follows decides: type arguments, '>' and '(' make a call (ANTLR takes the
     * call too, its alternative coming first: {@code g(a < b, c > (d))} is a call of {@code a}); else it
     * is {@code f} compared with what follows, read again from the '<'.
     */
    private Expr callOrRef(Pos pos) {
        String name = text();
        tokens.consume();
        List<Expr> typeArgs = List.of();
        if (at(LT)) {
            int mark = tokens.mark();
            int outer = depth;
            try {
                tokens.consume();
                typeArgs = ariths();
                if (!at(GT) || tokens.type(1) != Literals.LPAREN) throw GiveUp.INSTANCE;
                tokens.release(mark);
            } catch (GiveUp e) {
                tokens.reset(mark);
                depth = outer;
                return new Expr.Ref(name, null, pos);
            }
            tokens.consume();
        }
        if (!at(Literals.LPAREN)) return new Expr.Ref(name, selector(), pos);
        tokens.consume();
        List<Expr> args = at(Literals.RPAREN) ? List.of() : exprs();
        expect(Literals.RPAREN);
        return new Expr.Call(name, typeArgs, args, pos);
    }

    /** {@code expr (',' expr)*}. */
    private List<Expr> exprs() {
        List<Expr> out = new ArrayList<>();
        out.add(expr(0));
        while (at(COMMA)) {
            tokens.consume();
            out.add(expr(0));
        }
        return Collections.unmodifiableList(out);
    }

    private Expr.Num num() {
        String s = text();
        Expr.Num n = new Expr.Num(number(s), s, pos());
        tokens.consume();
        return n;
    }
}
