package dev.circuit.diag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of every file read in one run, by the name used in positions, so a diagnostic can quote
 * the offending line.
 */
public final class Sources {
    private final Map<String, String[]> lines = new LinkedHashMap<>();

    public synchronized void put(String file, String text) {
        lines.put(file, text.split("\r\n|\r|\n", -1));
    }

    /** The 1-based line of a file, or null when the file or line is unknown. */
    public synchronized String line(String file, int line) {
        String[] ls = lines.get(file);
        if (ls == null || line < 1 || line > ls.length) return null;
        return ls[line - 1];
    }
}
