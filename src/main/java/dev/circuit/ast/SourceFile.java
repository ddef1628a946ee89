package dev.circuit.ast;

import java.nio.file.Path;
import java.util.List;

/** One parsed .net file. {@code name} is the path as shown in messages; {@code path} is absolute. */
public record SourceFile(String name, Path path, String text, List<Decl> decls) {
    public SourceFile {
        decls = List.copyOf(decls);
    }

    public <T extends Decl> List<T> decls(Class<T> kind) {
        return decls.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
