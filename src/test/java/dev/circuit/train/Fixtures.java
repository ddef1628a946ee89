package dev.circuit.train;

import dev.circuit.diag.Sources;
import dev.circuit.Circuit;
import dev.circuit.elab.Design;
import dev.circuit.elab.Loader;
import dev.circuit.elab.Program;
import dev.circuit.elab.Tops;
import dev.circuit.model.Netlist;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loading the example circuits and running the CLI in-process, for the training tests. */
final class Fixtures {
    static final Path LEARN = Path.of("circuits", "learn");

    private Fixtures() {}

    record Loaded(Design design, Netlist net) {
        Program program() {
            return design.program();
        }

        dev.circuit.model.CircuitId id() {
            return design.top();
        }
    }

    static Loaded load(Path file) {
        Design d = Circuit.load(file, null, new Sources());
        return new Loaded(d, d.topCircuit().netlist());
    }

    /** A copy of {@code file} in {@code dir} with every learned value removed: bare ? everywhere. */
    static Path untrained(Path file, Path dir) throws IOException {
        String text = Files.readString(file).replaceAll("\\?-?[0-9][0-9.]*([eE][+-]?[0-9]+)?", "?");
        Path out = dir.resolve(file.getFileName());
        Files.writeString(out, text);
        return out;
    }

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dev.circuit.cli.Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
