package dev.circuit.elab;

import dev.circuit.ast.SourceFile;
import dev.circuit.diag.Sources;
import java.util.List;

/** A root file and every file it imports, each once, root first. */
public record Program(SourceFile root, List<SourceFile> files, Sources sources) {
    public Program {
        files = List.copyOf(files);
    }
}
