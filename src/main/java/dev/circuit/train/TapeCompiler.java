package dev.circuit.train;

import dev.circuit.codegen.ClassWriter;
import dev.circuit.model.Activation;
import java.lang.invoke.MethodHandles;

/**
 * Compiles {@link FlatNet}'s tapes into a {@link Kernel}: each op becomes the bytecode of the very
 * expression the tape interpreter evaluates for it (same operands, same order of floating-point
 * operations, so results are equal bit for bit), with its indices as constants. Why: on the small
 * networks of the tutorials the interpreter's decoding (a switch and an index load per operand)
 * took about a quarter of the time (add.net: 184 000 against 135 000 epochs/s once compiled,
 * docs/BENCHMARKS.md); straight-line code leaves the arithmetic.
 *
 * <p>Returns null, and the tapes stay interpreted, when a tape holds an op this compiler does not
 * translate (EXACT: its integer arithmetic lives in FlatNet) or would not be JIT-compiled (more than
 * {@link #MAX_CODE} bytes, or indices beyond a 16-bit constant).
 */
final class TapeCompiler {
    /** HotSpot does not JIT-compile methods above 8000 bytes of bytecode by default. */
    static final int MAX_CODE = 7900;

    private static final String OWNER = "dev/circuit/train/TapeCompiler";
    private static final String ACTS = "[Ldev/circuit/model/Activation;";

    // Locals of the generated methods: 0 this, 1 m, 2-3 k, 4 act, then per method.
    private static final int M = 1, K = 2, ACT = 4;
    private static final int GRAD = 5;            // accumulate: 5 grad, 6-7 dz, 8-9 sum
    private static final int RATE = 5, PARAMS = 7; // fused: 5-6 rate, 7 params, 8-9 dz, 10-11 sum

    private TapeCompiler() {}

    /** Runs the tapes' ops; null when they cannot be compiled (see the class comment). */
    static Kernel compile(int[] forward, int[] accumulate, int[] fused, int[] reload) {
        try {
            ClassWriter w = new ClassWriter("dev/circuit/train/GeneratedKernel", "dev/circuit/train/Kernel");
            ClassWriter.Code f = w.method(0x0001, "forward", "(" + "[DD" + ACTS + ")V", 7);
            if (!forward(w, f, forward)) return null;
            ClassWriter.Code a = w.method(0x0001, "accumulate", "([DD" + ACTS + "[D)V", 10);
            if (!backward(w, a, accumulate, false)) return null;
            ClassWriter.Code s = w.method(0x0001, "fused", "([DD" + ACTS + "D[D)V", 12);
            if (fused == null) s.op(0xB1);
            else if (!backward(w, s, fused, true)) return null;
            if (!reload(w.method(0x0001, "reload", "([D[D)V", 5), reload)) return null;
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(w.bytes(), true);
            // Reflection rather than a method handle's invoke: its first use spins classes (milliseconds).
            return (Kernel) lookup.lookupClass().getDeclaredConstructor().newInstance();
        } catch (TooLarge e) {
            return null;
        } catch (Throwable t) {
            throw new IllegalStateException("generated training kernel did not load", t);
        }
    }

    /** Thrown (and caught above) when an index or a method outgrows what the code may hold. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static void check(ClassWriter.Code c) {
        if (c.size() > MAX_CODE) throw new TooLarge();
    }

    private static ClassWriter.Code index(ClassWriter.Code c, int i) {
        if (i > 32767) throw new TooLarge();
        return c.iconst(i);
    }

    /** Pushes m[i]. */
    private static ClassWriter.Code m(ClassWriter.Code c, int i) {
        return index(c.aload(M), i).op(0x31);
    }

