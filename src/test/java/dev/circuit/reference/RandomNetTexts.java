package dev.circuit.reference;

import org.quicktheories.core.Gen;

/** {@link RandomDesigns} as {@code .net} text, for back ends held to the evaluator outside this package (the view page). */
public final class RandomNetTexts {
    /** The circuit each text's tests and checks would name: the one to load. */
    public static final String TOP = RandomDesigns.TOP;

    private RandomNetTexts() {}

    public static Gen<String> texts() {
        return RandomDesigns.designs().map(Design::text);
    }
}
