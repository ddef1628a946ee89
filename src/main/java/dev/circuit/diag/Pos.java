package dev.circuit.diag;

/** A place in a source file: 1-based line and column. {@code file} is the path as the user gave it. */
public record Pos(String file, int line, int col) {
    public Pos {
        if (file == null) throw new IllegalArgumentException("file must not be null");
        if (line < 0 || col < 0) throw new IllegalArgumentException("negative position " + line + ":" + col);
    }

    /** A place that is a whole file rather than a point in it (missing file, command-line input). */
    public static Pos file(String file) {
        return new Pos(file, 0, 0);
    }

    public boolean hasLine() {
        return line > 0;
    }

    @Override
    public String toString() {
        return hasLine() ? file + ":" + line + ":" + col : file;
    }
}
