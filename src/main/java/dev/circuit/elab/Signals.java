package dev.circuit.elab;

import static dev.circuit.elab.Words.count;

import dev.circuit.ast.Assign;
import dev.circuit.ast.Expr;
import dev.circuit.ast.Selector;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import dev.circuit.print.ExprText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the signals a statement names, in a scope, as nets of the graph: a signal, a bit, a slice, a
 * constant or a concatenation on the right, a signal or part of one on the left; and wires a statement
 * that only renames signals ({@code y = a}). Each error is reported where it is, and a read then
 * answers null.
 */
final class Signals {
    private final NetGraph graph;
    private final Diagnostics diags;

    Signals(NetGraph graph, Diagnostics diags) {
        this.graph = graph;
        this.diags = diags;
    }

    /** The nets a statement's target names, or null after an error. */
    int[] targetNets(Assign.Target t, Scope s) {
        Sig sig = s.lookup(t.name());
        if (sig == null) {
            if (s.isInt(t.name())) diags.error(t.pos(), "'" + t.name() + "' is a parameter; it cannot be assigned");
            else diags.error(t.pos(), "unknown signal '" + t.name() + "'; declare a bus with 'wire " + t.name() + "[N]'");
            return null;
        }
        if (sig.kind == Sig.Kind.INPUT) {
            diags.error(t.pos(), "'" + t.name() + "' is an input of circuit '" + s.circuitName() + "'; it cannot be driven");
            return null;
        }
        return select(sig, t.selector(), s, t.pos());
    }

    /**
     * The nets an expression names: a signal, a bit, a slice, a constant, or a concatenation; a
     * whole number is spread over {@code expectedWidth} bits. Null after an error.
     */
    int[] sourceNets(Expr e, Scope s, int expectedWidth) {
        e = Elaborator.unparen(e);
        if (e instanceof Expr.Ref r) {
            Sig sig = s.lookup(r.name());
            if (sig == null) {
                if (s.isInt(r.name()) && r.selector() == null) return constantBits(BigDecimal.valueOf(s.ints.get(r.name())), expectedWidth, r.pos());
                diags.error(r.pos(), "unknown signal '" + r.name() + "'" + Suggest.didYouMean(r.name(), s.visibleNames()));
                return null;
            }
            sig.read = true;
            return select(sig, r.selector(), s, r.pos());
        }
        if (e instanceof Expr.Num n) return constantBits(n.value(), expectedWidth, n.pos());
        if (e instanceof Expr.Concat c) {
            List<int[]> parts = new ArrayList<>();
            for (Expr p : c.parts()) {
                int[] nets = sourceNets(p, s, 1);
                if (nets == null) return null;
                parts.add(nets);
            }
            int[] out = new int[parts.stream().mapToInt(p -> p.length).sum()];
            int k = 0;
            for (int i = parts.size() - 1; i >= 0; i--) for (int n : parts.get(i)) out[k++] = n;
            return out;
        }
        diags.error(e.pos(), "an argument must be a signal, a bus slice or a constant; give '" + ExprText.of(e)
                + "' its own signal name and pass that");
        return null;
    }

    /** {@code y = a}, {@code {c, s} = x}: each target bit becomes another name for a source bit. */
    void alias(Assign a, Expr rhs, List<int[]> targets, Scope s) {
        int total = targets.stream().mapToInt(t -> t.length).sum();
        int[] src = sourceNets(rhs, s, total);
        if (src == null) return;
        if (src.length != total) {
            diags.error(rhs.pos(), "'" + ExprText.of(rhs) + "' is " + count(src.length, "bit") + " wide, but "
                    + count(total, "bit") + " " + (total == 1 ? "is" : "are") + " assigned");
            return;
        }
        // Targets are listed most significant first, like a concatenation.
        int k = 0;
        for (int t = targets.size() - 1; t >= 0; t--) {
            int[] nets = targets.get(t);
            for (int b = 0; b < nets.length; b++) graph.driveAlias(nets[b], src[k++], a.pos());
        }
    }

    private int[] constantBits(BigDecimal v, int width, Pos pos) {
        boolean whole = v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0;
        if (width <= 1 || !whole) return new int[] {graph.constNet(v, pos)};
        BigInteger bits = v.toBigIntegerExact();
        if (bits.bitLength() > width) {
            diags.error(pos, v.toPlainString() + " does not fit in " + count(width, "bit"));
            return null;
        }
        int[] out = new int[width];
        for (int i = 0; i < width; i++) out[i] = graph.constNet(bits.testBit(i) ? BigDecimal.ONE : BigDecimal.ZERO, pos);
        return out;
    }

    private int[] select(Sig sig, Selector sel, Scope s, Pos pos) {
        if (sel == null) return sig.nets;
        if (!sig.bus) {
            diags.error(pos, "'" + sig.name + "' is a single signal, not a bus; it cannot be indexed");
            return null;
        }
        OptionalLong lo = IntEval.eval(sel.index(), s.ints, diags);
        OptionalLong hi = sel.isSlice() ? IntEval.eval(sel.hi(), s.ints, diags) : lo;
        if (lo.isEmpty() || hi.isEmpty()) return null;
        long l = lo.getAsLong();
        long h = hi.getAsLong();
        int w = sig.nets.length;
        for (long i : new long[] {l, h}) {
            if (i < 0 || i >= w) {
                diags.error(pos, "index " + i + " is out of range for '" + sig.name + "[" + w + "]' (0.." + (w - 1) + ")");
                return null;
            }
        }
        if (h < l) {
            diags.error(pos, "a slice is written high..low: '" + sig.name + "[" + l + ".." + h + "]', not '" + sig.name + "[" + h + ".." + l + "]'");
            return null;
        }
        return Arrays.copyOfRange(sig.nets, (int) l, (int) h + 1);
    }

    /** The name of what a statement makes, from its first target: {@code sum}, {@code s[3]}, {@code c.2}. */
    static String instanceName(Assign.Target t, Scope s) {
        StringBuilder sb = new StringBuilder(t.name());
        Sig sig = s.lookup(t.name());
        if (t.selector() != null) {
            OptionalLong lo = IntEval.eval(t.selector().index(), s.ints, new Diagnostics());
            OptionalLong hi = t.selector().isSlice() ? IntEval.eval(t.selector().hi(), s.ints, new Diagnostics()) : lo;
            sb.append('[');
            if (t.selector().isSlice()) sb.append(hi.orElse(0)).append("..");
            sb.append(lo.orElse(0)).append(']');
        }
        // A signal declared inside a loop gets one instance per iteration.
        if (sig != null && sig.kind == Sig.Kind.LOCAL && s.sigs.get(t.name()) == sig) sb.append(s.suffix);
        return sb.toString();
    }

    /** Marks every signal an expression names as read, without reporting anything. */
    static void markRead(Expr e, Scope s) {
        if (e instanceof Expr.Ref r) {
            Sig sig = s.lookup(r.name());
            if (sig != null) sig.read = true;
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(x -> markRead(x, s));
        } else if (e instanceof Expr.Unary u) {
            markRead(u.operand(), s);
        } else if (e instanceof Expr.Binary b) {
            markRead(b.left(), s);
            markRead(b.right(), s);
        } else if (e instanceof Expr.Ternary t) {
            markRead(t.cond(), s);
            markRead(t.then(), s);
            markRead(t.otherwise(), s);
        } else if (e instanceof Expr.Concat c) {
            c.parts().forEach(x -> markRead(x, s));
        } else if (e instanceof Expr.Paren p) {
            markRead(p.inner(), s);
        }
    }
}