    private static boolean forward(ClassWriter w, ClassWriter.Code c, int[] code) {
        int s = 5;
        int pc = 0;
        while (true) {
            int op = code[pc];
            if (op == FlatNet.END) break;
            if (op != FlatNet.SIGMOID && op != FlatNet.SOFT && op != FlatNet.ACT) return false;
            // s = m[a]; s += m[w] * m[x] ...; m[b] = s; m[c] = act(s)
            m(c, code[pc + 1]).dstore(s);
            int end = pc + 6 + 2 * code[pc + 5];
            for (int q = pc + 6; q < end; q += 2) {
                c.dload(s);
                m(c, code[q]);
                m(c, code[q + 1]).op(0x6B).op(0x63).dstore(s);       // s + m[w] * m[x]
            }
            index(c.aload(M), code[pc + 2]).dload(s).op(0x52);
            index(c.aload(M), code[pc + 3]);
            if (op == FlatNet.SIGMOID) {
                c.dload(s).op(0xB8).u2(w.methodRef(OWNER, "sigmoid", "(D)D"));
            } else if (op == FlatNet.SOFT) {
                c.dload(s).dload(K).op(0xB8).u2(w.methodRef(OWNER, "soft", "(DD)D"));
            } else {
                c.aload(ACT);
                index(c, code[pc + 4]).dload(s).op(0xB8).u2(w.methodRef(OWNER, "act", "(" + ACTS + "ID)D"));
            }
            c.op(0x52);
            check(c);
            pc = end;
        }
        c.op(0xB1);
        check(c);
        return true;
    }

    private static boolean backward(ClassWriter w, ClassWriter.Code c, int[] code, boolean fused) {
        int dz = fused ? 8 : 6;
        int sum = dz + 2;
        // Tape positions that are jump targets, and where their code starts.
        int[] at = new int[code.length + 1];
        java.util.List<int[]> jumps = new java.util.ArrayList<>(); // {branch position, tape target}
        int pc = 0;
        while (true) {
            at[pc] = c.size();
            int op = code[pc];
            if (op == FlatNet.END) break;
            switch (op) {
                case FlatNet.DZ_SIGMOID, FlatNet.DZ_SOFT, FlatNet.DZ_ANY -> {
                    int next = op == FlatNet.DZ_ANY ? pc + 5 : pc + 3;
                    // dy = m[dn]; m[dn] = 0; if (dy == 0) goto target; dz = dy * act'(...)
                    m(c, code[pc + 1]).dstore(sum);
                    index(c.aload(M), code[pc + 1]).op(0x0E).op(0x52);
                    c.dload(sum).op(0x0E).op(0x97);
                    jumps.add(new int[] {c.branch(0x99), code[next]});
                    c.dload(sum);
                    if (op == FlatNet.DZ_SIGMOID) {
                        m(c, code[pc + 2]).op(0xB8).u2(w.methodRef(OWNER, "sigmoidDerivative", "(D)D"));
                    } else if (op == FlatNet.DZ_SOFT) {
                        m(c, code[pc + 2]).dload(K).op(0xB8).u2(w.methodRef(OWNER, "softDerivative", "(DD)D"));
                    } else {
                        c.aload(ACT);
                        index(c, code[pc + 4]);
                        m(c, code[pc + 3]);
                        m(c, code[pc + 2]).op(0xB8).u2(w.methodRef(OWNER, "actDerivative", "(" + ACTS + "IDD)D"));
                    }
                    c.op(0x6B).dstore(dz);
                    pc = next + 1;
                }
                case FlatNet.GB -> {                   // grad[a] += dz * m[b]
                    if (fused) return false;
                    index(c.aload(GRAD), code[pc + 1]).op(0x5C).op(0x31);
                    c.dload(dz);
                    m(c, code[pc + 2]).op(0x6B).op(0x63).op(0x52);
                    pc += 3;
                }
                case FlatNet.GW -> {                   // grad[a] += dz * m[b] * m[c]
                    if (fused) return false;
                    index(c.aload(GRAD), code[pc + 1]).op(0x5C).op(0x31);
                    c.dload(dz);
                    m(c, code[pc + 2]).op(0x6B);
                    m(c, code[pc + 3]).op(0x6B).op(0x63).op(0x52);
                    pc += 4;
                }
                case FlatNet.DX -> {                   // m[b] += dz * m[a]
                    index(c.aload(M), code[pc + 2]).op(0x5C).op(0x31);
                    c.dload(dz);
                    m(c, code[pc + 1]).op(0x6B).op(0x63).op(0x52);
                    pc += 3;
                }
                case FlatNet.SB -> {                   // params[a] -= rate * (dz * m[b])
                    if (!fused) return false;
                    index(c.aload(PARAMS), code[pc + 1]).op(0x5C).op(0x31);
                    c.dload(RATE).dload(dz);
                    m(c, code[pc + 2]).op(0x6B).op(0x6B).op(0x67).op(0x52);
                    pc += 3;
                }
                case FlatNet.SW -> {                   // params[a] -= rate * (dz * m[b] * m[c]); m[d] = m[b] * params[a]
                    if (!fused) return false;
                    index(c.aload(PARAMS), code[pc + 1]).op(0x5C).op(0x31);
                    c.dload(RATE).dload(dz);
                    m(c, code[pc + 2]).op(0x6B);
                    m(c, code[pc + 3]).op(0x6B).op(0x6B).op(0x67).op(0x52);
                    index(c.aload(M), code[pc + 4]);
                    m(c, code[pc + 2]);
                    index(c.aload(PARAMS), code[pc + 1]).op(0x31).op(0x6B).op(0x52);
                    pc += 5;
                }
                case FlatNet.RB -> {
                    if (!fused) return false;
                    pc = refold(c, code, pc, PARAMS, sum);
                }
                default -> {
                    return false;
                }
            }
            check(c);
        }
        c.op(0xB1);
        check(c);
        for (int[] j : jumps) c.patch(j[0], at[j[1]]);
        return true;
    }

