package dev.circuit.interop;

import java.util.HashSet;
import java.util.Set;

/**
 * Signal names for .net files: {@code [A-Za-z_][A-Za-z0-9_]*}, no keyword or activation name, and
 * never {@code X} (a test table's "any value"). A name that starts with a digit gets an {@code N}
 * in front, as ISCAS tools write them ({@code 22} becomes {@code N22}); clashes get a numeric suffix.
 */
final class NetNames {
    static final Set<String> RESERVED = Set.of("neuron", "circuit", "import", "test", "check", "wire", "for", "in", "within",
            "step", "sigmoid", "linear", "relu", "tanh", "X");

    private final Set<String> used = new HashSet<>();

    String claim(String raw) {
        String base = legal(raw);
        String name = base;
        for (int k = 2; !used.add(name); k++) name = base + "_" + k;
        return name;
    }

    static String legal(String raw) {
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_')) sb.append(c);
            else if (sb.length() == 0 || sb.charAt(sb.length() - 1) != '_') sb.append('_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) sb.insert(0, 'N');
        String s = sb.toString();
        return RESERVED.contains(s) ? s + "_" : s;
    }
}
