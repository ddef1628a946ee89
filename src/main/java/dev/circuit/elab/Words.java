package dev.circuit.elab;

/** Phrases the elaborator's messages share. */
final class Words {
    private Words() {}

    /** {@code 1 bit}, {@code 3 bits}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
