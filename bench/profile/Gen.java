import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.elab.BoundCheck;
import dev.circuit.elab.Design;
import dev.circuit.engine.BitParallel;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Profiling aid, not part of circuit: compiles the first check of a .net file with the engine's own
 * BitParallel.compile and writes its schedule out. The engine enumerates rows in a permuted order
 * (enumeration index e, see BitParallel): the inputs at positions below 6 vary inside a 64-row word,
 * the next log2(words) across a block's words ("fast" inputs), the others ("slow") are constant over
 * a block; gates constant over a block (the "block gates", on one long each) run once per block, and
 * the values the "row gates" read from them are copied ("cast") into word slots. Files written:
 *   gates.txt         the schedule, for Bench's copy of the interpreter
 *   Straight64.java   per block, the block part, then one word (64 rows) per step, test inside
 *   StraightVec.java  the same on jdk.incubator.vector LongVectors, 256 bits (4 words) per step
 *   StraightLoop.java the shape Bytecode generates, as Java: per block, a counted loop over the
 *                     block's words storing the property, then a scan of those words
 *   Chunked.java      that loop cut into chunks of -Dchunk row gates, values crossing through arrays
 * Each class has {@code static long scan(long u0, long u1, long[] out)}: the enumeration index of
 * the first row failing among units u0..u1-1 (a unit is a word, a vector or a block), out then
 * holding the property's words of that unit; or -1.
 *
 * The schedule is read through the accessors BitParallel implements for Bytecode (public, so no
 * reflection). One package-private method is called by reflection, BitParallel.rowOf (enumeration
 * index to row number), to dump the row bit of each position: Bench reports rows in counting order
 * with it, as the engine does.
 * Usage: java -cp target/circuit.jar:OUT Gen FILE.net OUTDIR [first-failure]
 *   first-failure: also print the engine's own first failing row (its interpreter, one thread).
 */
public final class Gen {
    static final long[] LANE = {
        0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
        0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L,
    };

    /** BitParallel's schedule, as its accessors give it (kinds as Op ordinals). */
    static final class Sched {
        final int words, lw, bits, slots, blockSlots, prop, neurons;
        final int[] rowBit;                                      // row bit of each position
        final int[] inSlot, inPos, slowSlot, slowPos;            // fast and slow inputs
        final int[] bOp, bA, bB, bOut;                           // block gates, on block slots
        final int[] castFrom, castTo;                            // block slot -> word slot
        final int[] op, a, b, out;                               // row gates, on word slots

        Sched(BitParallel p) throws ReflectiveOperationException {
            words = p.words();
            lw = Integer.numberOfTrailingZeros(words);
            bits = Long.numberOfTrailingZeros(p.rows());
            slots = p.slots();
            blockSlots = p.blockSlots();
            prop = p.property();
            neurons = p.neurons();
            Method rowOf = BitParallel.class.getDeclaredMethod("rowOf", long.class);
            rowOf.setAccessible(true);
            rowBit = new int[bits];
            for (int q = 0; q < bits; q++) {
                long r = (long) rowOf.invoke(p, 1L << q);
                if (Long.bitCount(r) != 1) throw new IllegalStateException("rowOf(1 << " + q + ") = " + r);
                rowBit[q] = Long.numberOfTrailingZeros(r);
            }
            int n = p.inputs(), m = p.slowInputs(), nb = p.blockGates(), nc = p.broadcasts(), nr = p.rowGates();
            inSlot = new int[n]; inPos = new int[n];
            for (int i = 0; i < n; i++) { inSlot[i] = p.inputSlot(i); inPos[i] = p.inputPosition(i); }
            slowSlot = new int[m]; slowPos = new int[m];
            for (int i = 0; i < m; i++) { slowSlot[i] = p.slowSlot(i); slowPos[i] = p.slowPosition(i); }
            bOp = new int[nb]; bA = new int[nb]; bB = new int[nb]; bOut = new int[nb];
            for (int k = 0; k < nb; k++) { bOp[k] = p.blockOp(k).ordinal(); bA[k] = p.blockA(k); bB[k] = p.blockB(k); bOut[k] = p.blockOut(k); }
            castFrom = new int[nc]; castTo = new int[nc];
            for (int k = 0; k < nc; k++) { castFrom[k] = p.broadcastFrom(k); castTo[k] = p.broadcastTo(k); }
            op = new int[nr]; a = new int[nr]; b = new int[nr]; out = new int[nr];
            for (int k = 0; k < nr; k++) { op[k] = p.op(k).ordinal(); a[k] = p.a(k); b[k] = p.b(k); out[k] = p.out(k); }
        }

