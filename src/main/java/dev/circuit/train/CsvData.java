package dev.circuit.train;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.diag.Sources;
import dev.circuit.model.Domain;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import dev.circuit.syntax.Numbers;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Training rows from a CSV file: a header naming the circuit's inputs (all of them) and some of its
 * outputs, then one row of numbers per sample. Cells are separated by commas; spaces around a cell,
 * blank lines and lines starting with {@code #} are ignored. A bus column takes an unsigned integer.
 * Every bad cell, name and ragged row is reported at its line and column (up to {@link #MAX_ERRORS}).
 */
public final class CsvData {
    static final int MAX_ERRORS = 20;

    private CsvData() {}

    public static Dataset read(Path file, Netlist net, Sources sources) {
        return read(file, net, sources, true);
    }

    /**
     * Rows from {@code file}; with {@code outputs} false the header names inputs only (the stimulus
     * of {@code circuit sim}, one row per cycle) and a column naming an output is an error.
     */
    public static Dataset read(Path file, Netlist net, Sources sources, boolean outputs) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CircuitException(Failure.IO, Pos.file(name), "no such file");
        } catch (IOException e) {
            throw new CircuitException(Failure.IO, Pos.file(name), "cannot read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        sources.put(name, text);
        return parse(name, text, net, outputs);
    }

    /** A cell of a line: its text (trimmed) and its 1-based column. */
    private record Cell(String text, int col) {}

    static Dataset parse(String name, String text, Netlist net) {
        return parse(name, text, net, true);
    }

    static Dataset parse(String name, String text, Netlist net, boolean withOutputs) {
        Diagnostics diags = new Diagnostics();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int headerLine = -1;
        for (int i = 0; i < lines.length; i++) {
            if (!skip(lines[i])) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) throw new CircuitException(Failure.INVALID_INPUT, Pos.file(name), "the file is empty; it needs a header naming "
                + net.name() + "'s inputs" + (withOutputs ? " and outputs" : ""));
        List<Cell> header = cells(lines[headerLine]);
        Terminal[] term = new Terminal[header.size()];
        boolean[] isInput = new boolean[header.size()];
        int[] at = new int[header.size()];
        int[] inAt = Terminal.offsets(net.inputs());
        int[] outAt = Terminal.offsets(net.outputs());
        List<String> seen = new ArrayList<>();
        int outputs = 0;
        for (int c = 0; c < header.size(); c++) {
            Cell h = header.get(c);
            Pos pos = new Pos(name, headerLine + 1, h.col());
            int i = index(net.inputs(), h.text());
            int o = index(net.outputs(), h.text());
            if (seen.contains(h.text())) {
                diags.error(pos, "column '" + h.text() + "' appears twice");
            } else if (i >= 0) {
                term[c] = net.inputs().get(i);
                isInput[c] = true;
                at[c] = inAt[i];
            } else if (o >= 0 && !withOutputs) {
                diags.error(pos, "'" + h.text() + "' is an output of " + net.name() + "; this file gives inputs only ("
                        + names(net.inputs()) + ")");
            } else if (o >= 0) {
                term[c] = net.outputs().get(o);
                at[c] = outAt[o];
                outputs++;
            } else {
                diags.error(pos, "'" + h.text() + "' is not an input or output of " + net.name() + " (inputs: "
                        + names(net.inputs()) + "; outputs: " + names(net.outputs()) + ")");
            }
            seen.add(h.text());
        }
        List<String> missing = net.inputs().stream().map(Terminal::name).filter(n -> !seen.contains(n)).toList();
        Pos headerPos = new Pos(name, headerLine + 1, 1);
        if (!missing.isEmpty()) diags.error(headerPos, "the header has no column for input " + String.join(", ", missing));
        if (withOutputs && outputs == 0 && diags.all().isEmpty()) diags.error(headerPos, "the header names no output of " + net.name()
                + " (outputs: " + names(net.outputs()) + ")");
        diags.check();

        int inBits = net.inputs().stream().mapToInt(Terminal::width).sum();
        int outBits = net.outputs().stream().mapToInt(Terminal::width).sum();
        List<double[]> ins = new ArrayList<>();
        List<double[]> outs = new ArrayList<>();
        List<Pos> where = new ArrayList<>();
        for (int l = headerLine + 1; l < lines.length && diags.all().size() < MAX_ERRORS; l++) {
            if (skip(lines[l])) continue;
            List<Cell> cells = cells(lines[l]);
            Pos rowPos = new Pos(name, l + 1, 1);
            if (cells.size() != header.size()) {
                diags.error(rowPos, "row has " + cells.size() + " cell" + (cells.size() == 1 ? "" : "s") + "; the header has " + header.size());
                continue;
            }
            double[] x = new double[inBits];
            double[] y = new double[outBits];
            Arrays.fill(y, Double.NaN);
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = cells.get(c);
                Pos pos = new Pos(name, l + 1, cell.col());
                BigDecimal v;
                try {
                    v = Numbers.parse(cell.text());
                } catch (NumberFormatException e) {
                    diags.error(pos, (cell.text().isEmpty() ? "empty cell" : "'" + cell.text() + "' is not a number")
                            + " (column " + term[c].name() + ")");
                    continue;
                }
                put(isInput[c] ? x : y, at[c], Domain.of(net, term[c]), term[c], v, pos, diags);
            }
            ins.add(x);
            outs.add(y);
            where.add(rowPos);
        }
        diags.check();
        if (ins.isEmpty()) throw new CircuitException(Failure.INVALID_INPUT, headerPos, "the file has a header but no rows");
        return new Dataset(name, ins.toArray(double[][]::new), outs.toArray(double[][]::new), where);
    }

    private static void put(double[] into, int at, Domain d, Terminal t, BigDecimal v, Pos pos, Diagnostics diags) {
        String why = d.refuse(t.name(), v);
        if (why != null) {
            diags.error(pos, why);
            return;
        }
        d.lay(v, into, at);
    }

    private static boolean skip(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    private static List<Cell> cells(String line) {
        List<Cell> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int comma = line.indexOf(',', from);
            String raw = comma < 0 ? line.substring(from) : line.substring(from, comma);
            int lead = raw.length() - raw.stripLeading().length();
            int col = line.codePointCount(0, from + lead) + 1;
            out.add(new Cell(raw.strip(), col));
            if (comma < 0) return out;
            from = comma + 1;
        }
    }

    private static int index(List<Terminal> terms, String name) {
        for (int i = 0; i < terms.size(); i++) if (terms.get(i).name().equals(name)) return i;
        return -1;
    }

    private static String names(List<Terminal> terms) {
        return String.join(", ", terms.stream().map(Terminal::name).toList());
    }
}
