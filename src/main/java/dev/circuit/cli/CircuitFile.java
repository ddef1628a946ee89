package dev.circuit.cli;

import dev.circuit.Circuit;
import dev.circuit.ast.CircuitRef;
import dev.circuit.elab.Elaborated;
import dev.circuit.elab.Elaborator;
import dev.circuit.elab.Loader;
import dev.circuit.elab.Program;
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

    /** The file and its imports. */
    Program program(Env env) {
        return Loader.read(file, env.sources);
    }

    /** The circuit {@code --top} names, or the file's default one. */
    CircuitRef ref(Program program) {
        return Circuit.top(program, top);
    }

    /** Reads and elaborates the circuit; its warnings go to stderr. */
    Elaborated load(Env env) {
        return elaborate(env, program(env));
    }

    Elaborated elaborate(Env env, Program program) {
        Elaborated e = Elaborator.elaborate(program, ref(program));
        env.report(e.warnings());
        return e;
    }
}
