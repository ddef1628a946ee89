package dev.circuit.verify;

/** Which engine ran a check's rows. */
public enum Engine {
    /** One row at a time through the scalar evaluator: the reference. */
    SCALAR("scalar engine"),
    /** The scalar engine on seeded random rows: evidence, not a proof. */
    SAMPLED("scalar engine, sampled, not proven"),
    /** The circuit and property as one gate network, 64 rows a word, run as generated JVM code. */
    GENERATED("bit-parallel engine, generated code"),
    /** The same gate network run by its interpreter. */
    INTERPRETED("bit-parallel engine, interpreted"),
    /** The circuit and property as the same gate network, in CNF, proven or refuted by a SAT solver. */
    SAT("SAT engine"),
    /** No engine ran: the check was refused. */
    NONE("not run");

    private final String text;

    Engine(String text) {
        this.text = text;
    }

    /** As the PASS and FAIL lines say it. */
    public String text() {
        return text;
    }
}
