/**
 * Property-based tests of the core (QuickTheories, fixed seeds): random circuits, random text and
 * random numbers checked against oracles written here, independently of the code under test. The
 * oracles are deliberately plain (integer or BigDecimal arithmetic over a small model of the
 * circuit); they must not call into elab or eval, or a shared bug would cancel out. Test code only:
 * nothing in src/main may depend on it.
 */
package dev.circuit.properties;
