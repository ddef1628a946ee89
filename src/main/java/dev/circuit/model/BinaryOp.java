package dev.circuit.model;

/**
 * The binary operators, with the precedence level each binds at (higher binds tighter). The order
 * is Rust's and Python's: products, sums, shifts, then {@code &}, {@code ^}, {@code |}, and only
 * then the comparisons, which share one level and do not chain. The grammar encodes the same
 * order (the printer needs none: it keeps the source's own parentheses).
 */
public enum BinaryOp {
    MUL("*", 7), DIV("/", 7), MOD("%", 7),
    ADD("+", 6), SUB("-", 6),
    SHL("<<", 5), SHR(">>", 5),
    AND("&", 4),
    XOR("^", 3),
    OR("|", 2),
    LT("<", 1), LE("<=", 1), GT(">", 1), GE(">=", 1), EQ("==", 1), NE("!=", 1);

    private final String symbol;
    private final int level;

    BinaryOp(String symbol, int level) {
        this.symbol = symbol;
        this.level = level;
    }

    public String symbol() {
        return symbol;
    }

    /** {@code < <= > >= == !=}: the value is 0 or 1. */
    public boolean isComparison() {
        return level == 1;
    }

    /** {@code < <= > >=}: the comparisons a neuron can be written as (a threshold). */
    public boolean isOrdering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    /** {@code + - * /}: the operators a weighted sum may use. */
    public boolean isLinear() {
        return this == ADD || this == SUB || this == MUL || this == DIV;
    }

    public static BinaryOp of(String symbol) {
        for (BinaryOp op : values()) if (op.symbol.equals(symbol)) return op;
        throw new IllegalArgumentException("no binary operator '" + symbol + "'");
    }

    @Override
    public String toString() {
        return symbol;
    }
}
