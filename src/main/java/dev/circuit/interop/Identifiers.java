package dev.circuit.interop;

import java.util.HashSet;
import java.util.Set;

/**
 * Identifiers for another language: a raw name keeps its ASCII letters, digits and underscores,
 * anything else becomes one '_'; a name that would start with a digit gets a prefix; a reserved word
 * gets a trailing '_'; and a clash gets a numeric suffix, handed out in the order names are asked
 * for, so the same circuit always gives the same names. Subclasses say what differs per language.
 */
abstract class Identifiers {
    private final Set<String> used = new HashSet<>();
    private final Set<String> reserved;
    private final char digitPrefix;
    private final boolean trimUnderscores;

    Identifiers(Set<String> reserved, char digitPrefix, boolean trimUnderscores) {
        this.reserved = reserved;
        this.digitPrefix = digitPrefix;
        this.trimUnderscores = trimUnderscores;
    }

    /** A legal identifier for {@code raw}, distinct from every name given out before. */
    String claim(String raw) {
        String base = legal(raw);
        String name = base;
        for (int k = 2; !used.add(name); k++) name = base + "_" + k;
        return name;
    }

    String legal(String raw) {
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_')) sb.append(c);
            else if (sb.length() == 0 ? !trimUnderscores : sb.charAt(sb.length() - 1) != '_') sb.append('_');
        }
        if (trimUnderscores) while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') sb.setLength(sb.length() - 1);
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) sb.insert(0, digitPrefix);
        String s = sb.toString();
        return reserved.contains(s) ? s + "_" : s;
    }
}
