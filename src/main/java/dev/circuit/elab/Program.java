package dev.circuit.elab;

import dev.circuit.ast.SourceFile;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Sources;
import java.util.List;

/**
 * A root file and every file it imports, each once, root first; {@code warnings} are what reading
 * them found that does not stop the pipeline (commands print them).
 */
public record Program(SourceFile root, List<SourceFile> files, Sources sources, List<Diagnostic> warnings) {
    public Program {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
