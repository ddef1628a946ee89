package dev.circuit.interop;

import java.util.HashSet;
import java.util.Set;

/**
 * Legal, stable Verilog identifiers. A name keeps its letters, digits and underscores; anything else
 * becomes one '_'. Reserved words get a trailing '_'; a clash gets a numeric suffix, handed out in the
 * order names are asked for, which follows the netlist's order, so the same circuit gives the same names.
 */
final class VerilogNames {
    /** Verilog-2005 reserved words (IEEE 1364-2005, annex B), plus SystemVerilog's common ones so the output also reads there. */
    static final Set<String> RESERVED = Set.of(
            "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex", "casez",
            "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable", "edge", "else", "end",
            "endcase", "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive", "endspecify",
            "endtable", "endtask", "event", "for", "force", "forever", "fork", "function", "generate", "genvar",
            "highz0", "highz1", "if", "ifnone", "incdir", "include", "initial", "inout", "input", "instance",
            "integer", "join", "large", "liblist", "library", "localparam", "macromodule", "medium", "module",
            "nand", "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output",
            "parameter", "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup",
            "pulsestyle_onevent", "pulsestyle_ondetect", "rcmos", "real", "realtime", "reg", "release", "repeat",
            "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed", "small",
            "specify", "specparam", "strong0", "strong1", "supply0", "supply1", "table", "task", "time", "tran",
            "tranif0", "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "uwire",
            "vectored", "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
            "bit", "logic", "byte", "int", "shortint", "longint", "string", "interface", "class", "package");

    private final Set<String> used = new HashSet<>();

    /** A legal identifier for {@code raw}, distinct from every name given out before. */
    String claim(String raw) {
        String base = legal(raw);
        String name = base;
        for (int k = 2; !used.add(name); k++) name = base + "_" + k;
        return name;
    }

    static String legal(String raw) {
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toCharArray()) {
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            if (ok) sb.append(c);
            else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') sb.append('_');
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') sb.setLength(sb.length() - 1);
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) sb.insert(0, 'n');
        String s = sb.toString();
        return RESERVED.contains(s) ? s + "_" : s;
    }
}
