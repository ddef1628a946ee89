package dev.circuit.engine;

import dev.circuit.model.Netlist;
import dev.circuit.model.Prop;
import dev.circuit.model.Neuron;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Checks a property on every input row, 64 x {@link #WORDS} rows per pass. The circuit and the
 * property are one gate network; each gate runs as a tight loop over {@link #WORDS} words, which
 * the JIT turns into vector instructions. Values live in a few reusable slots (a register
 * allocation over the gates' lifetimes), so memory stays small however large the circuit.
 */
public final class BitParallel implements Bytecode.Schedule {
    /** Words per pass: 2048 rows. Large enough to amortise the per-gate dispatch, small enough for L1/L2. */
    static final int WORDS = 32;
    /** log2(WORDS): the row bits 6 .. 6 + LOG_WORDS - 1 vary inside a block. */
    private static final int LOG_WORDS = Integer.numberOfTrailingZeros(WORDS);
    /**
     * For the generated code: the in-block row bits 6..10 as words, {@code PATTERN[k * WORDS + i]}
     * all ones when bit k of word index i is set (read from an array: it measured faster than
     * computing them from i in the loop).
     */
    private static final long[] PATTERN = new long[LOG_WORDS * WORDS];

    static {
        for (int k = 0; k < LOG_WORDS; k++)
            for (int i = 0; i < WORDS; i++) PATTERN[k * WORDS + i] = ((i >>> k) & 1) != 0 ? -1L : 0L;
    }
    private static final int ROWS_PER_BLOCK = 64 * WORDS;
    private static final long[] LANE = {
        0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
        0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L,
    };

    private final int inputBits;
    private final int[] inputSlot;
    private final int[] inputRowBit;
    private final byte[] op;
    private final int[] aSlot;
    private final int[] bSlot;
    private final int[] outSlot;
    private final int slots;
    private final int propSlot;
    private final int neurons;
    private final int gates;
    /** The network as generated straight-line code, or null: then the gate loop below interprets it. */
    private java.lang.invoke.MethodHandle compiled;

    private BitParallel(int inputBits, int[] inputSlot, int[] inputRowBit, byte[] op, int[] aSlot, int[] bSlot,
                        int[] outSlot, int slots, int propSlot, int neurons) {
        this.inputBits = inputBits;
        this.inputSlot = inputSlot;
        this.inputRowBit = inputRowBit;
        this.op = op;
        this.aSlot = aSlot;
        this.bSlot = bSlot;
        this.outSlot = outSlot;
        this.slots = slots;
        this.propSlot = propSlot;
        this.neurons = neurons;
        this.gates = op.length;
    }

    /**
     * Compiles a Boolean netlist and a check's property, or returns null when the engine does not
     * apply (real-valued neurons, non-integer weights, operators it does not synthesise).
     * {@code generate} false keeps the interpreter (for cross-checks).
     */
    public static BitParallel compile(Netlist net, Prop property, boolean generate) {
        // Rows are numbered by a long: the engine enumerates at most 2^62 of them.
        if (net.inputBits() > 62) return null;
        Network n = synthesise(net, property);
        return n == null ? null : compile(n, net, net.neurons().size(), generate);
    }

    /**
     * Schedules a network built on the input bits of {@code rows} (at most 62), whose rows are
     * numbered as that netlist's are ({@link dev.circuit.eval.Rows}); {@code neurons} is what it was
     * built from, for reports.
     */
    static BitParallel compile(Network n, Netlist rows, int neurons, boolean generate) {
        if (rows.inputBits() > 62) throw new IllegalArgumentException("more than 2^62 rows");
        BitParallel e = schedule(n.gates(), n.property(), rowBits(rows), neurons);
        // Fewer than 64 rows do not fill a word; the interpreter masks the rest, the generated code does not.
        if (generate && rows.inputBits() >= 6) e.compiled = Bytecode.compile(e);
        return e;
    }

    /** A circuit and its property as one gate network; {@code property} is the signal that is 1 where it holds. */
    record Network(Gates gates, int property) {}

    /**
     * The gate network of a Boolean circuit and a property, before scheduling, for any number of
     * inputs; null when it cannot be built exactly (real-valued neurons, non-integer weights,
     * operators {@link SpecSynth} does not synthesise). The SAT encoding ({@link Cnf}) reads it.
     */
    static Network synthesise(Netlist net, Prop property) {
        Gates g = new Gates(net.inputBits());
        int[] inputs = new int[net.inputBits()];
        for (int i = 0; i < inputs.length; i++) inputs[i] = g.input(i);
        int[][] terms = terminals(g, net, inputs);
        if (terms == null) return null;
        int prop = SpecSynth.synth(g, property, terms);
        return prop < 0 ? null : new Network(g, prop);
    }

    /**
     * Builds a Boolean netlist into {@code g}, its input bit i being the signal {@code inputs[i]}, and
     * returns the signals of its terminals (inputs then outputs, bit 0 first); null when it cannot be
     * built exactly (real-valued or learnable neurons, weights whose exact form does not fit in longs).
     * Several netlists may be built into one network: the equivalence miter shares their inputs.
     */
    static int[][] terminals(Gates g, Netlist net, int[] inputs) {
        if (!net.isBoolean()) return null;
        int[] signal = new int[net.netCount()];
        System.arraycopy(inputs, 0, signal, 0, net.inputBits());
        for (Netlist.Constant c : net.constants()) signal[c.net()] = g.constant(c.value() == 1);
        for (Neuron n : net.neurons()) {
            int[] ins = n.inputs().stream().mapToInt(k -> signal[k]).toArray();
            int s = NeuronSynth.synth(g, n, ins);
            if (s < 0) return null;
            signal[n.out()] = s;
        }
        return net.terminals().stream().map(t -> t.nets().stream().mapToInt(k -> signal[k]).toArray()).toArray(int[][]::new);
    }

    /** Which bit of the row number each input bit is: the first input is the most significant. */
    private static int[] rowBits(Netlist net) {
        int total = net.inputBits();
        int[] rb = new int[total];
        int at = 0;
        for (Terminal t : net.inputs()) {
            for (int b = 0; b < t.width(); b++) rb[at + b] = total - at - t.width() + b;
            at += t.width();
        }
        return rb;
    }

    /** Keeps the gates the property needs and gives each value a slot, reused once its last reader ran. */
    private static BitParallel schedule(Gates g, int prop, int[] rowBits, int neurons) {
        int first = g.firstGate();
        int n = g.signalCount();
        boolean[] live = g.cone(prop);
        int[] lastUse = new int[n];
        Arrays.fill(lastUse, -1);
        for (int s = first; s < n; s++) {
            if (!live[s]) continue;
            lastUse[g.a(s - first)] = s;
            lastUse[g.b(s - first)] = s;
        }
        lastUse[prop] = Integer.MAX_VALUE;
        int[] slotOf = new int[n];
        // Slots 0 and 1 hold the constants; then the inputs; then a free list for gate values.
        slotOf[Gates.FALSE] = 0;
        slotOf[Gates.TRUE] = 1;
        int next = 2;
        List<Integer> inSlots = new ArrayList<>();
        List<Integer> inBits = new ArrayList<>();
        for (int i = 0; i < g.inputCount(); i++) {
            int s = g.input(i);
            if (!live[s]) continue;
            slotOf[s] = next++;
            inSlots.add(slotOf[s]);
            inBits.add(rowBits[i]);
        }
        List<Integer> gatesInOrder = new ArrayList<>();
        for (int s = first; s < n; s++) if (live[s]) gatesInOrder.add(s);
        // Gate values die at their last reader; a slot freed by this gate's inputs may hold its output
        // (each kernel reads a[j], b[j] before writing out[j]).
        java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();
        int count = gatesInOrder.size();
        byte[] ops = new byte[count];
        int[] as = new int[count];
        int[] bs = new int[count];
        int[] outs = new int[count];
        for (int k = 0; k < count; k++) {
            int s = gatesInOrder.get(k);
            int gi = s - first;
            ops[k] = (byte) g.op(gi).ordinal();
            as[k] = slotOf[g.a(gi)];
            bs[k] = slotOf[g.b(gi)];
            for (int in : new int[] {g.a(gi), g.b(gi)}) {
                if (in >= first && lastUse[in] == s) {
                    lastUse[in] = -2;
                    free.push(slotOf[in]);
                }
            }
            slotOf[s] = free.isEmpty() ? next++ : free.pop();
            outs[k] = slotOf[s];
        }
        return new BitParallel(g.inputCount(), inSlots.stream().mapToInt(Integer::intValue).toArray(),
                inBits.stream().mapToInt(Integer::intValue).toArray(), ops, as, bs, outs, next, slotOf[prop], neurons);
    }

    public int gates() {
        return gates;
    }

    /** True when the gates run as generated code, false when the interpreter runs them. */
    public boolean generated() {
        return compiled != null;
    }

    static long[] lanes() {
        return LANE.clone();
    }

    // The schedule, as the bytecode compiler reads it.
    @Override public int words() { return WORDS; }
    @Override public int slots() { return slots; }
    @Override public int inputs() { return inputSlot.length; }
    @Override public int inputSlot(int i) { return inputSlot[i]; }
    @Override public int inputRowBit(int i) { return inputRowBit[i]; }
    @Override public Op op(int k) { return Op.values()[op[k]]; }
    @Override public int a(int k) { return aSlot[k]; }
    @Override public int b(int k) { return bSlot[k]; }
    @Override public int out(int k) { return outSlot[k]; }
    @Override public int property() { return propSlot; }

    public int neurons() {
        return neurons;
    }

    public long rows() {
        return 1L << inputBits;
    }

    /**
     * The first row (in counting order) where the property fails, or -1 when it holds on all rows.
     * {@code progress} receives the number of rows each finished chunk covered (may be null).
     */
    public long firstFailure(int threads, LongConsumer progress) {
        long rows = rows();
        long blocks = (rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        long chunk = Math.max(1, Math.min(256, blocks / (threads * 8L)));
        AtomicLong nextBlock = new AtomicLong();
        AtomicLong found = new AtomicLong(Long.MAX_VALUE);
        Runnable worker = () -> {
            long[][] slot = compiled == null ? newSlots() : null;
            long[] out = compiled == null ? null : new long[WORDS];
            while (true) {
                long b0 = nextBlock.getAndAdd(chunk);
                if (b0 >= blocks || b0 * ROWS_PER_BLOCK > found.get()) return;
                long b1 = Math.min(blocks, b0 + chunk);
                if (compiled != null) {
                    long fail = generated(b0 * WORDS, Math.min(rows / 64, b1 * WORDS), out);
                    if (fail >= 0) found.accumulateAndGet(fail, Math::min);
                } else {
                    for (long b = b0; b < b1; b++) {
                        long fail = block(b * ROWS_PER_BLOCK, rows, slot);
                        if (fail >= 0) {
                            found.accumulateAndGet(fail, Math::min);
                            break;
                        }
                    }
                }
                if (progress != null) progress.accept(Math.min(rows, b1 * ROWS_PER_BLOCK) - b0 * ROWS_PER_BLOCK);
            }
        };
        if (threads <= 1 || blocks < 2) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "circuit-check");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < threads; i++) fs.add(pool.submit(worker));
                for (Future<?> f : fs) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        long f = found.get();
        return f == Long.MAX_VALUE ? -1 : f;
    }

    private long generated(long fromWord, long toWord, long[] out) {
        try {
            return (long) compiled.invokeExact(fromWord, toWord, out, PATTERN);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private long[][] newSlots() {
        long[][] slot = new long[slots][WORDS];
        Arrays.fill(slot[1], -1L);
        return slot;
    }

    /** Evaluates rows r0 .. r0+2047; returns the first failing row in range, or -1. */
    private long block(long r0, long rows, long[][] slot) {
        for (int i = 0; i < inputSlot.length; i++) {
            long[] s = slot[inputSlot[i]];
            int bit = inputRowBit[i];
            if (bit < 6) {
                Arrays.fill(s, LANE[bit]);
            } else if (bit < 6 + LOG_WORDS) {
                for (int j = 0; j < WORDS; j++) s[j] = ((j >>> (bit - 6)) & 1) != 0 ? -1L : 0L;
            } else {
                Arrays.fill(s, ((r0 >>> bit) & 1) != 0 ? -1L : 0L);
            }
        }
        run(slot);
        long[] p = slot[propSlot];
        for (int j = 0; j < WORDS; j++) {
            long bad = ~p[j];
            if (bad != 0) {
                long row = r0 + 64L * j + Long.numberOfTrailingZeros(bad);
                if (row < rows) return row;
                return -1;
            }
        }
        return -1;
    }

    private void run(long[][] slot) {
        final byte[] op = this.op;
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
