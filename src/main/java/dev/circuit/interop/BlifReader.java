package dev.circuit.interop;

import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads BLIF (Berkeley Logic Interchange Format): one {@code .model} with {@code .inputs},
 * {@code .outputs}, {@code .names} covers, flip-flops ({@code .latch}, and Yosys's flip-flop cells as
 * {@code .subckt}: {@link BlifFlops}) and {@code .end}. {@code #} starts a comment and a trailing
 * {@code \} continues a line. Other subcircuits and library gates are reported as unsupported, each
 * at its place.
 */
public final class BlifReader {
    private BlifReader() {}

    /** A word and where it starts. */
    private record Word(String text, Pos pos) {}

    public static Logic read(String file, String fallbackName, String text, Diagnostics diags) {
        List<List<Word>> lines = lines(file, text);
        String name = fallbackName;
        boolean sawModel = false;
        boolean ended = false;
        List<Logic.Port> ins = new ArrayList<>();
        List<Logic.Port> outs = new ArrayList<>();
        List<Logic.Node> nodes = new ArrayList<>();
        BlifFlops flops = new BlifFlops();
        // The .names being read: its signals and the cube lines so far.
        List<Word> names = null;
        List<String> cubes = new ArrayList<>();
        Boolean value = null;
        for (List<Word> line : lines) {
            Word first = line.get(0);
            if (ended) {
                diags.error(first.pos(), "text after .end: only one model is imported");
                break;
            }
            if (!first.text().startsWith(".")) {
                if (names == null) {
                    diags.error(first.pos(), "a cube line outside .names");
                    continue;
                }
                Boolean v = cube(line, names.size() - 1, cubes, diags);
                if (v != null) {
                    if (value != null && !value.equals(v)) diags.error(line.get(line.size() - 1).pos(),
                            "a .names cover mixes output values 0 and 1; a cover lists the ones (or the zeros) only");
                    value = v;
                }
                continue;
            }
            if (names != null) {
                nodes.add(node(names, cubes, value));
                names = null;
            }
            String d = first.text();
            List<Word> args = line.subList(1, line.size());
            switch (d) {
                case ".model" -> {
                    if (sawModel) diags.error(first.pos(), "a second .model: hierarchical BLIF is not supported; import one model per file");
                    sawModel = true;
                    if (!args.isEmpty()) name = args.get(0).text();
                }
                case ".inputs" -> args.forEach(w -> ins.add(new Logic.Port(w.text(), w.pos())));
                case ".outputs" -> args.forEach(w -> outs.add(new Logic.Port(w.text(), w.pos())));
                case ".names" -> {
                    if (args.isEmpty()) {
                        diags.error(first.pos(), ".names needs at least its output signal");
                    } else {
                        names = new ArrayList<>(args);
                        cubes = new ArrayList<>();
                        value = null;
                    }
                }
                case ".end" -> ended = true;
                case ".latch" -> flops.latch(args.stream().map(Word::text).toList(), args.stream().map(Word::pos).toList(),
                        first.pos(), text(line), diags);
                case ".mlatch" -> diags.error(first.pos(), ".mlatch (a latch of a library) is not supported: only .latch and Yosys's flip-flop cells are imported");
                case ".subckt" -> {
                    if (!args.isEmpty() && BlifFlops.isYosysStorage(args.get(0).text())) {
                        Map<String, String> pins = pins(args.subList(1, args.size()), diags);
                        if (pins != null) flops.subckt(args.get(0).text(), pins, args.get(0).pos(), first.pos(), text(line), diags);
                    } else {
                        diags.error(first.pos(), ".subckt is not supported: flatten the design first (for example with ABC or Yosys)");
                    }
                }
                case ".gate" -> diags.error(first.pos(), ".gate (a library gate) is not supported: map to .names covers first");
                case ".exdc" -> diags.error(first.pos(), ".exdc (external don't cares) is not supported");
                default -> diags.error(first.pos(), "unknown or unsupported BLIF construct " + d);
            }
        }
        if (names != null) nodes.add(node(names, cubes, value));
        if (outs.isEmpty()) diags.error(Pos.file(file), "no outputs: a BLIF model needs an .outputs line naming at least one signal");
        return flops.finish(name, ins, outs, nodes, diags);
    }

    /** The line as written, words separated by one space: the imported file's comment on what a flip-flop came from. */
    private static String text(List<Word> line) {
        return String.join(" ", line.stream().map(Word::text).toList());
    }

    /** {@code formal=actual} pairs of a {@code .subckt}, or null after an error. */
    private static Map<String, String> pins(List<Word> args, Diagnostics diags) {
        Map<String, String> pins = new LinkedHashMap<>();
        for (Word w : args) {
            int eq = w.text().indexOf('=');
            if (eq <= 0 || eq == w.text().length() - 1) {
                diags.error(w.pos(), "expected formal=actual, as in C=clk");
                return null;
            }
            pins.put(w.text().substring(0, eq), w.text().substring(eq + 1));
        }
        return pins;
    }

    private static Logic.Node node(List<Word> names, List<String> cubes, Boolean value) {
        List<String> ins = names.subList(0, names.size() - 1).stream().map(Word::text).toList();
        Word out = names.get(names.size() - 1);
        // No cube lines: the output is constant 0 (an empty on-set).
        boolean v = value == null || value;
        return new Logic.Node(out.text(), ins, new Logic.Cover(cubes, v), out.pos());
    }

    /** Reads one cube line into {@code cubes}; returns its output value, or null after an error. */
    private static Boolean cube(List<Word> line, int inputs, List<String> cubes, Diagnostics diags) {
        String in;
        Word out;
        if (inputs == 0 && line.size() == 1) {
            in = "";
            out = line.get(0);
        } else if (line.size() == 2) {
            in = line.get(0).text();
            out = line.get(1);
        } else {
            diags.error(line.get(0).pos(), "a cube line is the input part and the output value, e.g. '1-0 1'");
            return null;
        }
        if (in.length() != inputs || !in.matches("[01-]*")) {
            diags.error(line.get(0).pos(), "the input part must have one of 0, 1, - per input of the .names (" + inputs + ")");
            return null;
        }
        if (!out.text().equals("0") && !out.text().equals("1")) {
            diags.error(out.pos(), "the output value of a cube is 0 or 1");
            return null;
        }
        cubes.add(in);
        return out.text().equals("1");
    }

    /** Logical lines: comments removed, continuations joined, split into words with positions. */
    private static List<List<Word>> lines(String file, String text) {
        List<List<Word>> out = new ArrayList<>();
        String[] raw = text.split("\r\n|\r|\n", -1);
        List<Word> current = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i];
            int hash = l.indexOf('#');
            if (hash >= 0) l = l.substring(0, hash);
            boolean continues = l.stripTrailing().endsWith("\\");
            if (continues) l = l.substring(0, l.lastIndexOf('\\'));
            int k = 0;
            while (k < l.length()) {
                while (k < l.length() && Character.isWhitespace(l.charAt(k))) k++;
                int start = k;
                while (k < l.length() && !Character.isWhitespace(l.charAt(k))) k++;
                if (k > start) current.add(new Word(l.substring(start, k), new Pos(file, i + 1, start + 1)));
            }
            if (!continues && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }
}
