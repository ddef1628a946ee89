package dev.circuit.verify;

import dev.circuit.ast.CheckDecl;
import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Decl;
import dev.circuit.ast.Ident;
import dev.circuit.ast.TestDecl;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Elaborated;
import dev.circuit.elab.Elaborator;
import dev.circuit.elab.Loader;
import dev.circuit.elab.Program;
import dev.circuit.eval.Evaluator;
import dev.circuit.eval.Values;
import dev.circuit.model.Domain;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the {@code test} tables of a file. First every table is checked against its circuit (header
 * names, cell counts, values that fit); all such errors are reported together. Then each row runs,
 * with {@code X} inputs expanded to every value.
 */
public final class TestRunner {
    /** Failing rows reported per table; the rest are counted. */
    static final int SHOWN = 10;
    /** Rows one table line may expand to through X inputs. */
    static final long MAX_EXPANSION = 1L << 24;

    private TestRunner() {}

    /** A table checked against its circuit: column i of the header is terminal index[i]. */
    private record Prepared(TestDecl test, Netlist net, int[] inCol, int[] outCol, String name) {}

    /** Runs every test declared in {@code file} (not those of files it imports). */
    public static List<TestOutcome> run(Path file, Sources sources) {
        return run(Loader.read(file, sources), VerifyOptions.defaults());
    }

    public static List<TestOutcome> run(Path file, Sources sources, VerifyOptions options) {
        return run(Loader.read(file, sources), options);
    }

    /** Checks every table and check of the root file, then runs them in file order. */
    public static List<TestOutcome> run(Program program, VerifyOptions options) {
        Diagnostics diags = new Diagnostics();
        Map<String, Elaborated> circuits = new HashMap<>();
        List<Runnable> plan = new ArrayList<>();
        List<TestOutcome> out = new ArrayList<>();
        String file = program.root().name();
        for (Decl d : program.root().decls()) {
            CircuitRef target = d instanceof TestDecl t ? t.target() : d instanceof CheckDecl c ? c.target() : null;
            if (target == null) continue;
            Elaborated e = circuits.computeIfAbsent(key(target), k -> {
                try {
                    return Elaborator.elaborate(program, target);
                } catch (CircuitException ex) {
                    diags.addAll(ex.diagnostics());
                    return null;
                }
            });
            if (e == null) continue;
            if (d instanceof TestDecl t) {
                Prepared p = prepare(t, e.netlist(), diags);
                if (p != null) plan.add(() -> out.add(execute(p, file)));
            } else {
                CheckDecl c = (CheckDecl) d;
                Spec spec = Spec.compile(c.property(), e.netlist(), e.params(), diags);
                if (spec != null) plan.add(() -> out.add(check(c, e, spec, file, options)));
            }
        }
        diags.check();
        plan.forEach(Runnable::run);
        return out;
    }

    private static TestOutcome check(CheckDecl c, Elaborated e, Spec spec, String file, VerifyOptions options) {
        Netlist net = e.netlist();
        String name = "check " + net.name();
        int bits = net.inputBits();
        if (options.sample() == 0 && bits > VerifyOptions.MAX_EXHAUSTIVE_BITS) {
            Diagnostic d = Diagnostic.error(c.pos(), name + " has " + bits + " input bits: 2^" + bits
                    + " rows is more than the 2^" + VerifyOptions.MAX_EXHAUSTIVE_BITS
                    + " circuit checks exhaustively; give --sample N to test N random rows instead");
            return new TestOutcome(file, name, c.pos(), 0, 1, List.of(d), "refused");
        }
        TestOutcome fast = CheckRunner.bitParallel(c, net, e.params(), spec, file, name, options);
        return fast != null ? fast : CheckRunner.scalar(c, net, spec, file, name, options);
    }

    private static String key(CircuitRef r) {
        return r.name() + r.args();
    }

