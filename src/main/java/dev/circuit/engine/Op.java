package dev.circuit.engine;

/**
 * The gate kinds of the network: ANDN is {@code a & ~b}, ORN {@code a | ~b}, and NOT ignores
 * {@code b}. The interpreter ({@link BitParallel}) and the generated code ({@link Bytecode}) run them.
 */
public enum Op {
    AND, OR, XOR, NAND, NOR, XNOR, ANDN, ORN, NOT
}
