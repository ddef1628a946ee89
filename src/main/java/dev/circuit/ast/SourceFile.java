package dev.circuit.ast;

import java.nio.file.Path;
import java.util.List;

/** One parsed .net file. {@code name} is the path as shown in messages; {@code path} is absolute. */
public record SourceFile(String name, Path path, String text, List<Decl> decls) {
    public SourceFile {
        decls = List.copyOf(decls);
    }

    public <T extends Decl> List<T> decls(Class<T> kind) {
        // A loop, not a stream: every short run asks for its files' imports (docs/BENCHMARKS.md, "Start-up").
        List<T> out = new java.util.ArrayList<>();
        for (Decl d : decls) if (kind.isInstance(d)) out.add(kind.cast(d));
        return java.util.Collections.unmodifiableList(out);
    }
}
