package dev.circuit.engine;

/**
 * The gate kinds of the network: ANDN is {@code a & ~b}, ORN {@code a | ~b}, and NOT ignores
 * {@code b}. The interpreter ({@link BitParallel}) and the generated code ({@link Bytecode}) run them.
 */
public enum Op {
    AND, OR, XOR, NAND, NOR, XNOR, ANDN, ORN, NOT;

    private static final Op[] ALL = values();

    /** The kind with this ordinal (schedules store kinds as bytes). */
    static Op of(int ordinal) {
        return ALL[ordinal];
    }

    /** The gate on one word: what the interpreter computes once per block for a hoisted gate. */
    long apply(long a, long b) {
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
