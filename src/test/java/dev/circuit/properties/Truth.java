package dev.circuit.properties;

import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.eval.Evaluator;
import dev.circuit.model.Netlist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads {@code .net} text through the real pipeline and reads its whole truth table with the
 * scalar {@link Evaluator}. Row r sets input bit k to bit k of r; a row is written as the output
 * bits in terminal order, e.g. "01".
 */
final class Truth {
    private Truth() {}

    /** Writes {@code text} to {@code dir/name} and loads circuit {@code top} (null: the file's default). */
    static Netlist load(Path dir, String name, String text, String top) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Circuit.load(file, top, new Sources()).topCircuit().netlist();
    }

    /** Every row of the truth table; fails (with the row) if an output is not exactly 0 or 1. */
    static List<String> table(Netlist net) {
        int bits = net.inputBits();
        Evaluator ev = new Evaluator(net, net.initialParams(0));
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < 1 << bits; r++) {
            double[] out = ev.outputs(inputs(r, bits));
            StringBuilder sb = new StringBuilder();
            for (double v : out) {
                if (v != 0 && v != 1) throw new AssertionError("row " + r + ": output " + v + " is not a bit");
                sb.append(v == 1 ? '1' : '0');
            }
            rows.add(sb.toString());
        }
        return rows;
    }

    static double[] inputs(int row, int bits) {
        double[] in = new double[bits];
        for (int k = 0; k < bits; k++) in[k] = (row >> k) & 1;
        return in;
    }

    static List<String> table(Path dir, String name, String text, String top) {
        return table(load(dir, name, text, top));
    }
}
