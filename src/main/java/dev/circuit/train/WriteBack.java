package dev.circuit.train;

import dev.circuit.ast.SourceFile;
import dev.circuit.elab.Program;
import dev.circuit.model.Param;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learned values written into the source text. Each parameter is one {@code ?} token; exactly its
 * span is replaced, by {@code ?value} (still learnable, so training can resume) or by the plain
 * {@code value} (frozen). Everything else, comments and layout included, stays byte for byte.
 * Values are written as Double.toString digits, which read back as the same double (shortest in nearly
 * every case on Java 17; JDK-4511638 lists the rare values that get a digit more).
 */
public final class WriteBack {
    private WriteBack() {}

    /** One rewritten source file. */
    public record Edit(SourceFile file, String text) {}

    /** The new text of every file that holds a learned parameter, root file first. */
    public static List<Edit> edits(Program program, List<Param> params, double[] values, boolean freeze) {
        Map<String, List<Param>> byFile = new LinkedHashMap<>();
        for (SourceFile f : program.files()) byFile.put(f.name(), new ArrayList<>());
        for (Param p : params) {
            List<Param> list = byFile.get(p.file());
            if (list == null) throw new IllegalStateException("parameter in unknown file " + p.file());
            list.add(p);
        }
        List<Edit> out = new ArrayList<>();
        for (SourceFile f : program.files()) {
            List<Param> ps = byFile.get(f.name());
            if (ps.isEmpty()) continue;
            Edit e = new Edit(f, rewrite(f.text(), ps, values, freeze));
            if (f == program.root()) out.add(0, e);
            else out.add(e);
        }
        return out;
    }

    /** Replaces each parameter's span (code-point offsets) with its value, last span first. */
    static String rewrite(String text, List<Param> params, double[] values, boolean freeze) {
        List<Param> sorted = new ArrayList<>(params);
        sorted.sort(Comparator.comparingInt(Param::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Param p : sorted) {
            int from = text.offsetByCodePoints(0, p.start());
            int to = text.offsetByCodePoints(from, p.end() - p.start());
            sb.replace(from, to, (freeze ? "" : "?") + number(values[p.id()]));
        }
        return sb.toString();
    }

    /** A decimal text that parses back to exactly {@code v}, plain unless very large or small. */
    public static String number(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        if (v == 0) return "0";
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        return exponent >= -6 && exponent < 16 ? d.toPlainString() : d.toString();
    }
}
