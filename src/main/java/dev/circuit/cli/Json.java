package dev.circuit.cli;

/** The little JSON we print: strings escaped, numbers as the shortest exact text. */
final class Json {
    private Json() {}

    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "null";
        return dev.circuit.eval.Values.exact(v);
    }
}
