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
 */
public final class Testbench {
    private Testbench() {}

    public static String of(Netlist net, Verilog.Module m, List<Vector> vectors) {
        StringBuilder sb = new StringBuilder();
        String tb = m.name() + "_tb";
        sb.append("\n// Testbench: ").append(vectors.size()).append(" rows. Run: iverilog -g2005 -o sim FILE.v && vvp sim\n");
        sb.append("module ").append(tb).append(";\n");
        for (int i = 0; i < net.inputs().size(); i++) {
            sb.append("    reg ").append(range(net.inputs().get(i))).append(m.inputNames().get(i)).append(";\n");
        }
        for (int i = 0; i < net.outputs().size(); i++) {
            sb.append("    wire ").append(range(net.outputs().get(i))).append(m.outputNames().get(i)).append(";\n");
        }
        // The counters must not take a port's name.
        java.util.Set<String> taken = new java.util.HashSet<>(m.inputNames());
        taken.addAll(m.outputNames());
        String passed = free("passed", taken);
        String failed = free("failed", taken);
        sb.append("    integer ").append(passed).append(" = 0;\n    integer ").append(failed).append(" = 0;\n");
        List<String> conns = new ArrayList<>();
        for (String n : m.inputNames()) conns.add("." + n + "(" + n + ")");
        for (String n : m.outputNames()) conns.add("." + n + "(" + n + ")");
        sb.append("    ").append(m.name()).append(' ').append(free("dut", taken)).append('(').append(String.join(", ", conns)).append(");\n");
        sb.append("    initial begin\n");
        for (Vector v : vectors) row(sb, net, m, v, passed, failed);
        sb.append("        $display(\"%0d passed, %0d failed\", ").append(passed).append(", ").append(failed).append(");\n");
        sb.append("        $finish;\n    end\nendmodule\n");
        return sb.toString();
    }

    private static String free(String name, java.util.Set<String> taken) {
        String n = name;
        while (taken.contains(n)) n += "_";
        return n;
    }

    private static void row(StringBuilder sb, Netlist net, Verilog.Module m, Vector v, String passed, String failed) {
        sb.append("        ");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < net.inputs().size(); i++) {
            Terminal t = net.inputs().get(i);
            sb.append(m.inputNames().get(i)).append(" = ").append(literal(t, v.inputs().get(i))).append("; ");
            shown.add(t.name() + "=" + v.inputs().get(i));
        }
        sb.append("#1;\n");
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
