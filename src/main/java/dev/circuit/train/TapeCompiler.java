package dev.circuit.train;

import static org.objectweb.asm.Opcodes.*;

import dev.circuit.codegen.MethodSize;
import dev.circuit.model.Activation;
import java.lang.invoke.MethodHandles;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles {@link FlatNet}'s tapes into a {@link Kernel}: each op becomes the bytecode of the very
 * expression the tape interpreter evaluates for it (same operands, same order of floating-point
 * operations, so results are equal bit for bit), with its indices as constants. Why: on the small
 * networks of the tutorials the interpreter's decoding (a switch and an index load per operand)
 * took about a quarter of the time (add.net: 184 000 against 135 000 epochs/s once compiled,
 * docs/BENCHMARKS.md); straight-line code leaves the arithmetic. ASM writes the class and computes
 * its stack map frames and stack sizes; its first use in a JVM costs about 13 ms of CPU (loading
 * its classes), which a timed training run includes (docs/BENCHMARKS.md, "Generated code through ASM").
 *
 * <p>Returns null, and the tapes stay interpreted, when a tape holds an op this compiler does not
 * translate (EXACT: its integer arithmetic lives in FlatNet) or would not be JIT-compiled (more than
 * {@link MethodSize#MAX} bytes, or indices beyond a 16-bit constant).
 */
final class TapeCompiler {
    private static final String NAME = "dev/circuit/train/GeneratedKernel";
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
            byte[] bytes = bytes(forward, accumulate, fused, reload);
            if (bytes == null) return null;
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            // Reflection rather than a method handle's invoke: its first use spins classes (milliseconds).
            return (Kernel) lookup.lookupClass().getDeclaredConstructor().newInstance();
        } catch (Throwable t) {
            throw new IllegalStateException("generated training kernel did not load", t);
        }
    }

    /** The kernel's class file, or null when the tapes cannot be compiled; tests verify it. */
    static byte[] bytes(int[] forward, int[] accumulate, int[] fused, int[] reload) {
        try {
            ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
            w.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object", new String[] {"dev/circuit/train/Kernel"});
            MethodVisitor init = begin(w, "<init>", "()V");
            init.visitVarInsn(ALOAD, 0);
            init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            end(init);
            MethodVisitor f = begin(w, "forward", "([DD" + ACTS + ")V");
            if (!forward(f, forward)) return null;
            end(f);
            MethodVisitor a = begin(w, "accumulate", "([DD" + ACTS + "[D)V");
            if (!backward(a, accumulate, false)) return null;
            end(a);
            MethodVisitor s = begin(w, "fused", "([DD" + ACTS + "D[D)V");
            if (fused != null && !backward(s, fused, true)) return null;
            end(s);
            MethodVisitor r = begin(w, "reload", "([D[D)V");
            if (!reload(r, reload)) return null;
            end(r);
            w.visitEnd();
            return w.toByteArray();
        } catch (TooLarge e) {
            return null;
        }
    }

    private static MethodVisitor begin(ClassWriter w, String name, String descriptor) {
        MethodVisitor c = w.visitMethod(ACC_PUBLIC, name, descriptor, null, null);
        c.visitCode();
        return c;
    }

    /** Returns from the method and ends it; ASM computes its frames, stack and locals. */
    private static void end(MethodVisitor c) {
        c.visitInsn(RETURN);
        check(c);
        c.visitMaxs(0, 0);
        c.visitEnd();
    }

    /** Thrown (and caught above) when an index or a method outgrows what the code may hold. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static void check(MethodVisitor c) {
        if (!MethodSize.fits(c)) throw new TooLarge();
    }

    /** After the {@code k}-th op: stops early when the method has outgrown the limit. */
    private static void check(MethodVisitor c, int k) {
        if (!MethodSize.fitsEvery(c, k)) throw new TooLarge();
    }

    /** Pushes the int constant {@code i} (iconst, bipush or sipush). */
    private static void index(MethodVisitor c, int i) {
        if (i > Short.MAX_VALUE) throw new TooLarge();
        if (i <= 5) c.visitInsn(ICONST_0 + i);
        else if (i <= Byte.MAX_VALUE) c.visitIntInsn(BIPUSH, i);
        else c.visitIntInsn(SIPUSH, i);
    }

    /** Pushes the array in local {@code array} and the index {@code i}: for a load, a store or both. */
    private static void at(MethodVisitor c, int array, int i) {
        c.visitVarInsn(ALOAD, array);
        index(c, i);
    }

    /** Pushes array[i], the array in local {@code array}. */
    private static void load(MethodVisitor c, int array, int i) {
        at(c, array, i);
        c.visitInsn(DALOAD);
    }

    /** Pushes m[i]. */
    private static void m(MethodVisitor c, int i) {
        load(c, M, i);
    }

    /** The instructions without operands, in order. */
    private static void insns(MethodVisitor c, int... opcodes) {
        for (int op : opcodes) c.visitInsn(op);
    }

    private static void call(MethodVisitor c, String name, String descriptor) {
        c.visitMethodInsn(INVOKESTATIC, OWNER, name, descriptor, false);
    }

    private static boolean forward(MethodVisitor c, int[] code) {
        int s = 5;
        int pc = 0;
        for (int k = 0; ; k++) {
            int op = code[pc];
            if (op == FlatNet.END) break;
            if (op != FlatNet.SIGMOID && op != FlatNet.SOFT && op != FlatNet.ACT) return false;
            // s = m[a]; s += m[w] * m[x] ...; m[b] = s; m[c] = act(s)
            m(c, code[pc + 1]);
            c.visitVarInsn(DSTORE, s);
            int end = pc + 6 + 2 * code[pc + 5];
            for (int q = pc + 6; q < end; q += 2) {
                c.visitVarInsn(DLOAD, s);                 // s + m[w] * m[x]
                m(c, code[q]);
                m(c, code[q + 1]);
                insns(c, DMUL, DADD);
                c.visitVarInsn(DSTORE, s);
            }
            at(c, M, code[pc + 2]);
            c.visitVarInsn(DLOAD, s);
            c.visitInsn(DASTORE);
            at(c, M, code[pc + 3]);
            if (op == FlatNet.SIGMOID) {
                c.visitVarInsn(DLOAD, s);
                call(c, "sigmoid", "(D)D");
            } else if (op == FlatNet.SOFT) {
                c.visitVarInsn(DLOAD, s);
                c.visitVarInsn(DLOAD, K);
                call(c, "soft", "(DD)D");
            } else {
                c.visitVarInsn(ALOAD, ACT);
                index(c, code[pc + 4]);
                c.visitVarInsn(DLOAD, s);
                call(c, "act", "(" + ACTS + "ID)D");
            }
            c.visitInsn(DASTORE);
            check(c, k);
            pc = end;
        }
        return true;
    }

    private static boolean backward(MethodVisitor c, int[] code, boolean fused) {
        int dz = fused ? 8 : 6;
        int sum = dz + 2;
        // The code of the tape positions jumped to (forward: past a neuron's ops), placed when reached.
        Label[] at = new Label[code.length + 1];
        int pc = 0;
        for (int k = 0; ; k++) {
            if (at[pc] != null) c.visitLabel(at[pc]);
            int op = code[pc];
            if (op == FlatNet.END) break;
            switch (op) {
                case FlatNet.DZ_SIGMOID, FlatNet.DZ_SOFT, FlatNet.DZ_ANY -> {
                    int next = op == FlatNet.DZ_ANY ? pc + 5 : pc + 3;
                    // dy = m[dn]; m[dn] = 0; if (dy == 0) goto target; dz = dy * act'(...)
                    m(c, code[pc + 1]);
                    c.visitVarInsn(DSTORE, sum);
                    at(c, M, code[pc + 1]);
                    insns(c, DCONST_0, DASTORE);
                    c.visitVarInsn(DLOAD, sum);
                    insns(c, DCONST_0, DCMPL);
                    c.visitJumpInsn(IFEQ, forward(at, pc, code[next]));
                    c.visitVarInsn(DLOAD, sum);
                    if (op == FlatNet.DZ_SIGMOID) {
                        m(c, code[pc + 2]);
                        call(c, "sigmoidDerivative", "(D)D");
                    } else if (op == FlatNet.DZ_SOFT) {
                        m(c, code[pc + 2]);
                        c.visitVarInsn(DLOAD, K);
                        call(c, "softDerivative", "(DD)D");
                    } else {
                        c.visitVarInsn(ALOAD, ACT);
                        index(c, code[pc + 4]);
                        m(c, code[pc + 3]);
                        m(c, code[pc + 2]);
                        call(c, "actDerivative", "(" + ACTS + "IDD)D");
                    }
                    c.visitInsn(DMUL);
                    c.visitVarInsn(DSTORE, dz);
                    pc = next + 1;
                }
                case FlatNet.GB -> {                   // grad[a] += dz * m[b]
                    if (fused) return false;
                    addTo(c, GRAD, code[pc + 1], dz);
                    m(c, code[pc + 2]);
                    insns(c, DMUL, DADD, DASTORE);
                    pc += 3;
                }
                case FlatNet.GW -> {                   // grad[a] += dz * m[b] * m[c]
                    if (fused) return false;
                    addTo(c, GRAD, code[pc + 1], dz);
                    m(c, code[pc + 2]);
                    c.visitInsn(DMUL);
                    m(c, code[pc + 3]);
                    insns(c, DMUL, DADD, DASTORE);
                    pc += 4;
                }
                case FlatNet.DX -> {                   // m[b] += dz * m[a]
                    addTo(c, M, code[pc + 2], dz);
                    m(c, code[pc + 1]);
                    insns(c, DMUL, DADD, DASTORE);
                    pc += 3;
                }
                case FlatNet.SB -> {                   // params[a] -= rate * (dz * m[b])
                    if (!fused) return false;
                    step(c, code[pc + 1], dz);
                    m(c, code[pc + 2]);
                    insns(c, DMUL, DMUL, DSUB, DASTORE);
                    pc += 3;
                }
                case FlatNet.SW -> {                   // params[a] -= rate * (dz * m[b] * m[c]); m[d] = m[b] * params[a]
                    if (!fused) return false;
                    step(c, code[pc + 1], dz);
                    m(c, code[pc + 2]);
                    c.visitInsn(DMUL);
                    m(c, code[pc + 3]);
                    insns(c, DMUL, DMUL, DSUB, DASTORE);
                    at(c, M, code[pc + 4]);
                    m(c, code[pc + 2]);
                    load(c, PARAMS, code[pc + 1]);
                    insns(c, DMUL, DASTORE);
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
            check(c, k);
        }
        return true;
    }

    /** The label of tape position {@code target}, after {@code pc}: one before it would never be placed. */
    private static Label forward(Label[] at, int pc, int target) {
        if (target <= pc) throw new IllegalStateException("backward tape jumps back, from " + pc + " to " + target);
        if (at[target] == null) at[target] = new Label();
        return at[target];
    }

    /** Starts array[i] += dz * ...: pushes the array, i, array[i] and dz. */
    private static void addTo(MethodVisitor c, int array, int i, int dz) {
        at(c, array, i);
        insns(c, DUP2, DALOAD);
        c.visitVarInsn(DLOAD, dz);
    }

    /** Starts params[a] -= rate * (dz * ...): pushes params, a, params[a], rate and dz. */
    private static void step(MethodVisitor c, int a, int dz) {
        at(c, PARAMS, a);
        insns(c, DUP2, DALOAD);
        c.visitVarInsn(DLOAD, RATE);
        c.visitVarInsn(DLOAD, dz);
    }

    /** The reload tape: m[a] = m[b] * params[c] (RW) and the biases' sums (RB). Locals: 1 m, 2 params, 3-4 sum. */
    private static boolean reload(MethodVisitor c, int[] code) {
        int params = 2, sum = 3;
        int pc = 0;
        for (int k = 0; code[pc] != FlatNet.END; k++) {
            if (code[pc] == FlatNet.RW) {
                at(c, M, code[pc + 1]);
                m(c, code[pc + 2]);
                load(c, params, code[pc + 3]);
                insns(c, DMUL, DASTORE);
                pc += 4;
            } else if (code[pc] == FlatNet.RB) {
                pc = refold(c, code, pc, params, sum);
            } else {
                return false;
            }
            check(c, k);
        }
        return true;
    }

    /** RB at {@code pc}: sum = m[b]; sum += m[.] * params[.] ...; m[a] = sum. Returns the next op's position. */
    private static int refold(MethodVisitor c, int[] code, int pc, int params, int sum) {
        m(c, code[pc + 2]);
        c.visitVarInsn(DSTORE, sum);
        int end = pc + 4 + 2 * code[pc + 3];
        for (int q = pc + 4; q < end; q += 2) {
            c.visitVarInsn(DLOAD, sum);
            m(c, code[q]);
            load(c, params, code[q + 1]);
            insns(c, DMUL, DADD);
            c.visitVarInsn(DSTORE, sum);
        }
        at(c, M, code[pc + 1]);
        c.visitVarInsn(DLOAD, sum);
        c.visitInsn(DASTORE);
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
