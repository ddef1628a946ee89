package dev.circuit.verify;

/** What a table or check came to. REFUSED: not run (too many rows to enumerate); never a PASS. */
public enum Verdict { PASS, FAIL, REFUSED }
