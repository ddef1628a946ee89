package dev.circuit.interop;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One testbench row: a value per input terminal and an expected value per output terminal (null: do
 * not care), with where it came from ({@code adder.net:14}, or {@code every input}) for messages.
 */
public record Vector(List<BigInteger> inputs, List<BigInteger> outputs, String origin) {
    public Vector {
        if (inputs.stream().anyMatch(java.util.Objects::isNull)) throw new IllegalArgumentException("every input needs a value");
        inputs = List.copyOf(inputs);
        // List.copyOf refuses nulls, and null is "don't care" here.
        outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        if (origin == null) throw new IllegalArgumentException("origin must not be null");
    }
}
