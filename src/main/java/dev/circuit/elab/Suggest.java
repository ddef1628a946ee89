package dev.circuit.elab;

import java.util.Collection;

/** "did you mean 'nand'?" for a misspelt name. */
final class Suggest {
    private Suggest() {}

    /**
     * The closest candidate within an edit distance of a third of the name, as a message suffix. A
     * candidate that shares nothing with the name ('q' for 'a') is no suggestion at all.
     */
    static String didYouMean(String name, Collection<String> candidates) {
        String best = null;
        int bestD = Math.max(1, name.length() / 3) + 1;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d < bestD && d < Math.max(name.length(), c.length())) {
                bestD = d;
                best = c;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Edit distance where swapping two neighbouring letters ('nadn' for 'nand') is one edit, the commonest typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
