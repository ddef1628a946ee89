package dev.circuit.view;

import java.util.Arrays;

/**
 * A column of whole numbers as the page's data writes it: its length, then each number as it is,
 * except where the numbers repeat ones already written, which are one {@code [d,c]}: copy {@code c}
 * numbers from {@code d} places back (d may be less than c: a run with period d). The page unpacks
 * a column in one pass (drawing.js, {@code unpack}).
 *
 * <p>Why: the page's opening time grows with its size (every 100 KB of page cost about 4 ms here,
 * docs/BENCHMARKS.md), and the columns the page reads are mostly repeats. Circuits are made of
 * repeated parts, the columns hold differences (the next neuron's output is the next net, the next
 * box is one row down), and a differences column of a regular structure is periodic: a 10^4-neuron
 * grid's boxes take a few hundred numbers instead of 30,000.
 *
 * <p>How: greedy LZ77 over numbers. At each place, the longest repeat starting at one of the last
 * {@link #CHAIN} places the same two numbers were seen is taken if writing it is shorter than writing
 * its numbers; otherwise the number is written as it is. Nothing is lost whichever repeats are found:
 * {@code PackedTest} holds unpacking to give back every column exactly.
 */
final class Packed {
    /** How many earlier places with the same two numbers are tried: enough for the periods of nested repeats. */
    static final int CHAIN = 16;

    private Packed() {}

    /** The column as JSON text: {@code [length, item, ...]}. */
    static String of(int[] v) {
        StringBuilder sb = new StringBuilder().append('[').append(v.length);
        int n = v.length;
        // Places by their two numbers: head[h] is the last place with hash h, prev[p] the one before p.
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n) * 2 - 1);
        int[] head = new int[1 << Math.max(4, Math.min(bits, 20))];
        Arrays.fill(head, -1);
        int[] prev = new int[n];
        int p = 0;
        while (p < n) {
            int bestLen = 0, bestDist = 0;
            if (p + 1 < n) {
                int tries = 0;
                for (int q = head[hash(v, p, head.length)]; q >= 0 && tries < CHAIN; q = prev[q], tries++) {
                    if (v[q] != v[p] || v[q + 1] != v[p + 1]) continue;
                    int len = 0;
                    while (p + len < n && v[q + len] == v[p + len]) len++;   // q + len < p + len: may overlap p
                    if (len > bestLen) {
                        bestLen = len;
                        bestDist = p - q;
                    }
                }
            }
            int take = bestLen > 0 && refLength(bestDist, bestLen) < literalLength(v, p, bestLen) ? bestLen : 1;
            if (take > 1) sb.append(",[").append(bestDist).append(',').append(bestLen).append(']');
            else sb.append(',').append(v[p]);
            for (int k = 0; k < take; k++, p++) {
                if (p + 1 < n) {
                    int h = hash(v, p, head.length);
                    prev[p] = head[h];
                    head[h] = p;
                }
            }
        }
        return sb.append(']').toString();
    }

    /** The column a packed text gives back: the page's unpacking, in Java, for tests. */
    static int[] unpack(String text) {
        String[] items = text.substring(1, text.length() - 1).split(",");
        int[] out = new int[Integer.parseInt(items[0])];
        int o = 0;
        for (int i = 1; i < items.length; i++) {
            if (items[i].startsWith("[")) {
                int d = Integer.parseInt(items[i].substring(1)), c = Integer.parseInt(items[++i].substring(0, items[i].length() - 1));
                for (int k = 0; k < c; k++, o++) out[o] = out[o - d];
            } else {
                out[o++] = Integer.parseInt(items[i]);
            }
        }
        if (o != out.length) throw new IllegalArgumentException("packed column of " + out.length + " numbers gives " + o);
        return out;
    }

    private static int hash(int[] v, int p, int size) {
        return ((v[p] * 0x9E3779B1) ^ (v[p + 1] * 0x85EBCA77 + 0x165667B1)) >>> 1 & (size - 1);
    }

    private static int refLength(int d, int c) {
        return 4 + digits(d) + digits(c);
    }

    private static int literalLength(int[] v, int p, int c) {
        int chars = 0;
        for (int k = 0; k < c; k++) chars += 1 + digits(v[p + k]);
        return chars;
    }

    private static int digits(int x) {
        return Integer.toString(x).length();
    }
}
