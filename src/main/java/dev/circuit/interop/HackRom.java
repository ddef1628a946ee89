package dev.circuit.interop;

import dev.circuit.diag.Pos;
import java.util.List;

/**
 * A nand2tetris program as read from a {@code .hack} file: its 16-bit words in address order, each
 * with the place it was written and the comment on its line (empty when none), which the written
 * ROM keeps next to the word so a reader still sees the assembly.
 */
public record HackRom(String name, List<Word> words) {
    /** Bits of a Hack instruction. */
    public static final int WORD_BITS = 16;
    /** Bits of a Hack ROM address (the PC's 15 bits: 32K words). */
    public static final int ADDRESS_BITS = 15;
    public static final int MAX_WORDS = 1 << ADDRESS_BITS;

    public record Word(int value, String comment, Pos pos) {
        public Word {
            if (value < 0 || value >= 1 << WORD_BITS) throw new IllegalArgumentException("a Hack word is 16 bits: " + value);
            if (comment.contains("\n")) throw new IllegalArgumentException("a comment is one line");
        }
    }

    public HackRom {
        words = List.copyOf(words);
        if (words.isEmpty() || words.size() > MAX_WORDS) throw new IllegalArgumentException("a ROM holds 1 to " + MAX_WORDS + " words");
    }
}
