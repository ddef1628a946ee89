package dev.circuit.interop;

import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-checking Verilog testbench: applies each vector, compares every cared-for output with
 * {@code ===} (so x and z count as wrong), prints a line per failure and {@code N passed, N failed}
 * at the end, and exits through {@code $finish}.
 *
 * <p>A sequential module is driven run by run, cycle by cycle ({@link #sequential}): each run starts
 * by putting every state reg back to its initial value (through hierarchical names, as
 * {@code circuit test} resets its simulator) and applying the first cycle's inputs; each cycle waits
 * for the logic to settle ({@code Module.settleTime}), compares the outputs, and the next one begins
 * with the rising clock edge and, in the same time step, its inputs, given with {@code <=} so that
 * the flip-flops sample before they change: the flip-flops and the inputs change together, as
 * circuit's cycle starts.
 */
public final class Testbench {
    private Testbench() {}

    public static String of(Netlist net, Verilog.Module m, List<Vector> vectors) {
        StringBuilder sb = new StringBuilder();
        String[] counters = head(sb, net, m, vectors.size());
        for (Vector v : vectors) row(sb, net, m, v, counters[0], counters[1], " = ", 1);
        return tail(sb, counters);
    }

    /** The testbench of a module with state: each run from the initial state (see the class comment). */
    public static String sequential(Netlist net, Verilog.Module m, List<List<Vector>> runs) {
        StringBuilder sb = new StringBuilder();
        int rows = runs.stream().mapToInt(List::size).sum();
        String[] counters = head(sb, net, m, rows);
        for (List<Vector> run : runs) {
            if (run.isEmpty()) continue;
            sb.append("        // from the initial state: ").append(escape(run.get(0).origin())).append('\n');
            List<String> reset = new ArrayList<>();
            for (int i = 0; i < m.stateRegs().size(); i++) {
                reset.add(counters[2] + "." + m.stateRegs().get(i) + " = 1'b" + (net.state().get(i).init() ? 1 : 0) + ";");
            }
            sb.append("        ").append(String.join(" ", reset)).append('\n');
            for (int c = 0; c < run.size(); c++) {
                if (c > 0 && m.clock() != null) sb.append("        ").append(m.clock()).append(" = 1'b1;\n");
                row(sb, net, m, run.get(c), counters[0], counters[1], c == 0 ? " = " : " <= ", m.settleTime());
                if (m.clock() != null) sb.append("        ").append(m.clock()).append(" = 1'b0; #1;\n");
            }
        }
        return tail(sb, counters);
    }

    /** Declarations and the instance; returns the names of the pass and fail counters and of the instance. */
    private static String[] head(StringBuilder sb, Netlist net, Verilog.Module m, int rows) {
        String tb = m.name() + "_tb";
        sb.append("\n// Testbench: ").append(rows).append(" rows. Run: iverilog -g2005 -o sim FILE.v && vvp sim\n");
        sb.append("module ").append(tb).append(";\n");
        if (m.clock() != null) sb.append("    reg ").append(m.clock()).append(" = 1'b0;\n");
        for (int i = 0; i < net.inputs().size(); i++) {
            sb.append("    reg ").append(range(net.inputs().get(i))).append(m.inputNames().get(i)).append(";\n");
        }
        for (int i = 0; i < net.outputs().size(); i++) {
            sb.append("    wire ").append(range(net.outputs().get(i))).append(m.outputNames().get(i)).append(";\n");
        }
        // The counters must not take a port's name.
        java.util.Set<String> taken = new java.util.HashSet<>(m.inputNames());
        taken.addAll(m.outputNames());
        if (m.clock() != null) taken.add(m.clock());
        String passed = free("passed", taken);
        String failed = free("failed", taken);
        sb.append("    integer ").append(passed).append(" = 0;\n    integer ").append(failed).append(" = 0;\n");
        List<String> conns = new ArrayList<>();
        if (m.clock() != null) conns.add("." + m.clock() + "(" + m.clock() + ")");
        for (String n : m.inputNames()) conns.add("." + n + "(" + n + ")");
        for (String n : m.outputNames()) conns.add("." + n + "(" + n + ")");
        String dut = free("dut", taken);
        sb.append("    ").append(m.name()).append(' ').append(dut).append('(').append(String.join(", ", conns)).append(");\n");
        sb.append("    initial begin\n");
        return new String[] {passed, failed, dut};
    }

    private static String tail(StringBuilder sb, String[] counters) {
        sb.append("        $display(\"%0d passed, %0d failed\", ").append(counters[0]).append(", ").append(counters[1]).append(");\n");
        sb.append("        $finish;\n    end\nendmodule\n");
        return sb.toString();
    }

    private static String free(String name, java.util.Set<String> taken) {
        String n = name;
        while (taken.contains(n)) n += "_";
        return n;
    }

    /** Applies the row's inputs with {@code assign} ({@code " = "} or {@code " <= "}), waits {@code wait} time units, compares. */
    private static void row(StringBuilder sb, Netlist net, Verilog.Module m, Vector v, String passed, String failed, String assign, int wait) {
        sb.append("        ");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < net.inputs().size(); i++) {
            Terminal t = net.inputs().get(i);
            sb.append(m.inputNames().get(i)).append(assign).append(literal(t, v.inputs().get(i))).append("; ");
            shown.add(t.name() + "=" + v.inputs().get(i));
        }
        sb.append('#').append(wait).append(";\n");
        List<String> conds = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> got = new ArrayList<>();
        List<String> gotArgs = new ArrayList<>();
        for (int i = 0; i < net.outputs().size(); i++) {
            BigInteger e = v.outputs().get(i);
            if (e == null) continue;
            Terminal t = net.outputs().get(i);
            String name = m.outputNames().get(i);
            conds.add(name + " === " + literal(t, e));
            expected.add(t.name() + "=" + e);
            got.add(escape(t.name()) + "=%0d");
            gotArgs.add(name);
        }
        if (conds.isEmpty()) {
            sb.append("        ").append(passed).append(" = ").append(passed).append(" + 1;\n");
            return;
        }
        String msg = escape("FAIL " + v.origin() + ": " + String.join(" ", shown)) + ": got " + String.join(" ", got)
                + ", expected " + escape(String.join(" ", expected));
        sb.append("        if (").append(String.join(" && ", conds)).append(") ").append(passed).append(" = ").append(passed).append(" + 1;\n");
        sb.append("        else begin ").append(failed).append(" = ").append(failed).append(" + 1; $display(\"").append(msg).append("\", ")
                .append(String.join(", ", gotArgs)).append("); end\n");
    }

    private static String literal(Terminal t, BigInteger v) {
        return t.width() + "'d" + v;
    }

    private static String range(Terminal t) {
        return t.bus() ? "[" + (t.width() - 1) + ":0] " : "";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%");
    }
}
