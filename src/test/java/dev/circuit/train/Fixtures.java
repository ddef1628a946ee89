package dev.circuit.train;

import dev.circuit.diag.Sources;
import dev.circuit.elab.Elaborator;
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

    record Loaded(Program program, Netlist net) {}

    static Loaded load(Path file) {
        Program p = Loader.read(file, new Sources());
        return new Loaded(p, Elaborator.elaborate(p, Tops.choose(p)).netlist());
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
