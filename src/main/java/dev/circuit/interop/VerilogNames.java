package dev.circuit.interop;

import java.util.Set;

/**
 * Legal, stable Verilog identifiers (see {@link Identifiers}): no leading or trailing '_', an 'n'
 * before a leading digit, Verilog's reserved words avoided.
 */
final class VerilogNames extends Identifiers {
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

    VerilogNames() {
        super(RESERVED, 'n', true);
    }
}