        /** What Bench reads: a header, then each part as a count and its rows. */
        String dump() {
            StringBuilder g = new StringBuilder();
            g.append(words).append(' ').append(bits).append(' ').append(slots).append(' ').append(blockSlots).append(' ')
                    .append(prop).append(' ').append(neurons).append('\n');
            for (int r : rowBit) g.append(r).append(' ');
            g.append('\n');
            columns(g, inSlot, inPos);
            columns(g, slowSlot, slowPos);
            columns(g, bOp, bA, bB, bOut);
            columns(g, castFrom, castTo);
            columns(g, op, a, b, out);
            return g.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        Design design = Circuit.load(Path.of(args[0]), new Sources());
        Path dir = Path.of(args[1]);
        if (design.checks().isEmpty()) throw new IllegalArgumentException("no check in " + args[0]);
        BoundCheck c = design.checks().get(0);
        // The schedule is the same with or without generated code; only the schedule is read here.
        BitParallel bp = BitParallel.compile(c.net(), c.property(), false);
        if (bp == null) throw new IllegalArgumentException("the bit-parallel engine does not apply to the first check of " + args[0]);
        Sched s = new Sched(bp);
        // The kernels below count to the block's words: every block full, as Bytecode assumes then.
        if (s.bits < 6 + s.lw || s.words < 4) throw new IllegalArgumentException("fewer rows than one block, or blocks under 4 words");
        Files.writeString(dir.resolve("gates.txt"), s.dump());
        Files.writeString(dir.resolve("Straight64.java"), straight64(s));
        Files.writeString(dir.resolve("StraightVec.java"), straightVec(s));
        Files.writeString(dir.resolve("StraightLoop.java"), straightLoop(s));
        Files.writeString(dir.resolve("Chunked.java"), chunked(s, Integer.getInteger("chunk", 80)));
        System.out.println("inputs " + s.bits + " (fast " + s.inSlot.length + "), gates " + (s.bOp.length + s.op.length)
                + " (row " + s.op.length + ", block " + s.bOp.length + "), word slots " + s.slots + ", block slots " + s.blockSlots
                + ", block " + s.words + " words");
        if (args.length > 2 && args[2].equals("first-failure")) System.out.println("engine: first failing row " + bp.firstFailure(1, null));
    }

    static void columns(StringBuilder g, int[]... cols) {
        g.append(cols[0].length).append('\n');
        for (int k = 0; k < cols[0].length; k++) {
            for (int[] col : cols) g.append(col[k]).append(' ');
            g.append('\n');
        }
    }

    interface Expr {
        String of(int op, String a, String b);
    }

    /** A gate on longs (kinds as Op: AND OR XOR NAND NOR XNOR ANDN ORN NOT). */
    static String expr(int op, String a, String b) {
        switch (op) {
            case 0: return a + " & " + b;
            case 1: return a + " | " + b;
            case 2: return a + " ^ " + b;
            case 3: return "~(" + a + " & " + b + ")";
            case 4: return "~(" + a + " | " + b + ")";
            case 5: return "~(" + a + " ^ " + b + ")";
            case 6: return a + " & ~" + b;
            case 7: return a + " | ~" + b;
            default: return "~" + a;
        }
    }

