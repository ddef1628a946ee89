package dev.circuit.interop;

import dev.circuit.eval.Recording;
import dev.circuit.model.Netlist;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulation as a Value Change Dump (IEEE 1364 §18), the waveform file GTKWave and Surfer open.
 *
 * <p>Time: cycle t spans [10t, 10t+10) ns. A circuit with flip-flops gets a {@code clk} that rises at
 * 10t, the edge at which the flip-flops load what they took in during cycle t-1, so a value seen in
 * the wave during cycle t is the value {@code circuit sim} prints for row t. Ports are the module's
 * variables, buses as vectors; with every net, each net is a one-bit variable in the scope of its
 * instance path ({@code adder/fa3/g2} is {@code g2} in scope {@code adder.fa3}). A real value (a
 * sigmoid's output) is a {@code real} variable.
 */
public final class Vcd {
    private Vcd() {}

    /** One variable: its code, name, width, whether it is real, and where its bits are in a cycle's row. */
    private record Var(String code, String name, int width, boolean real, Source source, int[] bits) {}

    private enum Source { INPUTS, OUTPUTS, NETS, CLOCK }

    public static String of(Recording rec, boolean allNets) {
        Netlist net = rec.net();
        List<Var> vars = new ArrayList<>();
        boolean clocked = net.state().stream().anyMatch(s -> s.kind() == StateBit.Kind.FLIP_FLOP);
        if (clocked) vars.add(new Var(code(vars.size()), "clk", 1, false, Source.CLOCK, new int[] {0}));
        ports(net.inputs(), Source.INPUTS, rec, vars);
        ports(net.outputs(), Source.OUTPUTS, rec, vars);
        Map<String, List<Var>> scopes = new LinkedHashMap<>();
        if (allNets && rec.nets() != null) {
            for (int n = 0; n < net.netCount(); n++) {
                String path = net.netNames().get(n);
                int slash = path.lastIndexOf('/');
                String scope = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
                Var v = new Var(code(vars.size() + count(scopes)), path.substring(slash + 1), 1, !isBits(rec.nets(), n),
                        Source.NETS, new int[] {n});
                scopes.computeIfAbsent(scope, k -> new ArrayList<>()).add(v);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("$version circuit sim $end\n$timescale 1ns $end\n");
        sb.append("$scope module ").append(safe(net.name())).append(" $end\n");
        for (Var v : vars) declare(sb, v);
        List<Var> all = new ArrayList<>(vars);
        for (Map.Entry<String, List<Var>> e : scopes.entrySet()) {
            String[] parts = e.getKey().isEmpty() ? new String[0] : e.getKey().split("\\.");
            for (String p : parts) sb.append("$scope module ").append(safe(p)).append(" $end\n");
            for (Var v : e.getValue()) declare(sb, v);
            for (int i = 0; i < parts.length; i++) sb.append("$upscope $end\n");
            all.addAll(e.getValue());
        }
        sb.append("$upscope $end\n$enddefinitions $end\n");
        String[] last = new String[all.size()];
        for (int t = 0; t < rec.cycles(); t++) {
            StringBuilder changes = new StringBuilder();
            for (int i = 0; i < all.size(); i++) {
                String v = value(all.get(i), rec, t);
                if (!v.equals(last[i])) changes.append(v).append('\n');
                last[i] = v;
            }
            sb.append('#').append(10L * t).append('\n');
            if (t == 0) sb.append("$dumpvars\n").append(changes).append("$end\n");
            else sb.append(changes);
            if (clocked && t > 0) {
                sb.append('#').append(10L * t + 5).append('\n').append("0").append(all.get(0).code()).append('\n');
                last[0] = "0" + all.get(0).code();
            }
        }
        sb.append('#').append(10L * rec.cycles()).append('\n');
        return sb.toString();
    }

    private static int count(Map<String, List<Var>> scopes) {
        return scopes.values().stream().mapToInt(List::size).sum();
    }

    private static void ports(List<Terminal> terms, Source src, Recording rec, List<Var> vars) {
        int at = 0;
        List<double[]> rows = src == Source.INPUTS ? rec.inputs() : rec.outputs();
        for (Terminal t : terms) {
            int[] bits = new int[t.width()];
            for (int b = 0; b < bits.length; b++) bits[b] = at + b;
            boolean real = !t.bus() && !isBits(rows, at);
            vars.add(new Var(code(vars.size()), t.name(), t.width(), real, src, bits));
            at += t.width();
        }
    }

    /** Whether column {@code k} of the rows only ever holds 0 or 1. */
    private static boolean isBits(List<double[]> rows, int k) {
        for (double[] r : rows) if (r[k] != 0 && r[k] != 1) return false;
        return true;
    }

    private static void declare(StringBuilder sb, Var v) {
        sb.append("$var ").append(v.real() ? "real 64 " : "wire " + v.width() + " ").append(v.code()).append(' ')
                .append(safe(v.name()));
        if (v.width() > 1) sb.append(" [").append(v.width() - 1).append(":0]");
        sb.append(" $end\n");
    }

    private static String value(Var v, Recording rec, int t) {
        if (v.source() == Source.CLOCK) return (t == 0 ? "0" : "1") + v.code();
        double[] row = switch (v.source()) {
            case INPUTS -> rec.inputs().get(t);
            case OUTPUTS -> rec.outputs().get(t);
            default -> rec.nets().get(t);
        };
        if (v.real()) return "r" + dev.circuit.eval.Values.exact(row[v.bits()[0]]) + " " + v.code();
        if (v.width() == 1) return bit(row[v.bits()[0]]) + v.code();
        StringBuilder b = new StringBuilder("b");
        int hi = v.width() - 1;
        while (hi > 0 && row[v.bits()[hi]] == 0) hi--; // leading zeros may be left off
        for (int i = hi; i >= 0; i--) b.append(bit(row[v.bits()[i]]));
        return b.append(' ').append(v.code()).toString();
    }

    private static char bit(double v) {
        return v == 1 ? '1' : v == 0 ? '0' : 'x';
    }

    /** The i-th identifier code: printable ASCII from '!' to '~', base 94. */
    static String code(int i) {
        StringBuilder sb = new StringBuilder();
        do {
            sb.append((char) ('!' + i % 94));
            i /= 94;
        } while (i > 0);
        return sb.toString();
    }

    /** A name as one VCD token: no whitespace. */
    private static String safe(String name) {
        return name.replaceAll("\\s", "_");
    }
}