    /** The reload tape: m[a] = m[b] * params[c] (RW) and the biases' sums (RB). Locals: 1 m, 2 params, 3-4 sum. */
    private static boolean reload(ClassWriter.Code c, int[] code) {
        int params = 2, sum = 3;
        int pc = 0;
        while (code[pc] != FlatNet.END) {
            if (code[pc] == FlatNet.RW) {
                index(c.aload(M), code[pc + 1]);
                m(c, code[pc + 2]);
                index(c.aload(params), code[pc + 3]).op(0x31).op(0x6B).op(0x52);
                pc += 4;
            } else if (code[pc] == FlatNet.RB) {
                pc = refold(c, code, pc, params, sum);
            } else {
                return false;
            }
            check(c);
        }
        c.op(0xB1);
        check(c);
        return true;
    }

    /** RB at {@code pc}: sum = m[b]; sum += m[.] * params[.] ...; m[a] = sum. Returns the next op's position. */
    private static int refold(ClassWriter.Code c, int[] code, int pc, int params, int sum) {
        m(c, code[pc + 2]).dstore(sum);
        int end = pc + 4 + 2 * code[pc + 3];
        for (int q = pc + 4; q < end; q += 2) {
            c.dload(sum);
            m(c, code[q]);
            index(c.aload(params), code[q + 1]).op(0x31).op(0x6B).op(0x63).dstore(sum);
        }
        index(c.aload(M), code[pc + 1]).dload(sum).op(0x52);
        return end;
    }

    // The activations, called from generated code: the same methods the tape interpreter calls.
    static double sigmoid(double s) {
        return Activation.SIGMOID.apply(s);
    }

    static double soft(double s, double k) {
        return Surrogate.apply(s, k);
    }

    static double act(Activation[] act, int i, double s) {
        return act[i].apply(s);
    }

    static double sigmoidDerivative(double y) {
        return Activation.SIGMOID.derivative(0, y);
    }

    static double softDerivative(double y, double k) {
        return Surrogate.derivative(y, k);
    }

    static double actDerivative(Activation[] act, int i, double z, double y) {
        return act[i].derivative(z, y);
    }
}
