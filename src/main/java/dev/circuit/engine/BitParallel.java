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
import java.util.function.IntPredicate;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * Checks a property on every input row, 64 x {@link #WORDS} rows per block. The circuit and the
 * property are one gate network, evaluated one bit per row.
 *
 * <p>Rows are enumerated in a permuted order: the inputs chosen by {@link Cones#positions} vary
 * inside a block (the lowest six positions inside each 64-row word, the next ones across the block's
 * words), every other input is constant over the block. A gate that depends on no fast input is
 * then constant over the block too: it is <em>hoisted</em>, computed once per block on one value
 * (0 or -1) and broadcast, and only the gates in the fast inputs' cones (the row gates) run for
 * every word. The interpreter runs each row gate as a tight loop over the block's words, which the
 * JIT turns into vector instructions; the generated code ({@link Bytecode}) runs them straight-line.
 * Values live in a few reusable slots (a register allocation over the gates' lifetimes), so memory
 * stays small however large the circuit.
 *
 * <p>The first failing row reported is the first in counting order, whatever the enumeration order:
 * see {@link #firstFailure}.
 */
public final class BitParallel implements Bytecode.Schedule {
    /** Words per block: 2048 rows. Large enough to amortise the per-gate dispatch, small enough for L1/L2. */
    static final int WORDS = 32;
    private static final long[] LANE = {
        0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
        0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L,
    };

    private final int words;
    private final int blockRows;
    /**
     * For the generated code: the in-block positions 6 .. 6 + log2(words) - 1 as words,
     * {@code pattern[k * words + i]} all ones when bit k of word index i is set (read from an
     * array: it measured faster than computing them from i in the loop).
     */
    private final long[] pattern;
    /** Per input bit (netlist order): its bit in the row number, and its bit in the enumeration index. */
    private final int[] rowBit;
    private final int[] position;
    /** Positions below this vary inside a block. */
    private final int fast;
    // Fast inputs: a word slot each, filled once per worker.
    private final int[] inputSlot;
    private final int[] inputPos;
    // Block part: slow inputs and hoisted gates, one long each per block ("block slots").
    private final int[] slowSlot;
    private final int[] slowPos;
    private final byte[] blockOp;
    private final int[] blockA;
    private final int[] blockB;
    private final int[] blockOut;
    private final int blockSlots;
    // Block values the row gates or the property read, copied to word slots once per block.
    private final int[] castFrom;
    private final int[] castTo;
    // Row part: the gates that run on every word.
    private final byte[] op;
    private final int[] aSlot;
    private final int[] bSlot;
    private final int[] outSlot;
    private final int slots;
    private final int propSlot;
    private final int neurons;
    /** The network as generated straight-line code, or null: then the gate loop below interprets it. */
    private java.lang.invoke.MethodHandle compiled;

    private BitParallel(int words, int[] rowBit, int[] position, int fast, int[][] fastIn, int[][] slowIn,
                        byte[] blockOp, int[][] blockGates, int blockSlots, int[][] casts, byte[] op, int[][] rowGates,
                        int slots, int propSlot, int neurons) {
        this.words = words;
        this.blockRows = 64 * words;
        int lw = Integer.numberOfTrailingZeros(words);
        this.pattern = new long[lw * words];
        for (int k = 0; k < lw; k++)
            for (int i = 0; i < words; i++) pattern[k * words + i] = ((i >>> k) & 1) != 0 ? -1L : 0L;
        this.rowBit = rowBit;
        this.position = position;
        this.fast = fast;
        this.inputSlot = fastIn[0];
        this.inputPos = fastIn[1];
        this.slowSlot = slowIn[0];
        this.slowPos = slowIn[1];
        this.blockOp = blockOp;
        this.blockA = blockGates[0];
        this.blockB = blockGates[1];
        this.blockOut = blockGates[2];
        this.blockSlots = blockSlots;
        this.castFrom = casts[0];
        this.castTo = casts[1];
        this.op = op;
        this.aSlot = rowGates[0];
        this.bSlot = rowGates[1];
        this.outSlot = rowGates[2];
        this.slots = slots;
        this.propSlot = propSlot;
        this.neurons = neurons;
    }

    /**
     * Compiles a Boolean netlist and a check's property, or returns null when the engine does not
     * apply (real-valued neurons, weights whose exact form does not fit in longs, operators it does
     * not synthesise). {@code generate} false keeps the interpreter (for cross-checks).
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
        return compile(n, rows, neurons, generate, WORDS, UnaryOperator.identity());
    }

    /**
     * {@link #compile(Network, Netlist, int, boolean)} with blocks of {@code words} words (a power of
     * two, 1 to 64: tests use small blocks so that small circuits have slow inputs and hoisted
     * gates), and {@code varying} applied to the cone analysis' verdict (indexed by signal: true
     * for a gate that runs on every word). Only a mutation test passes anything but the identity:
     * whatever it returns is scheduled as it says, and a gate it wrongly hoists sees the block's
     * first row (its fast inputs read as 0).
     */
    static BitParallel compile(Network n, Netlist rows, int neurons, boolean generate, int words, UnaryOperator<boolean[]> varying) {
        if (rows.inputBits() > 62) throw new IllegalArgumentException("more than 2^62 rows");
        if (Integer.bitCount(words) != 1 || words > 64) throw new IllegalArgumentException("words " + words);
        BitParallel e = schedule(n.gates(), n.property(), rowBits(rows), neurons, words, varying);
        // Fewer than 64 rows do not fill a word; the interpreter masks the rest, the generated code does not.
        if (generate && rows.inputBits() >= 6) e.compiled = Bytecode.compile(e);
        return e;
    }

    /** A circuit and its property as one gate network; {@code property} is the signal that is 1 where it holds. */
    record Network(Gates gates, int property) {}

    /**
     * The gate network of a Boolean circuit and a property, before scheduling, for any number of
     * inputs; null when it cannot be built exactly (real-valued neurons, weights whose exact form does
     * not fit in longs, operators {@link SpecSynth} does not synthesise). The SAT encoding
     * ({@link Cnf}) reads it.
     */
    static Network synthesise(Netlist net, Prop property) {
        return synthesise(net, property, WideNeurons.none(net.inputBits()));
    }

    /** {@link #synthesise(Netlist, Prop)} with the neurons {@code wide} keeps left as threshold constraints, for {@link Cnf}. */
    static Network synthesise(Netlist net, Prop property, WideNeurons wide) {
        Gates g = new Gates(wide.networkInputs());
        int[] inputs = new int[net.inputBits()];
        for (int i = 0; i < inputs.length; i++) inputs[i] = g.input(i);
        int[][] terms = terminals(g, net, inputs, wide);
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
        return terminals(g, net, inputs, WideNeurons.none(g.inputCount()));
    }

    /** {@link #terminals(Gates, Netlist, int[])} with the neurons {@code wide} keeps left as threshold constraints. */
    static int[][] terminals(Gates g, Netlist net, int[] inputs, WideNeurons wide) {
        if (!net.isBoolean()) return null;
        int[] signal = new int[net.netCount()];
        System.arraycopy(inputs, 0, signal, 0, net.inputBits());
        for (Netlist.Constant c : net.constants()) signal[c.net()] = g.constant(c.value() == 1);
        for (Neuron n : net.neurons()) {
            int[] ins = n.inputs().stream().mapToInt(k -> signal[k]).toArray();
            int s = wide.build(g, n, ins);
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

    /**
     * Keeps the gates the property needs, splits them into block gates (constant over a block) and
     * row gates, and gives each value a slot in its part, reused once its last reader ran.
     */
    private static BitParallel schedule(Gates g, int prop, int[] rowBits, int neurons, int words, UnaryOperator<boolean[]> varying) {
        int first = g.firstGate();
        int n = g.signalCount();
        boolean[] live = g.cone(prop);
        int fast = Math.min(g.inputCount(), 6 + Integer.numberOfTrailingZeros(words));
        int[] pos = Cones.positions(g, live, rowBits, fast);
        boolean[] varies = varying.apply(Cones.varying(g, live, pos, fast));
        // A signal is in the row part when it changes inside a block: a fast input or a varying gate.
        boolean[] row = new boolean[n];
        for (int i = 0; i < g.inputCount(); i++) row[g.input(i)] = pos[i] < fast;
        List<Integer> blockGates = new ArrayList<>();
        List<Integer> rowGates = new ArrayList<>();
        for (int s = first; s < n; s++) {
            if (!live[s]) continue;
            row[s] = varies[s];
            if (!row[s] && g.a(s - first) >= first && row[g.a(s - first)] || !row[s] && g.b(s - first) >= first && row[g.b(s - first)]) {
                throw new IllegalArgumentException("gate " + s + " is constant over a block but reads a gate that is not");
            }
            (row[s] ? rowGates : blockGates).add(s);
        }
        // Block values the row part reads: copied into word slots once per block.
        boolean[] cast = new boolean[n];
        for (int s : rowGates) {
            for (int in : new int[] {g.a(s - first), g.b(s - first)}) if (!row[in]) cast[in] = true;
        }
        if (!row[prop]) cast[prop] = true;

        // Block part. Slots 0 and 1 hold the constants; a fast input reads as slot 0 there (its value
        // on the block's first row), which only a wrongly hoisted gate would do.
        int[] blockSlot = new int[n];
        blockSlot[Gates.FALSE] = 0;
        blockSlot[Gates.TRUE] = 1;
        int blockNext = 2;
        List<int[]> slow = new ArrayList<>();
        for (int i = 0; i < g.inputCount(); i++) {
            int s = g.input(i);
            if (!live[s] || row[s]) continue;
            blockSlot[s] = blockNext++;
            slow.add(new int[] {blockSlot[s], pos[i]});
        }
        int[] lastUse = new int[n];
        Arrays.fill(lastUse, -1);
        for (int s : blockGates) {
            lastUse[g.a(s - first)] = s;
            lastUse[g.b(s - first)] = s;
        }
        for (int s = 0; s < n; s++) if (cast[s]) lastUse[s] = Integer.MAX_VALUE;
        int[][] blockOps = new int[3][blockGates.size()];
        byte[] blockKinds = new byte[blockGates.size()];
        blockNext = allocate(g, blockGates, blockSlot, lastUse, blockNext, blockKinds, blockOps, s -> true);

        // Row part: the fast inputs, then the block values it reads, then the row gates' values.
        int[] wordSlot = new int[n];
        int wordNext = 0;
        List<int[]> fastIn = new ArrayList<>();
        for (int i = 0; i < g.inputCount(); i++) {
            int s = g.input(i);
            if (!live[s] || !row[s]) continue;
            wordSlot[s] = wordNext++;
            fastIn.add(new int[] {wordSlot[s], pos[i]});
        }
        List<int[]> casts = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (!cast[s]) continue;
            wordSlot[s] = wordNext++;
            casts.add(new int[] {blockSlot[s], wordSlot[s]});
        }
        Arrays.fill(lastUse, -1);
        for (int s : rowGates) {
            lastUse[g.a(s - first)] = s;
            lastUse[g.b(s - first)] = s;
        }
        lastUse[prop] = Integer.MAX_VALUE;
        int[][] rowOps = new int[3][rowGates.size()];
        byte[] rowKinds = new byte[rowGates.size()];
        wordNext = allocate(g, rowGates, wordSlot, lastUse, wordNext, rowKinds, rowOps, s -> row[s]);
        return new BitParallel(words, rowBits, pos, fast, columns(fastIn), columns(slow), blockKinds, blockOps, blockNext,
                columns(casts), rowKinds, rowOps, wordNext, wordSlot[prop], neurons);
    }

    /**
     * Gives each gate of {@code order} an output slot (from {@code next} on, or one its inputs freed:
     * each kernel reads a and b before it writes out) and fills its kind and its a, b and out slots;
     * a gate value in {@code freeable} dies at its last reader. Returns the number of slots.
     */
    private static int allocate(Gates g, List<Integer> order, int[] slotOf, int[] lastUse, int next, byte[] kinds, int[][] abOut,
                                IntPredicate freeable) {
        int first = g.firstGate();
        java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();
        for (int k = 0; k < order.size(); k++) {
            int s = order.get(k);
            int gi = s - first;
            kinds[k] = (byte) g.op(gi).ordinal();
            abOut[0][k] = slotOf[g.a(gi)];
            abOut[1][k] = slotOf[g.b(gi)];
            for (int in : new int[] {g.a(gi), g.b(gi)}) {
                if (in >= first && freeable.test(in) && lastUse[in] == s) {
                    lastUse[in] = -2;
                    free.push(slotOf[in]);
                }
            }
            slotOf[s] = free.isEmpty() ? next++ : free.pop();
            abOut[2][k] = slotOf[s];
        }
        return next;
    }

    /** Pairs as two columns. */
    private static int[][] columns(List<int[]> pairs) {
        int[][] c = new int[2][pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            c[0][k] = pairs.get(k)[0];
            c[1][k] = pairs.get(k)[1];
        }
        return c;
    }

    /** Gates in all: what every row ran before gates constant over a block were hoisted. */
    public int gates() {
        return blockOp.length + op.length;
    }

    /** Gates that run on every row (64 rows a word); the others run once per block. */
    public int rowGates() {
        return op.length;
    }

    /** Gates constant over a block of {@link #blockRows()} rows: run once per block. */
    public int blockGates() {
        return blockOp.length;
    }

    public int blockRows() {
        return blockRows;
    }

    /** The input bits (netlist order, bit 0 of the first input first) that vary inside a block. */
    public int[] fastInputs() {
        return Cones.fastInputs(position, fast);
    }

    /** True when the gates run as generated code, false when the interpreter runs them. */
    public boolean generated() {
        return compiled != null;
    }

    static long[] lanes() {
        return LANE.clone();
    }

    // The schedule, as the bytecode compiler reads it.
    @Override public int words() { return words; }
    @Override public int slots() { return slots; }
    @Override public int inputs() { return inputSlot.length; }
    @Override public int inputSlot(int i) { return inputSlot[i]; }
    @Override public int inputPosition(int i) { return inputPos[i]; }
    @Override public int slowInputs() { return slowSlot.length; }
    @Override public int slowSlot(int i) { return slowSlot[i]; }
    @Override public int slowPosition(int i) { return slowPos[i]; }
    @Override public int blockSlots() { return blockSlots; }
    @Override public Op blockOp(int k) { return Op.of(blockOp[k]); }
    @Override public int blockA(int k) { return blockA[k]; }
    @Override public int blockB(int k) { return blockB[k]; }
    @Override public int blockOut(int k) { return blockOut[k]; }
    @Override public int broadcasts() { return castFrom.length; }
    @Override public int broadcastFrom(int k) { return castFrom[k]; }
    @Override public int broadcastTo(int k) { return castTo[k]; }
    @Override public Op op(int k) { return Op.of(op[k]); }
    @Override public int a(int k) { return aSlot[k]; }
    @Override public int b(int k) { return bSlot[k]; }
    @Override public int out(int k) { return outSlot[k]; }
    @Override public int property() { return propSlot; }

    public int neurons() {
        return neurons;
    }

    @Override public long rows() {
        return 1L << rowBit.length;
    }

    /**
     * The first row (in counting order) where the property fails, or -1 when it holds on all rows.
     * {@code progress} receives the number of rows each finished chunk covered (may be null).
     *
     * <p>Blocks run in enumeration order, which is not counting order. Why the row returned is still
     * the first: (1) when a block fails, all of its words are scanned and its smallest failing row in
     * counting order is kept ({@code found} is the minimum over every failing block seen); (2) the
     * slow inputs take positions in the order of their row bits, so the smallest row of block b,
     * {@code rowOf(b * blockRows)} (every fast input 0), grows with b; (3) a block is skipped only
     * when that smallest row is above {@code found}: none of its rows can be smaller. So every
     * block holding a row below the final {@code found} was run, and {@code found} is the smallest
     * failing row. A failing check costs at most one pass over the blocks, and less the earlier its
     * first failing row.
     */
    public long firstFailure(int threads, LongConsumer progress) {
        return firstFailure(threads, progress, Long.MAX_VALUE);
    }

    /**
     * {@link #firstFailure(int, LongConsumer)} given a row already known to fail ({@code known}, or
     * {@link Long#MAX_VALUE} for none): the search starts as if it had found that row, so only
     * blocks that may hold a smaller failing row run. Returns the first failing row, which is at most
     * {@code known}; the caller vouches that {@code known} fails (a SAT counterexample the scalar
     * evaluator confirmed).
     */
    public long firstFailure(int threads, LongConsumer progress, long known) {
        long rows = rows();
        if (known != Long.MAX_VALUE && (known < 0 || known >= rows)) throw new IllegalArgumentException("row " + known + " of " + rows);
        long blocks = (rows + blockRows - 1) / blockRows;
        long chunk = Math.max(1, Math.min(256, blocks / (threads * 8L)));
        AtomicLong nextBlock = new AtomicLong();
        AtomicLong found = new AtomicLong(known);
        Runnable worker = () -> {
            long[][] slot = compiled == null ? newSlots() : null;
            long[] block = compiled == null ? newBlockSlots() : null;
            long[] out = compiled == null ? slot[propSlot] : new long[words];
            while (true) {
                long b0 = nextBlock.getAndAdd(chunk);
                if (b0 >= blocks || smallestRow(b0) > found.get()) return;
                long b1 = Math.min(blocks, b0 + chunk);
                for (long b = b0; b < b1 && smallestRow(b) <= found.get(); ) {
                    long fail = compiled != null ? generated(b * words, Math.min(rows / 64, b1 * words), out) : interpreted(b, b1, slot, block);
                    if (fail < 0) break;
                    long failed = fail / blockRows;
                    found.accumulateAndGet(smallestFailingRow(failed, out), Math::min);
                    b = failed + 1;
                }
                if (progress != null) progress.accept(Math.min(rows, b1 * blockRows) - b0 * blockRows);
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

    /** The row (counting order) of enumeration index {@code e}. */
    long rowOf(long e) {
        long r = 0;
        for (int i = 0; i < position.length; i++) r |= ((e >>> position[i]) & 1) << rowBit[i];
        return r;
    }

    /** The smallest row of block b: its fast inputs all 0. */
    private long smallestRow(long b) {
        return rowOf(b * blockRows);
    }

    /** The smallest row, in counting order, where block b's property words ({@code prop}) are 0. */
    private long smallestFailingRow(long b, long[] prop) {
        long rows = rows();
        long e0 = b * blockRows;
        long best = Long.MAX_VALUE;
        for (int j = 0; j < words && e0 + 64L * j < rows; j++) {
            for (long bad = ~prop[j]; bad != 0; bad &= bad - 1) {
                long e = e0 + 64L * j + Long.numberOfTrailingZeros(bad);
                if (e < rows) best = Math.min(best, rowOf(e));
            }
        }
        return best;
    }

    private long generated(long fromWord, long toWord, long[] out) {
        try {
            return (long) compiled.invokeExact(fromWord, toWord, out, pattern);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Word slots with the fast inputs in place: they are the same in every block. */
    private long[][] newSlots() {
        long[][] slot = new long[Math.max(1, slots)][words];
        for (int i = 0; i < inputSlot.length; i++) {
            long[] s = slot[inputSlot[i]];
            int p = inputPos[i];
            for (int j = 0; j < words; j++) s[j] = p < 6 ? LANE[p] : ((j >>> (p - 6)) & 1) != 0 ? -1L : 0L;
        }
        return slot;
    }

    private long[] newBlockSlots() {
        long[] h = new long[blockSlots];
        h[1] = -1L;
        return h;
    }

    /** Runs blocks b0 .. b1-1; returns the enumeration index of the first failing row, or -1. */
    private long interpreted(long b0, long b1, long[][] slot, long[] h) {
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
