package dev.circuit.cli;

import java.util.ArrayList;
import java.util.List;

/** Aligns text columns: left for names, right for numbers. */
final class Tables {
    private Tables() {}

    static List<String> align(List<String[]> rows, boolean[] right) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], r[c].length());
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                if (c > 0) sb.append("  ");
                String pad = " ".repeat(w[c] - r[c].length());
                sb.append(right[c] ? pad + r[c] : c == cols - 1 ? r[c] : r[c] + pad);
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }
}
