package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The .net files that command-line paths name, as {@code test} and {@code fmt} take them: a file
 * stands for itself, a folder for every .net file under it (recursively, in name order).
 */
final class NetPaths {
    private NetPaths() {}

    /**
     * Every .net file the paths name. A folder holding none is a usage error: running nothing and
     * reporting "0 passed" would read as success when the path was most likely mistyped.
     */
    static List<Path> expand(List<Path> roots) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                List<Path> found;
                try (Stream<Path> s = Files.walk(root)) {
                    found = s.filter(p -> p.toString().endsWith(".net") && Files.isRegularFile(p)).sorted().toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new CircuitException(Failure.IO, Pos.file(root.toString()), "cannot list: " + e.getMessage());
                }
                if (found.isEmpty()) throw CircuitException.usage("no .net files in " + root + " (folders are searched recursively)");
                out.addAll(found);
            } else if (Files.isRegularFile(root)) {
                out.add(root);
            } else if (Files.exists(root)) {
                throw new CircuitException(Failure.IO, Pos.file(root.toString()), "not a regular file or folder");
            } else {
                throw new CircuitException(Failure.IO, Pos.file(root.toString()), "no such file or folder");
            }
        }
        return out;
    }
}
