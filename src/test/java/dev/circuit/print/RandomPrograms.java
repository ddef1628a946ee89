package dev.circuit.print;

import java.util.List;
import org.quicktheories.core.Gen;

/** {@link RandomAst}s printed: valid programs of every declaration and statement form, for tests outside this package. */
public final class RandomPrograms {
    private RandomPrograms() {}

    public static Gen<String> texts() {
        return org.quicktheories.generators.SourceDSL.longs().all().map(seed -> Printer.print(new RandomAst(seed).file(), List.of()));
    }
}
