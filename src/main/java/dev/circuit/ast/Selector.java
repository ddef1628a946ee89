package dev.circuit.ast;

/** {@code [i]} or {@code [hi..lo]} after a bus name. {@code hi} is null for a single index. */
public record Selector(Expr index, Expr hi) {
    /** The slice {@code [hi..lo]}; {@code lo} is stored as the index. */
    public static Selector slice(Expr hi, Expr lo) {
        return new Selector(lo, hi);
    }

    public boolean isSlice() {
        return hi != null;
    }
}
