package dev.circuit.ast;

import dev.circuit.diag.Pos;

/** A {@code #} or {@code //} comment as written (marker included, trailing blanks removed), and where it starts. */
public record Comment(String text, Pos pos) {
    public Comment {
        if (text == null || !(text.startsWith("#") || text.startsWith("//"))) throw new IllegalArgumentException("not a comment: " + text);
    }
}
