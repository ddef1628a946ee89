package dev.circuit.train;

import dev.circuit.ast.Import;
import dev.circuit.ast.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained copy written into another folder: import paths are relative to the importing file, so
 * each relative one is rewritten to name the same file from the copy's folder ({@code "../nand.net"}
 * from {@code circuits/learn/} becomes {@code "circuits/nand.net"} from the top folder). Absolute
 * paths, and every path of a copy written beside its source, stay as they are.
 */
public final class ImportPaths {
    private ImportPaths() {}

    /**
     * {@code text} (the source of {@code file}, learned values written in; they never change its lines)
     * as it must read at {@code output}.
     */
    public static String relocate(SourceFile file, String text, Path output) {
        Path from = file.path().getParent();
        Path to = folderOf(output);
        if (from == null || to.equals(from)) return text;
        StringBuilder sb = new StringBuilder(text);
        // Last import first, so the offsets of the earlier ones stay right.
        var imports = file.decls(Import.class);
        int[] lineStart = lineStarts(text);
        for (int i = imports.size() - 1; i >= 0; i--) {
            Import imp = imports.get(i);
            if (Path.of(imp.path()).isAbsolute()) continue;
            Path target = from.resolve(imp.path()).normalize();
            String moved;
            try {
                moved = to.relativize(target).toString();
            } catch (IllegalArgumentException e) {
                moved = target.toString(); // no relative path between them (another drive): the absolute one
            }
            int open = text.indexOf('"', lineStart[imp.pos().line() - 1] + imp.pos().col() - 1);
            int close = closingQuote(text, open);
            sb.replace(open + 1, close, moved.replace("\\", "\\\\").replace("\"", "\\\""));
        }
        return sb.toString();
    }

    /** The real folder a file written at {@code output} will be read from (links resolved, as the loader does). */
    private static Path folderOf(Path output) {
        Path abs = output.toAbsolutePath();
        try {
            if (Files.exists(abs)) return abs.toRealPath().getParent();
            return abs.getParent().toRealPath();
        } catch (IOException e) {
            return abs.getParent().normalize();
        }
    }

    private static int closingQuote(String text, int open) {
        int i = open + 1;
        while (i < text.length() && text.charAt(i) != '"') i += text.charAt(i) == '\\' ? 2 : 1;
        return i;
    }

    /** Offsets where each line starts; a line ends at \n, \r\n or \r, as the parser counts them. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[text.length() + 2];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (c == '\n' || c == '\r') starts[n++] = i + 1;
        }
        return java.util.Arrays.copyOf(starts, n);
    }
}
