package dev.circuit.view;

/**
 * JSON text for the page's data, safe to inline in a {@code <script>} element: besides JSON's own
 * escapes, {@code <}, {@code >} and {@code &} are written as {@code \}{@code u003c}-style escapes, so
 * a net named {@code </script>} cannot end the script early.
 */
final class JsonText {
    private final StringBuilder sb = new StringBuilder();

    JsonText raw(String s) {
        sb.append(s);
        return this;
    }

    JsonText str(String s) {
        if (s == null) return raw("null");
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        sb.append('"');
        return this;
    }

    /** A double as JSON: non-finite values have no JSON form and are refused by the caller before. */
    JsonText num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException("not finite: " + v);
        return raw(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
    }

    JsonText num(long v) {
        return raw(Long.toString(v));
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
