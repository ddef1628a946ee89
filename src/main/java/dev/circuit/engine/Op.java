package dev.circuit.engine;

/**
 * The gate kinds of the network: ANDN is {@code a & ~b}, ORN {@code a | ~b}, and NOT ignores
 * {@code b}. The interpreters ({@link BitParallel}, {@link SeqSim}) and the generated code
 * ({@link Bytecode}) run them.
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

    /**
     * Runs a schedule of gates over vectors of {@code words} words: gate {@code k} of kind
     * {@code op[k]} (an ordinal) writes {@code v[out[k]]} from {@code v[a[k]]} and {@code v[b[k]]}.
     * The interpreters' one inner loop, a switch per gate and a plain loop per kind, which C2
     * unrolls and vectorises.
     */
    static void run(byte[] op, int[] out, int[] a, int[] b, long[][] v, int words) {
        for (int k = 0; k < op.length; k++) {
            long[] o = v[out[k]];
            long[] x = v[a[k]];
            long[] y = v[b[k]];
            switch (op[k]) {
                case 0: for (int j = 0; j < words; j++) o[j] = x[j] & y[j]; break;
                case 1: for (int j = 0; j < words; j++) o[j] = x[j] | y[j]; break;
                case 2: for (int j = 0; j < words; j++) o[j] = x[j] ^ y[j]; break;
                case 3: for (int j = 0; j < words; j++) o[j] = ~(x[j] & y[j]); break;
                case 4: for (int j = 0; j < words; j++) o[j] = ~(x[j] | y[j]); break;
                case 5: for (int j = 0; j < words; j++) o[j] = ~(x[j] ^ y[j]); break;
                case 6: for (int j = 0; j < words; j++) o[j] = x[j] & ~y[j]; break;
                case 7: for (int j = 0; j < words; j++) o[j] = x[j] | ~y[j]; break;
                default: for (int j = 0; j < words; j++) o[j] = ~x[j]; break;
            }
        }
    }
}