    /** The same gate on LongVectors. */
    static String vexpr(int op, String a, String b) {
        switch (op) {
            case 0: return a + ".and(" + b + ")";
            case 1: return a + ".or(" + b + ")";
            case 2: return a + ".lanewise(VectorOperators.XOR, " + b + ")";
            case 3: return a + ".and(" + b + ").not()";
            case 4: return a + ".or(" + b + ").not()";
            case 5: return a + ".lanewise(VectorOperators.XOR, " + b + ").not()";
            case 6: return a + ".lanewise(VectorOperators.AND_NOT, " + b + ")";
            case 7: return a + ".or(" + b + ".not())";
            default: return a + ".not()";
        }
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v) + "L";
    }

    /** Fast input at position p in word i of a block, as the generated code reads it (lane, or the pattern array). */
    static String fastWord(Sched s, int p) {
        return p < 6 ? hex(LANE[p]) : "pattern[" + (p - 6) * s.words + " + i]";
    }

    /** Class header: the block size and BitParallel's pattern array (bit k of word index i, at k * W + i). */
    static StringBuilder header(Sched s, String doc, String name) {
        StringBuilder c = new StringBuilder("/** Generated by bench/profile/Gen.java: " + doc + " */\n");
        if (name.equals("StraightVec")) c.append("import jdk.incubator.vector.*;\n");
        c.append("public final class ").append(name).append(" {\n");
        c.append("    static final int W = ").append(s.words).append(", LW = ").append(s.lw).append(";\n");
        c.append("    static final long[] PATTERN = new long[LW * W];\n");
        c.append("    static { for (int k = 0; k < LW; k++) for (int i = 0; i < W; i++) PATTERN[k * W + i] = ((i >>> k) & 1) != 0 ? -1L : 0L; }\n");
        return c;
    }

    /** The block slots as locals, 0 false and 1 true; the word slots too unless {@code wordType} is null. */
    static void locals(StringBuilder c, Sched s, String wordType, String wordInit) {
        c.append("        long h0 = 0L, h1 = -1L");
        for (int i = 2; i < s.blockSlots; i++) c.append(", h").append(i).append(" = 0L");
        c.append(";\n");
        if (wordType == null) return;
        c.append("        ").append(wordType);
        for (int i = 0; i < s.slots; i++) c.append(i == 0 ? " s" : ", s").append(i).append(" = ").append(wordInit);
        c.append(";\n");
    }

    /**
     * Once per block (w0 its first word): the slow inputs, the block gates, then the casts into word
     * slots, each written by {@code cast} (null: none, the caller reads h slots directly).
     */
    static void blockPart(StringBuilder c, Sched s, String ind, IntFunction<String> cast) {
        for (int i = 0; i < s.slowSlot.length; i++)
            c.append(ind).append("h").append(s.slowSlot[i]).append(" = -((w0 >>> ").append(s.slowPos[i] - 6).append(") & 1L);\n");
        for (int k = 0; k < s.bOp.length; k++)
            c.append(ind).append("h").append(s.bOut[k]).append(" = ").append(expr(s.bOp[k], "h" + s.bA[k], "h" + s.bB[k])).append(";\n");
        if (cast == null) return;
        for (int k = 0; k < s.castFrom.length; k++)
            c.append(ind).append("s").append(s.castTo[k]).append(" = ").append(cast.apply(s.castFrom[k])).append(";\n");
    }

    /** The fast inputs into their word-slot locals, inside the loop over a block's words: {@code at} gives a position's value. */
    static void fastInputs(StringBuilder c, Sched s, IntFunction<String> at) {
        for (int i = 0; i < s.inSlot.length; i++)
            c.append("                s").append(s.inSlot[i]).append(" = ").append(at.apply(s.inPos[i])).append(";\n");
    }

    /** The row gates on word-slot locals. */
    static void rowGates(StringBuilder c, Sched s, String ind, Expr e) {
        for (int k = 0; k < s.op.length; k++)
            c.append(ind).append("s").append(s.out[k]).append(" = ").append(e.of(s.op[k], "s" + s.a[k], "s" + s.b[k])).append(";\n");
    }

    /** Returns the enumeration index of the first failing row among out[0 .. n-1], words from word w0 + base. */
    static void scanOut(StringBuilder c, String ind, String n, String base) {
        c.append(ind).append("for (int e = 0; e < ").append(n).append("; e++) if (out[e] != -1L) return ((w0 + ").append(base)
                .append("e) << 6) + Long.numberOfTrailingZeros(~out[e]);\n");
    }

