package dev.circuit.engine;

import dev.circuit.model.BinaryOp;
import dev.circuit.model.Prop;
import dev.circuit.model.UnaryOp;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A check's property as gates: every operator becomes bit-sliced arithmetic ({@code +} a ripple
 * adder, {@code ==} an XOR tree, ...), so the property is evaluated on 64 rows per word just like
 * the circuit. Results are exact at any width (widths grow, nothing wraps), as the scalar engine's
 * are. What could fail a row on the scalar engine is not synthesised: division and modulo by
 * anything but a positive power of two, shifts by a non-constant or by a constant out of range;
 * nor are products past {@link BitVec#MAX_MUL_WIDTH} (their gates grow with the square). Then
 * {@link #synth} returns -1 and the scalar engine runs the check, so a property gets one verdict
 * whichever engine runs it.
 */
final class SpecSynth implements Prop.Visitor<BitVec> {
    private final Gates g;
    /** The signals of each terminal, inputs then outputs, bit 0 first. */
    private final int[][] terminals;

    private SpecSynth(Gates g, int[][] terminals) {
        this.g = g;
        this.terminals = terminals;
    }

    /** The signal that is 1 where the property holds, or -1 when it cannot be synthesised. */
    static int synth(Gates g, Prop property, int[][] terminals) {
        try {
            BitVec v = new SpecSynth(g, terminals).vec(property);
            return g.not(BitVec.isZero(g, v));
        } catch (Unsupported | BitVec.TooWide e) {
            return -1;
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** A value computed by gates that are all constant: shift amounts and divisors. */
    private BigInteger constant(Prop p) {
        BitVec v = vec(p);
        BigInteger x = BigInteger.ZERO;
        for (int i = 0; i < v.width(); i++) {
            int b = v.bits[i];
            if (b != Gates.FALSE && b != Gates.TRUE) throw new Unsupported();
            if (b == Gates.TRUE) x = x.setBit(i);
        }
        // The top bit is the sign: two's complement.
        return v.sign() == Gates.TRUE ? x.subtract(BigInteger.ONE.shiftLeft(v.width())) : x;
    }

    private BitVec vec(Prop p) {
        return p.accept(this);
    }

    @Override public BitVec term(Prop.Term t) {
        int[] sig = terminals[t.terminal()];
        return BitVec.unsigned(Arrays.copyOfRange(sig, t.lo(), t.lo() + t.width()));
    }

    @Override public BitVec constant(Prop.Const c) {
        return BitVec.constant(c.value());
    }

    @Override public BitVec concat(Prop.Concat c) {
        int[] all = new int[0];
        for (Prop p : c.parts()) {
            int w = p.width();
            int[] bits = Arrays.copyOf(BitVec.truncate(vec(p), w + 1).bits, w);
            // Parts are listed most significant first: each new part goes below the earlier ones.
            int[] shifted = new int[all.length + w];
            System.arraycopy(all, 0, shifted, w, all.length);
            System.arraycopy(bits, 0, shifted, 0, w);
            all = shifted;
        }
        return BitVec.unsigned(all);
    }

    @Override public BitVec unary(Prop.Unary u) {
        BitVec a = vec(u.operand());
        switch (u.op()) {
            case NEG: return BitVec.neg(g, a);
            case PLUS: return a;
            default: return BitVec.complement(g, a, u.width());
        }
    }

    @Override public BitVec ternary(Prop.Ternary t) {
        int c = g.not(BitVec.isZero(g, vec(t.cond())));
        return BitVec.mux(g, c, vec(t.then()), vec(t.otherwise()));
    }

    @Override public BitVec binary(Prop.Binary b) {
        BitVec l = vec(b.left());
        switch (b.op()) {
            case SHL: {
                long k = shiftAmount(b.right());
                if (k > Prop.MAX_SHIFT) throw new Unsupported(); // fails the row on the scalar engine
                return BitVec.shiftLeft(l, (int) k);
            }
            // Past the width every bit shifted in is the sign: any larger amount gives the same.
            case SHR: return BitVec.shiftRight(l, (int) Math.min(shiftAmount(b.right()), l.width()));
            case DIV:
            case MOD: {
                BigInteger d = constant(b.right());
                if (d.signum() <= 0 || d.bitCount() != 1) throw new Unsupported();
                int k = d.getLowestSetBit();
                if (b.op() == BinaryOp.DIV) return BitVec.shiftRight(l, k);
                // floorMod by 2^k of a two's complement value: its low k bits, read unsigned.
                return BitVec.unsigned(Arrays.copyOf(l.extend(k + 1).bits, k));
            }
            default: break;
        }
        BitVec r = vec(b.right());
        switch (b.op()) {
            case ADD: return BitVec.add(g, l, r, Gates.FALSE);
            case SUB: return BitVec.sub(g, l, r);
            case MUL: return BitVec.mul(g, l, r);
            case AND: return BitVec.bitwise(g, Op.AND, l, r);
            case OR: return BitVec.bitwise(g, Op.OR, l, r);
            case XOR: return BitVec.bitwise(g, Op.XOR, l, r);
            case EQ: return BitVec.bool(BitVec.eq(g, l, r));
            case NE: return BitVec.bool(g.not(BitVec.eq(g, l, r)));
            case LT: return BitVec.bool(BitVec.lt(g, l, r));
            case GT: return BitVec.bool(BitVec.lt(g, r, l));
            case LE: return BitVec.bool(g.not(BitVec.lt(g, r, l)));
            case GE: return BitVec.bool(g.not(BitVec.lt(g, l, r)));
            default: throw new Unsupported();
        }
    }

    /** A constant shift amount; a negative one fails the row on the scalar engine, so it is left to that engine. */
    private long shiftAmount(Prop e) {
        BigInteger k = constant(e);
        if (k.signum() < 0) throw new Unsupported();
        return k.bitLength() > 62 ? Long.MAX_VALUE : k.longValueExact();
    }
}
