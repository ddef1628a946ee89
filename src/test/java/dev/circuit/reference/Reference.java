package dev.circuit.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference truth table of a design's top circuit, and what it expects written as {@code .net}
 * text: a {@code test} table of every row, and a {@code check} whose property is the whole table as
 * a decision tree over the inputs. Row r sets input i (in header order) to bit n-1-i of r: the
 * first input is the most significant, the order in which {@code circuit test} counts.
 */
final class Reference {
    final Design design;
    /** {@code outputs.get(r)}: the top's outputs in header order on row r. */
    final List<List<Integer>> outputs;

    private Reference(Design design, List<List<Integer>> outputs) {
        this.design = design;
        this.outputs = outputs;
    }

    static Reference of(Design design, Cell.Tally tally) {
        List<List<Integer>> out = new ArrayList<>();
        for (int r = 0; r < 1 << design.top().inputs().size(); r++) out.add(design.top().run(inputs(design, r), tally));
        return new Reference(design, List.copyOf(out));
    }

    static List<Integer> inputs(Design design, int row) {
        int n = design.top().inputs().size();
        List<Integer> bits = new ArrayList<>();
        for (int i = 0; i < n; i++) bits.add(row >> (n - 1 - i) & 1);
        return bits;
    }

    int rows() {
        return outputs.size();
    }

    /** "a=1 b=0 c=1", as the product names a row in its messages. */
    String inputsText(int row) {
        List<String> parts = new ArrayList<>();
        List<Integer> bits = inputs(design, row);
        for (int i = 0; i < bits.size(); i++) parts.add(design.top().inputs().get(i) + "=" + bits.get(i));
        return String.join(" ", parts);
    }

    /** The output bits of a row, the first output most significant (as {@code {o0, o1}} reads them). */
    private long word(int row, int flipRow) {
        long w = 0;
        for (int bit : outputs.get(row)) w = w << 1 | bit;
        return row == flipRow ? w ^ 1 : w;
    }

    /** Every row as a {@code test} table; {@code flipRow} (or -1) gets its last output bit wrong. */
    String table(int flipRow) {
        List<String> ins = design.top().inputs();
        List<String> outs = design.top().outputs();
        StringBuilder sb = new StringBuilder("test " + RandomDesigns.TOP + " {\n    ");
        sb.append(String.join(" ", ins)).append(" | ").append(String.join(" ", outs)).append('\n');
        for (int r = 0; r < rows(); r++) {
            sb.append("    ");
            for (int b : inputs(design, r)) sb.append(b).append(' ');
            sb.append('|');
            List<Integer> o = outputs.get(r);
            for (int k = 0; k < o.size(); k++) {
                int v = r == flipRow && k == o.size() - 1 ? 1 - o.get(k) : o.get(k);
                sb.append(' ').append(v);
            }
            sb.append('\n');
        }
        return sb.append("}\n").toString();
    }

    /**
     * The table as one property, {@code ({o0, o1} == (a ? (...) : (...)))}, fully parenthesised (the
     * precedence of {@code ? :} and comparisons is the language's business, not this test's). A
     * subtree whose two branches are equal is written once.
     */
    String check(int flipRow) {
        List<String> outs = design.top().outputs();
        String lhs = outs.size() == 1 ? outs.get(0) : "{" + String.join(", ", outs) + "}";
        return "check " + RandomDesigns.TOP + ": (" + lhs + " == " + tree(0, 0, flipRow) + ")\n";
    }

    private String tree(int input, int prefix, int flipRow) {
        List<String> ins = design.top().inputs();
        if (input == ins.size()) return Long.toString(word(prefix, flipRow));
        String one = tree(input + 1, prefix << 1 | 1, flipRow);
        String zero = tree(input + 1, prefix << 1, flipRow);
        return one.equals(zero) ? one : "(" + ins.get(input) + " ? " + one + " : " + zero + ")";
    }
}
