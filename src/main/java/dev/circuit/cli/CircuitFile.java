package dev.circuit.cli;

import dev.circuit.Circuit;
import dev.circuit.elab.Design;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** FILE and --top, as every command that works on one circuit takes them, and reading that circuit. */
final class CircuitFile {
    @Parameters(index = "0", paramLabel = "FILE", description = "The .net file.")
    Path file;

    @Option(names = "--top", paramLabel = "NAME",
            description = "The circuit (default: the one named like the file, else the last one; 'adder_n<16>' names an instance).")
    String top;

    /** Reads and elaborates the file, its top circuit being the one {@code --top} names; warnings go to stderr. */
    Design load(Env env) {
        Design d = Circuit.load(file, top, env.sources);
        env.report(d.warnings());
        return d;
    }
}
