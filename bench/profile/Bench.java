import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Profiling aid, not part of circuit: times one kernel on one thread over the first 2^LOG rows of
 * the check that Gen dumped, after a warm-up, and prints rows per CPU-second of this thread (the
 * machine may be shared, so wall time would mislead).
 *   java -Dwords=32 Bench interp  DIR LOG   a copy of BitParallel's kernel (gate loop, WORDS words)
 *   java Bench straight64 DIR LOG           Gen's straight-line long code
 *   java --add-modules jdk.incubator.vector Bench vec DIR LOG   Gen's LongVector code
 */
public final class Bench {
    static final int WORDS = Integer.getInteger("words", 32); // a constant to the JIT, like the engine's
    static final long[] LANE = {
        0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
        0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L,
    };
    static int slots, prop;
    static int[] inSlot, inBit, aSlot, bSlot, outSlot;
    static byte[] op;

    public static void main(String[] args) throws Throwable {
        String mode = args[0];
        int log = Integer.parseInt(args[2]);
        List<String> lines = Files.readAllLines(Path.of(args[1], "gates.txt"));
        int[] h = Arrays.stream(lines.get(0).split(" ")).mapToInt(Integer::parseInt).toArray();
        slots = h[1]; prop = h[2];
        inSlot = new int[h[3]]; inBit = new int[h[3]];
        for (int i = 0; i < h[3]; i++) { String[] f = lines.get(1 + i).split(" "); inSlot[i] = Integer.parseInt(f[0]); inBit[i] = Integer.parseInt(f[1]); }
        op = new byte[h[4]]; aSlot = new int[h[4]]; bSlot = new int[h[4]]; outSlot = new int[h[4]];
        for (int k = 0; k < h[4]; k++) {
            String[] f = lines.get(1 + h[3] + k).split(" ");
            op[k] = Byte.parseByte(f[0]); aSlot[k] = Integer.parseInt(f[1]); bSlot[k] = Integer.parseInt(f[2]); outSlot[k] = Integer.parseInt(f[3]);
        }
        long rows = 1L << log;
        Scan scan;
        long unit;
        switch (mode) {
            case "interp": {
                long[][] slot = new long[slots][WORDS];
                Arrays.fill(slot[1], -1L);
                unit = 64L * WORDS;
                scan = (u0, u1) -> {
                    for (long u = u0; u < u1; u++) { long f = block(u * 64L * WORDS, slot); if (f >= 0) return f; }
                    return -1;
                };
                break;
            }
            case "straight64": unit = 64; scan = handle("Straight64"); break;
            case "vec": unit = 256; scan = handle("StraightVec"); break;
            case "loop": unit = 64 * 32; scan = handle("StraightLoop"); break;
            case "chunked": unit = 64L << Integer.getInteger("lw", 5); scan = handle("Chunked"); break;
            default: throw new IllegalArgumentException(mode);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long units = rows / unit;
        long warm = Math.min(units, (1L << 26) / unit);
        for (int i = 0; i < 3; i++) check(scan.scan(0, warm));
        long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        check(scan.scan(0, units));
        long c1 = mx.getCurrentThreadCpuTime(), t1 = System.nanoTime();
        double cpu = (c1 - c0) / 1e9, wall = (t1 - t0) / 1e9;
        System.out.printf("%-10s words=%-4s rows=2^%d cpu=%.3fs wall=%.3fs rows/cpu-s=%.4g neuron-ev/cpu-s=%.4g%n",
                mode, mode.equals("interp") ? String.valueOf(WORDS) : "-", log, cpu, wall, rows / cpu, rows * 144.0 / cpu);
    }

    interface Scan { long scan(long u0, long u1) throws Throwable; }

    static Scan handle(String cls) throws ReflectiveOperationException {
        MethodHandle m = MethodHandles.lookup().findStatic(Class.forName(cls), "scan",
                MethodType.methodType(long.class, long.class, long.class));
        return (u0, u1) -> (long) m.invokeExact(u0, u1);
    }

    static void check(long f) {
        if (f >= 0) throw new AssertionError("property failed at row " + f);
    }

    // --- from here: BitParallel.block and run, unchanged but for WORDS
    static long block(long r0, long[][] slot) {
        for (int i = 0; i < inSlot.length; i++) {
            long[] s = slot[inSlot[i]];
            int bit = inBit[i];
            if (bit < 6) Arrays.fill(s, LANE[bit]);
            else if (bit < 6 + Integer.numberOfTrailingZeros(WORDS)) for (int j = 0; j < WORDS; j++) s[j] = ((j >>> (bit - 6)) & 1) != 0 ? -1L : 0L;
            else Arrays.fill(s, ((r0 >>> bit) & 1) != 0 ? -1L : 0L);
        }
        run(slot);
        long[] p = slot[prop];
        for (int j = 0; j < WORDS; j++) {
            long bad = ~p[j];
            if (bad != 0) return r0 + 64L * j + Long.numberOfTrailingZeros(bad);
        }
        return -1;
    }

    static void run(long[][] slot) {
        final byte[] op = Bench.op;
        for (int k = 0; k < op.length; k++) {
            long[] o = slot[outSlot[k]];
            long[] a = slot[aSlot[k]];
            long[] b = slot[bSlot[k]];
            switch (op[k]) {
                case 0: for (int j = 0; j < WORDS; j++) o[j] = a[j] & b[j]; break;
                case 1: for (int j = 0; j < WORDS; j++) o[j] = a[j] | b[j]; break;
                case 2: for (int j = 0; j < WORDS; j++) o[j] = a[j] ^ b[j]; break;
                case 3: for (int j = 0; j < WORDS; j++) o[j] = ~(a[j] & b[j]); break;
                case 4: for (int j = 0; j < WORDS; j++) o[j] = ~(a[j] | b[j]); break;
                case 5: for (int j = 0; j < WORDS; j++) o[j] = ~(a[j] ^ b[j]); break;
                case 6: for (int j = 0; j < WORDS; j++) o[j] = a[j] & ~b[j]; break;
                case 7: for (int j = 0; j < WORDS; j++) o[j] = a[j] | ~b[j]; break;
                default: for (int j = 0; j < WORDS; j++) o[j] = ~a[j]; break;
            }
        }
    }
}
