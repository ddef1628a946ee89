package dev.circuit.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A small model of a Boolean circuit that the tests generate, print as {@code .net} text (nested
 * or flattened) and evaluate themselves, as the oracle. Signals of a definition are numbered: its
 * inputs first, then what each statement produces, in statement order (so the model is a DAG by
 * construction). An argument below zero is a constant: {@link #ZERO} or {@link #ONE}.
 */
final class Model {
    private Model() {}

    static final int ZERO = -1;
    static final int ONE = -2;

    /** How a cell turns its weighted sum into a bit. NAND calls the file's {@code nand} neuron. */
    enum Act { NAND, STEP, GE, GT, LE, LT }

    sealed interface Stmt permits Cell, Inst {
        int produces();
    }

    /** One neuron: {@code act(sum w[k]*args[k] + bias)}; for comparisons the bias is the right-hand side. */
    record Cell(Act act, int[] args, int[] w, int bias) implements Stmt {
        public int produces() {
            return 1;
        }
    }

    /** An instance of another definition. */
    record Inst(Def def, int[] args) implements Stmt {
        public int produces() {
            return def.outs().length;
        }
    }

    record Def(String name, int inputs, List<Stmt> body, int[] outs) {
        int signals() {
            return inputs + body.stream().mapToInt(Stmt::produces).sum();
        }

        /** The definitions this one instantiates, directly or not, callees first, each once. */
        List<Def> callees() {
            List<Def> out = new ArrayList<>();
            for (Stmt s : body) {
                if (s instanceof Inst i) {
                    for (Def d : i.def().callees()) if (!out.contains(d)) out.add(d);
                    if (!out.contains(i.def())) out.add(i.def());
                }
            }
            return out;
        }
    }

    // ---- the oracle ----

    static int[] eval(Def d, int[] in) {
        int[] v = Arrays.copyOf(in, d.signals());
        int next = d.inputs();
        for (Stmt s : d.body()) {
            if (s instanceof Cell c) {
                v[next++] = cell(c, k -> value(v, c.args()[k]));
            } else {
                Inst i = (Inst) s;
                int[] args = new int[i.args().length];
                for (int k = 0; k < args.length; k++) args[k] = value(v, i.args()[k]);
                for (int o : eval(i.def(), args)) v[next++] = o;
            }
        }
        return Arrays.stream(d.outs()).map(o -> v[o]).toArray();
    }

    private static int value(int[] v, int arg) {
        return arg == ZERO ? 0 : arg == ONE ? 1 : v[arg];
    }

    static int cell(Cell c, IntFunction<Integer> arg) {
        if (c.act() == Act.NAND) return 1 - (arg.apply(0) & arg.apply(1));
        long s = 0;
        for (int k = 0; k < c.args().length; k++) s += (long) c.w()[k] * arg.apply(k);
        boolean on = switch (c.act()) {
            case STEP -> s + c.bias() > 0;
            case GE -> s >= c.bias();
            case GT -> s > c.bias();
            case LE -> s <= c.bias();
            case LT -> s < c.bias();
            case NAND -> throw new IllegalStateException();
        };
        return on ? 1 : 0;
    }

    /** The oracle's truth table, rows as {@link Truth#table} lays them out. */
    static List<String> table(Def d) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < 1 << d.inputs(); r++) {
            int[] in = new int[d.inputs()];
            for (int k = 0; k < in.length; k++) in[k] = (r >> k) & 1;
            StringBuilder sb = new StringBuilder();
            for (int o : eval(d, in)) sb.append(o);
            rows.add(sb.toString());
        }
        return rows;
    }

    // ---- printing ----

    static final String NAND = "neuron nand(a, b) = step(-2*a - 2*b + 3)";

    /** The statement lines of {@code d}'s body, each a complete statement, in model order. */
    static List<String> lines(Def d, IntFunction<String> name) {
        List<String> lines = new ArrayList<>();
        int next = d.inputs();
        for (Stmt s : d.body()) {
            if (s instanceof Cell c) {
                lines.add(name.apply(next++) + " = " + cellText(c, k -> argName(c.args()[k], name)));
            } else {
                Inst i = (Inst) s;
                List<String> outs = new ArrayList<>();
                for (int k = 0; k < i.produces(); k++) outs.add(name.apply(next++));
                String lhs = outs.size() == 1 ? outs.get(0) : "(" + String.join(", ", outs) + ")";
                List<String> args = new ArrayList<>();
                for (int a : i.args()) args.add(argName(a, name));
                lines.add(lhs + " = " + i.def().name() + "(" + String.join(", ", args) + ")");
            }
        }
        return lines;
    }

    static String argName(int arg, IntFunction<String> name) {
        return arg == ZERO ? "0" : arg == ONE ? "1" : name.apply(arg);
    }

    static String cellText(Cell c, IntFunction<String> arg) {
        if (c.act() == Act.NAND) return "nand(" + arg.apply(0) + ", " + arg.apply(1) + ")";
        List<String> ws = new ArrayList<>();
        List<String> xs = new ArrayList<>();
        for (int k = 0; k < c.args().length; k++) {
            ws.add(Integer.toString(c.w()[k]));
            xs.add(arg.apply(k));
        }
        if (c.act() == Act.STEP) return "step(" + Sums.write(ws, xs, Integer.toString(c.bias())) + ")";
        String op = switch (c.act()) {
            case GE -> ">=";
            case GT -> ">";
            case LE -> "<=";
            default -> "<";
        };
        return Sums.write(ws, xs, "0") + " " + op + " " + c.bias();
    }

    /** The header line of a definition whose signals are called {@code s<i>}. */
    static String header(Def d) {
        List<String> ins = new ArrayList<>();
        for (int k = 0; k < d.inputs(); k++) ins.add("s" + k);
        List<String> outs = new ArrayList<>();
        for (int o : d.outs()) outs.add("s" + o);
        return "circuit " + d.name() + "(" + String.join(", ", ins) + ") -> (" + String.join(", ", outs) + ") {";
    }

    /** One definition as written by a person, with its callees kept as instances. */
    static String nested(Def d, List<String> bodyLines) {
        return header(d) + "\n" + indent(bodyLines) + "}\n";
    }

    static String nested(Def d) {
        return nested(d, lines(d, i -> "s" + i));
    }

    /** The whole program: the nand neuron, every callee, then {@code top}. */
    static String program(Def top) {
        StringBuilder sb = new StringBuilder(NAND).append("\n\n");
        for (Def d : top.callees()) sb.append(nested(d)).append('\n');
        return sb.append(nested(top)).toString();
    }

    /** {@code top} with every instance replaced by its cells, recursively: one circuit, no callees. */
    static String flat(Def top) {
        List<String> lines = new ArrayList<>();
        String[] names = new String[top.signals()];
        for (int i = 0; i < names.length; i++) names[i] = "s" + i;
        inline(top, names, "", lines);
        return NAND + "\n\n" + header(top) + "\n" + indent(lines) + "}\n";
    }

    /**
     * Emits {@code d}'s cells with its signals called {@code names[i]}: an inner definition's inputs
     * and outputs take the caller's names, its other signals get the instance path as a prefix.
     */
    private static void inline(Def d, String[] names, String prefix, List<String> out) {
        int next = d.inputs();
        int index = 0;
        for (Stmt s : d.body()) {
            if (s instanceof Cell c) {
                out.add(names[next++] + " = " + cellText(c, k -> argName(c.args()[k], i -> names[i])));
            } else {
                Inst inst = (Inst) s;
                Def callee = inst.def();
                String inner = prefix + "u" + index + "_";
                String[] sub = new String[callee.signals()];
                for (int k = 0; k < callee.inputs(); k++) sub[k] = argName(inst.args()[k], i -> names[i]);
                for (int k = callee.inputs(); k < sub.length; k++) sub[k] = inner + "s" + k;
                for (int k = 0; k < callee.outs().length; k++) sub[callee.outs()[k]] = names[next + k];
                next += callee.outs().length;
                inline(callee, sub, inner, out);
            }
            index++;
        }
    }

    static String indent(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append("    ").append(l).append('\n');
        return sb.toString();
    }
}
