package dev.circuit.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link HackRom} as a combinational .net circuit of threshold perceptrons, in two layers:
 * an address decoder of one neuron per word ({@code line[k]} fires exactly when {@code address == k}:
 * weight 1 on each address bit that is 1 in k and -1 on each that is 0, threshold the number of 1s,
 * so only k itself reaches it), and one neuron per output bit that ORs the lines of the words whose
 * bit is 1 (a bit that is 0 in every word is the constant 0). All 15 address bits are decoded, so an
 * address past the program reads 0 rather than aliasing a word. A test table follows that lists every
 * word (with its line's comment) and the first address past the end, so {@code circuit test} checks
 * the neurons against the file they came from.
 */
public final class RomWriter {
    private RomWriter() {}

    /** The .net text; {@code source} names the .hack file it came from. */
    public static String write(HackRom rom, String source) {
        String name = new NetNames().claim(rom.name().equalsIgnoreCase("x") ? rom.name() + "_" : rom.name());
        List<HackRom.Word> words = rom.words();
        int n = words.size();
        StringBuilder sb = new StringBuilder();
        sb.append("# The program ").append(source).append(" (").append(n).append(n == 1 ? " word" : " words")
                .append(") as a ROM, written by 'circuit import'.\n")
                .append("# line[k] is 1 exactly when address == k; out[b] ORs the lines of the words whose bit b is 1.\n")
                .append("# Addresses past the program read 0.\n");
        sb.append("circuit ").append(name).append("(address[").append(HackRom.ADDRESS_BITS).append("]) -> out[")
                .append(HackRom.WORD_BITS).append("] {\n");
        sb.append("    wire line[").append(n).append("]\n");
        for (int k = 0; k < n; k++) sb.append("    line[").append(k).append("] = ").append(decode(k)).append('\n');
        for (int b = 0; b < HackRom.WORD_BITS; b++) {
            List<String> ones = new ArrayList<>();
            for (int k = 0; k < n; k++) if ((words.get(k).value() >> b & 1) == 1) ones.add("line[" + k + "]");
            sb.append("    out[").append(b).append("] = ").append(ones.isEmpty() ? "0" : String.join(" + ", ones) + " >= 1").append('\n');
        }
        sb.append("}\n\n");
        sb.append("test ").append(name).append(" {\n    address | out\n");
        for (int k = 0; k < n; k++) {
            HackRom.Word w = words.get(k);
            sb.append("    ").append(k).append(" | ").append(binary(w.value()));
            if (!w.comment().isEmpty()) sb.append("  # ").append(w.comment());
            sb.append('\n');
        }
        if (n < HackRom.MAX_WORDS) sb.append("    ").append(n).append(" | ").append(binary(0)).append("  # past the program\n");
        sb.append("}\n");
        return sb.toString();
    }

    /** The comparison that is 1 exactly when the address is {@code k}. */
    private static String decode(int k) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < HackRom.ADDRESS_BITS; a++) {
            boolean one = (k >> a & 1) == 1;
            if (sb.length() == 0) sb.append(one ? "" : "-");
            else sb.append(one ? " + " : " - ");
            sb.append("address[").append(a).append(']');
        }
        return sb.append(" >= ").append(Integer.bitCount(k)).toString();
    }

    private static String binary(int word) {
        String s = Integer.toBinaryString(word);
        return "0b" + "0".repeat(HackRom.WORD_BITS - s.length()) + s;
    }
}
