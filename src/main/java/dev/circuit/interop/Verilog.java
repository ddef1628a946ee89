package dev.circuit.interop;

import dev.circuit.diag.Diagnostics;
import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.eval.Simulator;
import dev.circuit.model.Neuron;
import dev.circuit.model.StateBit;
import dev.circuit.model.Threshold;
import dev.circuit.model.Terminal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A netlist as one structural Verilog-2005 module. Each neuron is one continuous assignment: its
 * exact integer form ({@link Threshold}) becomes an
 * unsigned comparison, positive terms on the left, negative ones on the right, so no signed
 * arithmetic is involved: {@code step(-2*a - 2*b + 3)} is {@code 3'd3 > 3'd2*a + 3'd2*b}. Every
 * constant is sized wide enough for the largest sum, and Verilog sizes both sides of a comparison
 * to the wider one, so nothing overflows.
 *
 * <p>State ({@link StateBit}) is a {@code reg} per bit with its initial value. A flip-flop loads on
 * {@code posedge clk}, a port the module has only when it has flip-flops. A feedback wire makes
 * circuit's settling explicit: the reg takes the value driving it one time unit later
 * ({@code fb <= #1 d}, re-armed whenever {@code d} or the reg changes). Every change in one time step
 * schedules the next step's value, the last one scheduled wins, so the regs move together, step by
 * step, exactly as {@link dev.circuit.eval.Simulator} iterates, provided the inputs and the
 * flip-flops change in one time step (the testbench makes them). Delays are ignored by synthesis:
 * there the loop becomes a real combinational loop, whose gates do not wait for one another.
 */
public final class Verilog {
    /**
     * The module text and the names chosen, which the testbench reuses: the clock port (null without
     * flip-flops), each state bit's reg (in {@code Netlist.state()} order), and how many time units
     * a cycle needs to settle (1 without feedback wires).
     */
    public record Module(String name, String text, List<String> inputNames, List<String> outputNames, String clock,
                         List<String> stateRegs, int settleTime) {
        public Module(String name, String text, List<String> inputNames, List<String> outputNames) {
            this(name, text, inputNames, outputNames, null, List.of(), 1);
        }
    }

    private final Netlist net;
    private final VerilogNames names = new VerilogNames();
    private final String[] netExpr;

    private Verilog(Netlist net) {
        this.net = net;
        this.netExpr = new String[net.netCount()];
    }

    /**
     * The module for {@code net}, or errors in {@code diags} (at each refused neuron's position) and null.
     * {@code source} names the .net file in the header comment.
     */
    public static Module module(Netlist net, String source, Diagnostics diags) {
        return new Verilog(net).build(source, diags);
    }

    private Module build(String source, Diagnostics diags) {
        for (Neuron n : net.neurons()) refuse(n, diags);
        for (Netlist.Constant c : net.constants()) {
            if (c.value() != 0 && c.value() != 1) {
                diags.error(net.neurons().isEmpty() ? dev.circuit.diag.Pos.file(source) : net.neurons().get(0).pos(),
                        "the constant " + c.value() + " is not a bit: Verilog export needs a Boolean circuit");
            }
        }
        if (diags.hasErrors()) return null;

        String module = names.claim(net.name());
        List<String> ins = new ArrayList<>();
        List<String> outs = new ArrayList<>();
        for (Terminal t : net.inputs()) ins.add(names.claim(t.name()));
        for (Terminal t : net.outputs()) outs.add(names.claim(t.name()));
        for (int i = 0; i < net.inputs().size(); i++) {
            Terminal t = net.inputs().get(i);
            for (int b = 0; b < t.width(); b++) netExpr[t.nets().get(b)] = t.bus() ? ins.get(i) + "[" + b + "]" : ins.get(i);
        }
        for (Netlist.Constant c : net.constants()) netExpr[c.net()] = c.value() == 1 ? "1'b1" : "1'b0";
        String top = net.neurons().isEmpty() ? net.isSequential() ? topPrefix(net.state().get(0).path()) : ""
                : topPrefix(net.neurons().get(0).path());
        boolean flops = net.state().stream().anyMatch(b -> b.kind() == StateBit.Kind.FLIP_FLOP);
        String clock = flops ? names.claim("clk") : null;
        List<String> regs = new ArrayList<>();
        for (StateBit b : net.state()) {
            String rel = b.path().startsWith(top) ? b.path().substring(top.length()) : b.path();
            String r = names.claim((b.kind() == StateBit.Kind.FLIP_FLOP ? "r_" : "fb_") + rel);
            regs.add(r);
            netExpr[b.q()] = r;
        }
        Map<Neuron, String> wire = new HashMap<>();
        for (Neuron n : net.neurons()) {
            String rel = n.path().startsWith(top) ? n.path().substring(top.length()) : n.path();
            String w = names.claim("n_" + rel);
            wire.put(n, w);
            netExpr[n.out()] = w;
        }

        StringBuilder sb = new StringBuilder();
        sb.append("// Generated by circuit from ").append(source).append(": circuit ").append(net.name()).append(".\n");
        sb.append("// Each perceptron is one integer threshold comparison; see 'circuit verilog --help'.\n");
        sb.append("module ").append(module).append(" (\n");
        List<String> ports = new ArrayList<>();
        if (clock != null) ports.add("    input  wire " + clock);
        for (int i = 0; i < ins.size(); i++) ports.add("    input  wire " + range(net.inputs().get(i)) + ins.get(i));
        for (int i = 0; i < outs.size(); i++) ports.add("    output wire " + range(net.outputs().get(i)) + outs.get(i));
        sb.append(String.join(",\n", ports)).append("\n);\n");
        for (Neuron n : net.neurons()) sb.append("    wire ").append(wire.get(n)).append(";\n");
        for (int i = 0; i < regs.size(); i++) state(sb, net.state().get(i), regs.get(i), clock);
        for (Neuron n : net.neurons()) {
            sb.append("    // ").append(n.path()).append(" (").append(n.pos()).append(")\n");
            sb.append("    assign ").append(wire.get(n)).append(" = ").append(comparison(n)).append(";\n");
        }
        for (int i = 0; i < outs.size(); i++) {
            Terminal t = net.outputs().get(i);
            for (int b = 0; b < t.width(); b++) {
                sb.append("    assign ").append(outs.get(i)).append(t.bus() ? "[" + b + "]" : "").append(" = ")
                        .append(netExpr[t.nets().get(b)]).append(";\n");
            }
        }
        sb.append("endmodule\n");
        return new Module(module, sb.toString(), ins, outs, clock, regs, net.hasFeedback() ? Simulator.settleLimit(net) + 2 : 1);
    }

    /** One state bit: its reg with the initial value, and what loads it. */
    private void state(StringBuilder sb, StateBit b, String reg, String clock) {
        String d = netExpr[b.d()];
        sb.append("    // ").append(b.path()).append(" (").append(b.pos()).append("): ")
                .append(b.kind() == StateBit.Kind.FLIP_FLOP ? "flip-flop" : "feedback wire, one time unit per settling step").append('\n');
        sb.append("    reg ").append(reg).append(" = 1'b").append(b.init() ? 1 : 0).append(";\n");
        if (b.kind() == StateBit.Kind.FLIP_FLOP) {
            sb.append("    always @(posedge ").append(clock).append(") ").append(reg).append(" <= ").append(d).append(";\n");
        } else {
            sb.append("    always begin ").append(reg).append(" <= #1 ").append(d).append("; @(").append(d).append(" or ").append(reg)
                    .append("); end\n");
        }
    }

    private void refuse(Neuron n, Diagnostics diags) {
        String name = n.path().substring(n.path().lastIndexOf('/') + 1);
        if (!n.activation().isHard()) {
            diags.error(n.pos(), "neuron '" + name + "' is " + n.activation().keyword() + ", a real-valued neuron:"
                    + " Verilog export needs step or threshold neurons (--snap turns it into a step neuron)");
        } else if (!n.isFixed()) {
            diags.error(n.pos(), "neuron '" + name + "' has learnable coefficients (?):"
                    + " Verilog export needs fixed weights (--snap freezes them at their current values)");
        } else if (n.exact().longs() == null) {
            diags.error(n.pos(), "neuron '" + name + "': its weights as exact integers need more than "
                    + Threshold.LONG_BITS + " bits; Verilog export refuses such a neuron");
        }
    }

    /**
     * The neuron's exact form as a comparison of two sums of unsigned terms: positive weights (and a
     * positive bias) on the left, the others on the right, so no signed arithmetic is needed. The
     * comparison is {@code >} for step and {@code >=} for a threshold, as the exact form says
     * ({@code sum + bias > 0} is {@code sum >= threshold}).
     */
    private String comparison(Neuron n) {
        Threshold t = n.exact();
        BigInteger pos = t.bias().max(BigInteger.ZERO);
        BigInteger neg = t.bias().min(BigInteger.ZERO).negate();
        for (BigInteger w : t.weights()) if (w.signum() > 0) pos = pos.add(w); else neg = neg.subtract(w);
        int width = Math.max(pos.bitLength(), neg.bitLength()) + 1;
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        // One sized constant anywhere fixes the width the whole comparison is computed in.
        boolean sized = false;
        for (int k = 0; k < n.fanIn(); k++) {
            BigInteger w = t.weights().get(k);
            if (w.signum() == 0) continue;
            String x = netExpr[n.inputs().get(k)];
            String term = x;
            if (!w.abs().equals(BigInteger.ONE)) {
                term = width + "'d" + w.abs() + "*" + x;
                sized = true;
            }
            (w.signum() > 0 ? left : right).add(term);
        }
        BigInteger b = t.bias();
        if (b.signum() != 0) {
            (b.signum() > 0 ? left : right).add(width + "'d" + b.abs());
            sized = true;
        }
        if (left.isEmpty() || !sized) left.add(width + "'d0");
        if (right.isEmpty()) right.add(width + "'d0");
        String op = t.threshold().equals(b.negate()) ? " >= " : " > ";
        return String.join(" + ", left) + op + String.join(" + ", right);
    }

    private static String range(Terminal t) {
        return t.bus() ? "[" + (t.width() - 1) + ":0] " : "";
    }

    private static String topPrefix(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