    /** One word per step of an int loop inside each block, the failure test inside the loop. Units: words. */
    static String straight64(Sched s) {
        StringBuilder c = header(s, "per block the block part, then one word (64 rows) per step, failure test inside.", "Straight64");
        c.append("    public static long scan(long u0, long u1, long[] out) {\n");
        c.append("        final long[] pattern = PATTERN;\n");
        locals(c, s, "long", "0L");
        c.append("        for (long w0 = u0 & -W; w0 < u1; w0 += W) {\n");
        blockPart(c, s, "            ", f -> "h" + f);
        c.append("            for (int i = (int) Math.max(0, u0 - w0), n = (int) Math.min(W, u1 - w0); i < n; i++) {\n");
        fastInputs(c, s, p -> fastWord(s, p));
        rowGates(c, s, "                ", Gen::expr);
        c.append("                if (s").append(s.prop).append(" != -1L) { out[0] = s").append(s.prop).append("; return ((w0 + i) << 6) + Long.numberOfTrailingZeros(~out[0]); }\n");
        c.append("            }\n        }\n        return -1;\n    }\n}\n");
        return c.toString();
    }

    /**
     * 256 rows (4 words) per LongVector: in-block positions 6 and 7 vary across its lanes, the others
     * from 8 on with the vector's index j in the block. Units: vectors.
     */
    static String straightVec(Sched s) {
        StringBuilder c = header(s, "per block the block part, then 256-bit LongVectors (4 words) per step, failure test inside.", "StraightVec");
        c.append("    static final VectorSpecies<Long> S = LongVector.SPECIES_256;\n");
        c.append("    static final int V = W / 4;\n");
        c.append("    static final LongVector Z = LongVector.zero(S);\n");
        c.append("    static final LongVector B6 = LongVector.fromArray(S, new long[] {0, -1, 0, -1}, 0);\n");
        c.append("    static final LongVector B7 = LongVector.fromArray(S, new long[] {0, 0, -1, -1}, 0);\n");
        c.append("    public static long scan(long u0, long u1, long[] out) {\n");
        locals(c, s, "LongVector", "Z");
        c.append("        for (long v0 = u0 & -V; v0 < u1; v0 += V) {\n");
        c.append("            final long w0 = v0 * 4;\n");
        blockPart(c, s, "            ", f -> "LongVector.broadcast(S, h" + f + ")");
        c.append("            for (int j = (int) Math.max(0, u0 - v0), n = (int) Math.min(V, u1 - v0); j < n; j++) {\n");
        fastInputs(c, s, p -> p < 6 ? "LongVector.broadcast(S, " + hex(LANE[p]) + ")" : p == 6 ? "B6" : p == 7 ? "B7"
                : "LongVector.broadcast(S, -((j >>> " + (p - 8) + ") & 1L))");
        rowGates(c, s, "                ", Gen::vexpr);
        c.append("                if (!s").append(s.prop).append(".eq(-1L).allTrue()) {\n");
        c.append("                    s").append(s.prop).append(".intoArray(out, 0);\n");
        scanOut(c, "                    ", "4", "4L * j + ");
        c.append("                }\n            }\n        }\n        return -1;\n    }\n}\n");
        return c.toString();
    }

    /** Bytecode's generated method, as Java (every block full: the loops count to the constant W). Units: blocks. */
    static String straightLoop(Sched s) {
        StringBuilder c = header(s, "Bytecode's shape: per block the block part, a counted loop over its words storing the property, then a scan.", "StraightLoop");
        c.append("    public static long scan(long b0, long b1, long[] out) {\n");
        c.append("        return run(b0 * W, b1 * W, out, PATTERN);\n    }\n");
        c.append("    static long run(long fromWord, long toWord, long[] out, long[] pattern) {\n");
        locals(c, s, "long", "0L");
        c.append("        for (long w0 = fromWord; w0 < toWord; w0 += W) {\n");
        blockPart(c, s, "            ", f -> "h" + f);
        c.append("            for (int i = 0; i < W; i++) {\n");
        fastInputs(c, s, p -> fastWord(s, p));
        rowGates(c, s, "                ", Gen::expr);
        c.append("                out[i] = s").append(s.prop).append(";\n");
        c.append("            }\n");
        scanOut(c, "            ", "W", "");
        c.append("        }\n        return -1;\n    }\n}\n");
        return c.toString();
    }