    private static Prepared prepare(TestDecl t, Netlist net, Diagnostics diags) {
        int errors = diags.all().size();
        int[] inCol = TableColumns.match(t.inputs(), net.inputs(), "input", net, diags);
        int[] outCol = TableColumns.match(t.outputs(), net.outputs(), "output", net, diags);
        Set<String> named = t.inputs().stream().map(Ident::name).collect(Collectors.toSet());
        List<String> missing = net.inputs().stream().map(Terminal::name).filter(n -> !named.contains(n)).toList();
        // After a misspelt column ('c' for 'b') the missing input is the same mistake: say it once.
        if (!missing.isEmpty() && inCol != null) {
            diags.error(t.pos(), "test " + net.name() + " has no column for input" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; every input needs one (write X for any value)");
        }
        if (t.outputs().isEmpty()) diags.error(t.pos(), "test " + net.name() + " has no output column");
        // A table that checks nothing must not report PASS.
        if (t.rows().isEmpty()) {
            diags.error(t.pos(), "test " + net.name() + " has a header but no rows; add a row such as '"
                    + "0 ".repeat(t.inputs().size()) + "| " + "0 ".repeat(t.outputs().size()).trim() + "'");
        }
        for (TestDecl.Row r : t.rows()) {
            if (r.inputs().size() != t.inputs().size() || r.outputs().size() != t.outputs().size()) {
                diags.error(r.pos(), "row has " + r.inputs().size() + " | " + r.outputs().size() + " cells; the header has "
                        + t.inputs().size() + " | " + t.outputs().size());
                continue;
            }
            if (inCol == null || outCol == null) continue;
            for (int i = 0; i < inCol.length; i++) fits(r.inputs().get(i), net, net.inputs().get(inCol[i]), diags);
            for (int i = 0; i < outCol.length; i++) fits(r.outputs().get(i), net, net.outputs().get(outCol[i]), diags);
        }
        if (diags.all().size() > errors || inCol == null || outCol == null) return null;
        String name = "test " + net.name();
        return new Prepared(t, net, inCol, outCol, name);
    }

    /** A cell outside its column's values is an error at the cell, never a row that passes. */
    private static void fits(TestDecl.Cell c, Netlist net, Terminal t, Diagnostics diags) {
        if (c.isAny()) return;
        String why = Domain.of(net, t).refuse(t.name(), c.value());
        if (why != null) diags.error(c.pos(), why);
    }

    private static TestOutcome execute(Prepared p, String file) {
        TestDecl t = p.test();
        Netlist net = p.net();
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        int[] offset = Terminal.offsets(net.inputs());
        int[] outOffset = Terminal.offsets(net.outputs());
        double[] inputs = new double[net.inputBits()];
        double[] state = ev.newState();
        long rows = 0;
        long failed = 0;
        List<Diagnostic> failures = new ArrayList<>();
        for (TestDecl.Row r : t.rows()) {
            // Odometer over the X columns; fixed columns are written once.
            List<Integer> free = new ArrayList<>();
            long combos = 1;
            for (int i = 0; i < p.inCol().length; i++) {
                Terminal term = net.inputs().get(p.inCol()[i]);
                TestDecl.Cell c = r.inputs().get(i);
                if (c.isAny()) {
                    free.add(i);
                    combos = term.width() >= 62 || combos > MAX_EXPANSION ? Long.MAX_VALUE : combos << term.width();
                } else {
                    write(inputs, offset[p.inCol()[i]], term, c.value().toBigInteger(), c.value().doubleValue());
                }
            }
            if (combos > MAX_EXPANSION) {
                failed++;
                failures.add(Diagnostic.error(r.pos(), "X expands this row to more than " + MAX_EXPANSION
                        + " rows; use a check for properties over large inputs"));
                continue;
            }
            boolean rowFailed = false;
            for (long k = 0; k < combos; k++) {
                long bits = k;
                for (int i : free) {
                    Terminal term = net.inputs().get(p.inCol()[i]);
                    long v = bits & ((1L << term.width()) - 1);
                    bits >>>= term.width();
                    write(inputs, offset[p.inCol()[i]], term, BigInteger.valueOf(v), v);
                }
                ev.run(inputs, state, null);
                double[] got = ev.outputBits(state);
                rows++;
                String mismatch = compare(p, r, got, outOffset);
                if (mismatch != null) {
                    failed++;
                    if (!rowFailed && failures.size() < SHOWN) {
                        failures.add(Diagnostic.error(firstBadCell(p, r, got, outOffset), inputsText(p, r, inputs, offset) + ": " + mismatch));
                    }
                    rowFailed = true;
                }
            }
        }
        return new TestOutcome(file, p.name(), t.pos(), rows, failed, failures, "scalar engine");
    }

    private static void write(double[] inputs, int at, Terminal t, BigInteger whole, double real) {
        if (!t.bus()) {
            inputs[at] = real;
            return;
        }
        for (int b = 0; b < t.width(); b++) inputs[at + b] = whole.testBit(b) ? 1 : 0;
    }


    /** Null when the row holds; otherwise "sum is 1, expected 0; ...". */
    private static String compare(Prepared p, TestDecl.Row r, double[] got, int[] outOffset) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < p.outCol().length; i++) {
            if (!holds(p, r, i, got, outOffset)) {
                Terminal term = p.net().outputs().get(p.outCol()[i]);
                String g = Values.terminal(term, got, outOffset[p.outCol()[i]], false);
                bad.add(term.name() + " is " + g + ", expected " + r.outputs().get(i));
            }
        }
        return bad.isEmpty() ? null : String.join("; ", bad);
    }

    private static boolean holds(Prepared p, TestDecl.Row r, int i, double[] got, int[] outOffset) {
        TestDecl.Cell c = r.outputs().get(i);
        if (c.isAny()) return true;
        Terminal term = p.net().outputs().get(p.outCol()[i]);
        int at = outOffset[p.outCol()[i]];
        BigDecimal tol = p.test().tolerance();
        if (term.bus()) {
            BigInteger v = Values.busValue(got, at, term.width());
            if (v == null) return false;
            BigDecimal diff = new BigDecimal(v).subtract(c.value()).abs();
            return tol == null ? diff.signum() == 0 : diff.compareTo(tol) <= 0;
        }
        double g = got[at];
        double e = c.value().doubleValue();
        return tol == null ? g == e : Math.abs(g - e) <= tol.doubleValue();
    }

    private static dev.circuit.diag.Pos firstBadCell(Prepared p, TestDecl.Row r, double[] got, int[] outOffset) {
        for (int i = 0; i < p.outCol().length; i++) if (!holds(p, r, i, got, outOffset)) return r.outputs().get(i).pos();
        return r.pos();
    }

    private static String inputsText(Prepared p, TestDecl.Row r, double[] inputs, int[] offset) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < p.inCol().length; i++) {
            Terminal term = p.net().inputs().get(p.inCol()[i]);
            parts.add(term.name() + "=" + Values.terminal(term, inputs, offset[p.inCol()[i]], false));
        }
        return String.join(" ", parts);
    }
}
