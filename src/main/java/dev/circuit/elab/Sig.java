package dev.circuit.elab;

import dev.circuit.diag.Pos;

/** A named signal of one circuit instance: one net, or a bus of nets (bit 0 first). */
final class Sig {
    /** Where a signal comes from, which decides what may drive it and what "unused" means for it. */
    enum Kind { INPUT, OUTPUT, WIRE, LOCAL }

    final String name;
    final int[] nets;
    final boolean bus;
    final Pos pos;
    final Kind kind;
    /** Set when a statement reads the signal; what is never read is warned about. */
    boolean read;

    Sig(String name, int[] nets, boolean bus, Pos pos, Kind kind) {
        this.name = name;
        this.nets = nets;
        this.bus = bus;
        this.pos = pos;
        this.kind = kind;
    }
}
