package dev.circuit.interop;

import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Pos;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads nand2tetris {@code .hack} programs: one instruction a line, 16 binary digits, the most
 * significant first, as the course's assembler writes them. A {@code //} comment may follow a word or
 * fill a line of its own (such a line, like a blank one, holds no word): the course's files have
 * none, but a program kept in a repository reads better with its assembly beside each word.
 */
public final class HackReader {
    private HackReader() {}

    /** The program in {@code text}, or null with every error in {@code diags}. */
    public static HackRom read(String file, String name, String text, Diagnostics diags) {
        List<HackRom.Word> words = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int slash = raw.indexOf("//");
            String code = slash < 0 ? raw : raw.substring(0, slash);
            String comment = slash < 0 ? "" : raw.substring(slash + 2).strip();
            int from = 0;
            while (from < code.length() && Character.isWhitespace(code.charAt(from))) from++;
            int to = code.length();
            while (to > from && Character.isWhitespace(code.charAt(to - 1))) to--;
            if (from == to) continue;
            Pos at = new Pos(file, i + 1, from + 1);
            String digits = code.substring(from, to);
            int bad = firstNotBinary(digits);
            if (bad >= 0) {
                diags.error(new Pos(file, i + 1, from + bad + 1), "expected a binary digit (0 or 1), got '"
                        + digits.charAt(bad) + "': each line of a .hack file is one 16-bit word");
                continue;
            }
            if (digits.length() != HackRom.WORD_BITS) {
                diags.error(at, "a Hack word has 16 binary digits; this one has " + digits.length());
                continue;
            }
            if (words.size() == HackRom.MAX_WORDS) {
                diags.error(at, "a Hack ROM holds " + HackRom.MAX_WORDS + " words (15 address bits); this is word " + (words.size() + 1));
                break;
            }
            words.add(new HackRom.Word(Integer.parseInt(digits, 2), comment, at));
        }
        if (words.isEmpty() && !diags.hasErrors()) diags.error(Pos.file(file), "no instructions: a .hack file has one 16-bit binary word a line");
        return diags.hasErrors() ? null : new HackRom(name, words);
    }

    private static int firstNotBinary(String s) {
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) != '0' && s.charAt(k) != '1') return k;
        return -1;
    }
}
