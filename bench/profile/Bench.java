import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Profiling aid, not part of circuit: times one kernel on one thread over the first 2^LOG rows of
 * the engine's enumeration (see Gen) of the check that Gen dumped, after a warm-up, and prints rows
 * per CPU-second of this thread (the machine may be shared, so wall time would mislead).
 *   java Bench interp     DIR LOG   a copy of BitParallel's interpreter (block part, then Op.run)
 *   java Bench straight64 DIR LOG   Gen's straight-line long code, one word per step
 *   java --add-modules jdk.incubator.vector Bench vec DIR LOG   Gen's LongVector code
 *   java Bench loop       DIR LOG   Gen's Java copy of the method Bytecode generates
 *   java Bench chunked    DIR LOG   that method with its row gates in chunks
 * Every kernel runs under a copy of BitParallel.firstFailure's search (one thread), so a failing
 * check reports the first failing row in counting order, as `circuit test` does.
 */
public final class Bench {
    /** A kernel: the enumeration index of the first row failing in units u0..u1-1 (out then holds that unit's property words), or -1. */
    interface Kernel {
        long scan(long u0, long u1, long[] out) throws Throwable;
    }

    static int words, bits;
    static int[] rowBit;                // of each position of the enumeration index

    public static void main(String[] args) throws Throwable {
        String mode = args[0];
        int log = Integer.parseInt(args[2]);
        Ints in = new Ints(Files.readString(Path.of(args[1], "gates.txt")));
        words = in.next();
        bits = in.next();
        int slots = in.next(), blockSlots = in.next(), prop = in.next(), neurons = in.next();
        rowBit = in.next(bits);
        int[][] fast = in.columns(2), slow = in.columns(2), blockGates = in.columns(4), casts = in.columns(2), rowGates = in.columns(4);
        Kernel k;
        int unitWords;
        switch (mode) {
            case "interp": {
                Interp e = new Interp(words, bits, fast, slow, blockGates, blockSlots, casts, rowGates, slots, prop);
                long[][] slot = e.newSlots();
                long[] h = e.newBlockSlots();
                k = (b0, b1, out) -> {
                    long f = e.interpreted(b0, b1, slot, h);
                    if (f >= 0) System.arraycopy(slot[prop], 0, out, 0, words);
                    return f;
                };
                unitWords = words;
                break;
            }
            case "straight64": k = handle("Straight64"); unitWords = 1; break;
            case "vec": k = handle("StraightVec"); unitWords = 4; break;
            case "loop": k = handle("StraightLoop"); unitWords = words; break;
            case "chunked": k = handle("Chunked"); unitWords = words; break;
            default: throw new IllegalArgumentException(mode);
        }
        long rows = 1L << log;
        long unitRows = 64L * unitWords;
        long units = rows / unitRows;
        long[] out = new long[words];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warm = Math.min(units, (1L << 26) / unitRows);
        for (int i = 0; i < 3; i++) check(firstFailure(k, warm, unitWords, out));
        long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        check(firstFailure(k, units, unitWords, out));
        long c1 = mx.getCurrentThreadCpuTime(), t1 = System.nanoTime();
        double cpu = (c1 - c0) / 1e9, wall = (t1 - t0) / 1e9;
        System.out.printf("%-10s words=%-3d rows=2^%d cpu=%.3fs wall=%.3fs rows/cpu-s=%.4g neuron-ev/cpu-s=%.4g%n",
                mode, words, log, cpu, wall, rows / cpu, rows * (double) neurons / cpu);
    }

    static Kernel handle(String cls) throws ReflectiveOperationException {
        MethodHandle m = MethodHandles.lookup().findStatic(Class.forName(cls), "scan",
                MethodType.methodType(long.class, long.class, long.class, long[].class));
        return (u0, u1, out) -> (long) m.invokeExact(u0, u1, out);
    }

    static void check(long f) {
        if (f >= 0) throw new AssertionError("property failed at row " + f);
    }

    /** BitParallel.rowOf: the row (counting order) of enumeration index e. */
    static long rowOf(long e) {
        long r = 0;
        for (int q = 0; q < rowBit.length; q++) r |= ((e >>> q) & 1) << rowBit[q];
        return r;
    }

    /**
     * BitParallel.firstFailure on one thread, over the first {@code units} units of
     * {@code unitWords} words (a unit divides a block): a failing unit's rows are all looked at, and
     * the search stops at the first block whose smallest row is above the best failure found (the
     * engine's argument for why that is the first failing row holds as long as skipping happens
     * only at block boundaries, which it does: a block's smallest row is not above the failures
     * found inside it).
     */
    static long firstFailure(Kernel k, long units, int unitWords, long[] out) throws Throwable {
        long found = Long.MAX_VALUE;
        long blockRows = 64L * words, unitRows = 64L * unitWords;
        for (long u = 0; u < units && rowOf(u * unitRows / blockRows * blockRows) <= found; ) {
            long fail = k.scan(u, units, out);
            if (fail < 0) break;
            long failed = fail / unitRows;
            for (int j = 0; j < unitWords; j++) {
                for (long bad = ~out[j]; bad != 0; bad &= bad - 1)
                    found = Math.min(found, rowOf(failed * unitRows + 64L * j + Long.numberOfTrailingZeros(bad)));
            }
            u = failed + 1;
        }
        return found == Long.MAX_VALUE ? -1 : found;
    }

