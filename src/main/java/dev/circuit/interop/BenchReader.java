package dev.circuit.interop;

import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ISCAS-85 and ISCAS-89 {@code .bench} netlists: {@code INPUT(x)}, {@code OUTPUT(y)},
 * {@code y = GATE(a, b, ...)} and {@code q = DFF(d)} lines, {@code #} comments. Keywords and gate
 * names in any case. A {@code DFF} is a D flip-flop on the one clock the format leaves implicit; the
 * format gives no initial state, so each starts at 0 (the usual reading of the ISCAS'89 set). Other
 * storage cells ({@code LATCH}, {@code DFFR} ...) are reported as unsupported.
 */
public final class BenchReader {
    private static final Pattern PORT = Pattern.compile("\\s*(INPUT|OUTPUT)\\s*\\(\\s*([^()\\s,]+)\\s*\\)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern GATE = Pattern.compile("\\s*([^=()\\s,]+)\\s*=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*");
    private static final Pattern NAME = Pattern.compile("[^=()\\s,]+");

    private BenchReader() {}

    /** The netlist in {@code text}; errors (all of them) go to {@code diags}. {@code name} is the circuit's name. */
    public static Logic read(String file, String name, String text, Diagnostics diags) {
        List<Logic.Port> ins = new ArrayList<>();
        List<Logic.Port> outs = new ArrayList<>();
        List<Logic.Node> nodes = new ArrayList<>();
        List<Logic.Latch> latches = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int hash = raw.indexOf('#');
            String line = hash < 0 ? raw : raw.substring(0, hash);
            if (line.isBlank()) continue;
            int lineNo = i + 1;
            int indent = col(line);
            Matcher p = PORT.matcher(line);
            if (p.matches()) {
                Logic.Port port = new Logic.Port(p.group(2), new Pos(file, lineNo, p.start(2) + 1));
                (p.group(1).equalsIgnoreCase("INPUT") ? ins : outs).add(port);
                continue;
            }
            Matcher g = GATE.matcher(line);
            if (!g.matches()) {
                diags.error(new Pos(file, lineNo, indent), "expected INPUT(name), OUTPUT(name) or name = GATE(inputs)");
                continue;
            }
            Pos at = new Pos(file, lineNo, g.start(1) + 1);
            Pos gateAt = new Pos(file, lineNo, g.start(2) + 1);
            String kind = g.group(2);
            boolean dff = kind.equalsIgnoreCase("DFF");
            if (!dff && kind.toUpperCase(Locale.ROOT).matches("LATCH|DFFR?S?")) {
                diags.error(gateAt, kind + " is a storage cell with set, reset or a level-sensitive enable: of the storage cells only DFF is imported");
                continue;
            }
            var gate = Logic.Gate.byName(kind);
            if (gate.isEmpty() && !dff) {
                diags.error(gateAt, "unknown gate '" + kind + "' (supported: AND, NAND, OR, NOR, XOR, XNOR, NOT, BUFF, DFF)");
                continue;
            }
            List<String> args = new ArrayList<>();
            String inner = g.group(3);
            int base = g.start(3);
            boolean ok = true;
            if (!inner.isBlank()) {
                int from = 0;
                for (String part : inner.split(",", -1)) {
                    Matcher n = NAME.matcher(part.strip());
                    if (!n.matches()) {
                        diags.error(new Pos(file, lineNo, base + from + col(part)), "expected a signal name in the gate's inputs");
                        ok = false;
                    } else {
                        args.add(part.strip());
                    }
                    from += part.length() + 1;
                }
            }
            if (!ok) continue;
            if (args.isEmpty()) {
                diags.error(gateAt, kind + " needs at least one input");
                continue;
            }
            if ((dff || gate.get().unary()) && args.size() != 1) {
                diags.error(gateAt, kind + " takes one input, got " + args.size());
                continue;
            }
            if (dff) {
                latches.add(new Logic.Latch(g.group(1), args.get(0), false, line.strip(), at));
                continue;
            }
            nodes.add(new Logic.Node(g.group(1), args, gate.get(), at));
        }
        if (outs.isEmpty()) diags.error(Pos.file(file), "no outputs: a .bench circuit needs at least one OUTPUT(name) line");
        return new Logic(name, ins, outs, nodes, latches, null);
    }

    /** 1-based column of the first non-blank character. */
    private static int col(String s) {
        int k = 0;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) k++;
        return k + 1;
    }
}
