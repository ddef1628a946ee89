package dev.circuit.diag;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of every file read in one run, by the name used in positions, so a diagnostic can quote
 * the offending line. Lines are cut out of the text when asked for: a String per line would cost
 * about 60 bytes for each line of a file, and only lines with a message are ever shown.
 */
public final class Sources {
    /** A file's text and where each of its lines starts. */
    private record Text(String text, int[] starts) {}

    private final Map<String, Text> files = new LinkedHashMap<>();

    public synchronized void put(String file, String text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r') continue;
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
            starts[n++] = i + 1;
        }
        files.put(file, new Text(text, Arrays.copyOf(starts, n)));
    }

    /** The 1-based line of a file, without its line end, or null when the file or line is unknown. */
    public synchronized String line(String file, int line) {
        Text t = files.get(file);
        if (t == null || line < 1 || line > t.starts().length) return null;
        int from = t.starts()[line - 1];
        int to = line < t.starts().length ? t.starts()[line] : t.text().length();
        if (to > from && t.text().charAt(to - 1) == '\n') to--;
        if (to > from && t.text().charAt(to - 1) == '\r') to--;
        return t.text().substring(from, to);
    }
}
