package dev.circuit.interop;

import java.util.Set;

/**
 * Signal names for .net files (see {@link Identifiers}): {@code [A-Za-z_][A-Za-z0-9_]*}, no keyword
 * or activation name, not the built-in flip-flop {@code dff}, and never {@code X} (a test table's "any value"). A name that starts with a
 * digit gets an {@code N} in front, as ISCAS tools write them ({@code 22} becomes {@code N22}).
 */
final class NetNames extends Identifiers {
    static final Set<String> RESERVED = Set.of("neuron", "circuit", "import", "test", "check", "wire", "for", "in", "within", "feedback",
            // Built in: a neuron or circuit cannot be called so (signals could, but one rule is simpler).
            "dff", "prev",
            "step", "sigmoid", "linear", "relu", "tanh", "X");

    NetNames() {
        super(RESERVED, 'N', false);
    }
}
