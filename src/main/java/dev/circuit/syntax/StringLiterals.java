package dev.circuit.syntax;

/** The text a string literal stands for. */
final class StringLiterals {
    private StringLiterals() {}

    /** The text between the quotes with its escapes undone: {@code \n} and {@code \t}, and a backslash before any other character keeps that character. */
    static String unquote(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