    /** Whitespace-separated ints. */
    static final class Ints {
        private final String[] t;
        private int at;

        Ints(String text) {
            t = text.trim().split("\\s+");
        }

        int next() {
            return Integer.parseInt(t[at++]);
        }

        int[] next(int n) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) v[i] = next();
            return v;
        }

        /** A count, then that many rows of {@code width} ints, as columns. */
        int[][] columns(int width) {
            int n = next();
            int[][] c = new int[width][n];
            for (int k = 0; k < n; k++) for (int j = 0; j < width; j++) c[j][k] = next();
            return c;
        }
    }

    // --- from here: BitParallel's interpreter and Op, copied (fields as BitParallel names them)

    static final class Interp {
        private static final long[] LANE = {
            0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
            0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L,
        };
        private final int words, blockRows, bits;
        private final int[] inputSlot, inputPos, slowSlot, slowPos;
        private final byte[] blockOp;
        private final int[] blockA, blockB, blockOut;
        private final int blockSlots;
        private final int[] castFrom, castTo;
        private final byte[] op;
        private final int[] aSlot, bSlot, outSlot;
        private final int slots, propSlot;

        Interp(int words, int bits, int[][] fastIn, int[][] slowIn, int[][] blockGates, int blockSlots, int[][] casts,
               int[][] rowGates, int slots, int propSlot) {
            this.words = words;
            this.blockRows = 64 * words;
            this.bits = bits;
            this.inputSlot = fastIn[0];
            this.inputPos = fastIn[1];
            this.slowSlot = slowIn[0];
            this.slowPos = slowIn[1];
            this.blockOp = bytes(blockGates[0]);
            this.blockA = blockGates[1];
            this.blockB = blockGates[2];
            this.blockOut = blockGates[3];
            this.blockSlots = blockSlots;
            this.castFrom = casts[0];
            this.castTo = casts[1];
            this.op = bytes(rowGates[0]);
            this.aSlot = rowGates[1];
            this.bSlot = rowGates[2];
            this.outSlot = rowGates[3];
            this.slots = slots;
            this.propSlot = propSlot;
        }

        private static byte[] bytes(int[] v) {
            byte[] b = new byte[v.length];
            for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
            return b;
        }

        long rows() {
            return 1L << bits;
        }

        /** Word slots with the fast inputs in place: they are the same in every block. */
        long[][] newSlots() {
            long[][] slot = new long[Math.max(1, slots)][words];
            for (int i = 0; i < inputSlot.length; i++) {
                long[] s = slot[inputSlot[i]];
                int p = inputPos[i];
                for (int j = 0; j < words; j++) s[j] = p < 6 ? LANE[p] : ((j >>> (p - 6)) & 1) != 0 ? -1L : 0L;
            }
            return slot;
        }

        long[] newBlockSlots() {
            long[] h = new long[blockSlots];
            h[1] = -1L;
            return h;
        }

        /** Runs blocks b0 .. b1-1; returns the enumeration index of the first failing row, or -1. */
        long interpreted(long b0, long b1, long[][] slot, long[] h) {
            for (long b = b0; b < b1; b++) {
                long fail = block(b, slot, h);
                if (fail >= 0) return fail;
            }
            return -1;
        }

        /** Evaluates block b; returns the enumeration index of its first failing row, or -1. */
        private long block(long b, long[][] slot, long[] h) {
            long e0 = b * blockRows;
            for (int i = 0; i < slowSlot.length; i++) h[slowSlot[i]] = -((e0 >>> slowPos[i]) & 1);
            for (int k = 0; k < blockOp.length; k++) h[blockOut[k]] = Op.of(blockOp[k]).apply(h[blockA[k]], h[blockB[k]]);
            for (int k = 0; k < castFrom.length; k++) Arrays.fill(slot[castTo[k]], h[castFrom[k]]);
            run(slot);
            long rows = rows();
            long[] p = slot[propSlot];
            for (int j = 0; j < words; j++) {
                long bad = ~p[j];
                if (bad != 0) {
                    long e = e0 + 64L * j + Long.numberOfTrailingZeros(bad);
                    return e < rows ? e : -1;
                }
            }
            return -1;
        }

        private void run(long[][] slot) {
            Op.run(op, outSlot, aSlot, bSlot, slot, words);
        }
    }

    enum Op {
        AND, OR, XOR, NAND, NOR, XNOR, ANDN, ORN, NOT;

        private static final Op[] ALL = values();

        static Op of(int ordinal) {
            return ALL[ordinal];
        }

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
}
