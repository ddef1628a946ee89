package dev.circuit.model;

/** The prefix operators: negation, plus, and {@code ~} (complement within a signal's width). */
public enum UnaryOp {
    NEG("-"), PLUS("+"), NOT("~");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static UnaryOp of(String symbol) {
        for (UnaryOp op : values()) if (op.symbol.equals(symbol)) return op;
        throw new IllegalArgumentException("no unary operator '" + symbol + "'");
    }

    @Override
    public String toString() {
        return symbol;
    }
}
