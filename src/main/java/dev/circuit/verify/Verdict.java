package dev.circuit.verify;

/**
 * What a table or check came to. REFUSED: not run (too many rows to enumerate); UNKNOWN: the SAT
 * engine neither proved nor refuted it before the timeout. Neither is ever a PASS.
 */
public enum Verdict { PASS, FAIL, REFUSED, UNKNOWN }
