package dev.circuit.elab;

import java.util.Collection;

/** "did you mean 'nand'?" for a misspelt name. */
final class Suggest {
    private Suggest() {}

    /** The closest candidate within an edit distance of a third of the name, as a message suffix. */
    static String didYouMean(String name, Collection<String> candidates) {
        String best = null;
        int bestD = Math.max(1, name.length() / 3) + 1;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