    /**
     * As straightLoop, but the row gates are cut into chunks of at most K gates, one counted loop
     * each; a gate's value used in a later chunk than its own goes through a long[W] array. Values
     * are named by definition (SSA): v<k> for row gate k; fast inputs and cast block values are
     * read where they are used. Units: blocks.
     */
    static String chunked(Sched s, int K) {
        int n = s.op.length, fast = s.inSlot.length;
        // def[slot]: k >= 0 row gate k, -1-i fast input i, -1-fast-k cast k.
        int[] def = new int[s.slots];
        Arrays.fill(def, Integer.MIN_VALUE);
        for (int i = 0; i < fast; i++) def[s.inSlot[i]] = -1 - i;
        for (int k = 0; k < s.castTo.length; k++) def[s.castTo[k]] = -1 - fast - k;
        int[][] reads = new int[n][];
        int[] lastChunkUse = new int[n];
        Arrays.fill(lastChunkUse, -1);
        for (int k = 0; k < n; k++) {
            reads[k] = new int[] {def[s.a[k]], def[s.b[k]]};
            for (int d : reads[k]) {
                if (d == Integer.MIN_VALUE) throw new IllegalStateException("row gate " + k + " reads an unset slot");
                if (d >= 0) lastChunkUse[d] = Math.max(lastChunkUse[d], k / K);
            }
            def[s.out[k]] = k;
        }
        int pd = def[s.prop];
        StringBuilder c = header(s, "Bytecode's shape with the row gates in chunks of " + K + ", one counted loop each.", "Chunked");
        c.append("    public static long scan(long b0, long b1, long[] out) {\n");
        c.append("        final long[] pattern = PATTERN;\n");
        locals(c, s, null, null);
        for (int k = 0; k < n; k++) if (lastChunkUse[k] > k / K) c.append("        final long[] x").append(k).append(" = new long[W];\n");
        c.append("        for (long w0 = b0 * W; w0 < b1 * W; w0 += W) {\n");
        blockPart(c, s, "            ", null);
        for (int ch = 0; ch * K < n; ch++) {
            c.append("            for (int i = 0; i < W; i++) {\n");
            Set<Integer> loaded = new HashSet<>();
            for (int k = ch * K; k < Math.min(n, (ch + 1) * K); k++) {
                String[] ab = new String[2];
                for (int t = 0; t < 2; t++) {
                    int d = reads[k][t];
                    if (d >= 0 && d / K != ch && loaded.add(d)) c.append("                final long v").append(d).append(" = x").append(d).append("[i];\n");
                    ab[t] = value(s, d);
                }
                c.append("                final long v").append(k).append(" = ").append(expr(s.op[k], ab[0], ab[1])).append(";\n");
                if (lastChunkUse[k] > ch) c.append("                x").append(k).append("[i] = v").append(k).append(";\n");
                if (k == pd) c.append("                out[i] = v").append(k).append(";\n");
            }
            c.append("            }\n");
        }
        if (pd < 0) c.append("            for (int i = 0; i < W; i++) out[i] = ").append(value(s, pd)).append(";\n");
        scanOut(c, "            ", "W", "");
        c.append("        }\n        return -1;\n    }\n}\n");
        return c.toString();
    }

    /** The expression for a definition in chunked (inside a loop over i). */
    static String value(Sched s, int d) {
        if (d >= 0) return "v" + d;
        int i = -1 - d;
        return i < s.inSlot.length ? fastWord(s, s.inPos[i]) : "h" + s.castFrom[i - s.inSlot.length];
    }
}
