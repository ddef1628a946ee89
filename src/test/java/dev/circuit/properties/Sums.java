package dev.circuit.properties;

import java.util.List;

/** Writes weighted sums the way people do: {@code 2*a - b + 3}, with the signs folded in. */
final class Sums {
    private Sums() {}

    /** {@code weights[k]} times {@code names[k]}, plus {@code bias} (omitted when zero, unless nothing else is left). */
    static String write(List<String> weights, List<String> names, String bias) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < names.size(); k++) term(sb, weights.get(k), names.get(k));
        if (!isZero(bias) || sb.length() == 0) term(sb, bias, null);
        return sb.toString();
    }

    private static void term(StringBuilder sb, String w, String name) {
        boolean neg = w.startsWith("-");
        String mag = neg ? w.substring(1) : w;
        if (sb.length() == 0) sb.append(neg ? "-" : "");
        else sb.append(neg ? " - " : " + ");
        if (name == null) sb.append(mag);
        else if (mag.equals("1")) sb.append(name);
        else sb.append(mag).append('*').append(name);
    }

    private static boolean isZero(String w) {
        return new java.math.BigDecimal(w).signum() == 0;
    }
}
