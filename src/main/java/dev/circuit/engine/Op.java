package dev.circuit.engine;

/** The gate kinds of the network; {@code b} is ignored by NOT. */
public enum Op {
    AND, OR, XOR, NAND, NOR, XNOR, ANDN, ORN, NOT;

    /** The gate's value on whole words: 64 rows at once. */
    public long apply(long a, long b) {
        switch (this) {
            case AND: return a & b;
            case OR: return a | b;
            case XOR: return a ^ b;
            case NAND: return ~(a & b);
            case NOR: return ~(a | b);
            case XNOR: return ~(a ^ b);
            case ANDN: return a & ~b;
            case ORN: return a | ~b;
            default: return ~a;
        }
    }
}
