package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writing a command's result with {@code -o}: atomically (a temp file in the same folder, then one
 * rename), so a reader never sees half a file and a failed run leaves the old file as it was.
 */
final class OutputFile {
    private OutputFile() {}

    /** Writes {@code text} to {@code target}, or to standard output when {@code target} is null. */
    static void text(Env env, Path target, String text) {
        if (target == null) {
            env.out.print(text);
            env.out.flush();
            return;
        }
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            keepPermissions(tmp, target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The write already failed; that is the error worth reporting.
                }
            }
            throw new CircuitException(Failure.IO, Pos.file(target.toString()), "cannot write: " + e.getMessage());
        }
    }

    /** A temp file is private (rw-------); the result should look like any other file the user writes. */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /** Refuses an output path that names an input file: inputs are only overwritten when asked (fmt --in-place). */
    static void notAnInput(Path output, Path input) {
        if (output == null) return;
        try {
            if (Files.exists(output) && Files.isSameFile(output, input)) {
                throw CircuitException.usage("-o " + output + " is the input file; refusing to overwrite it");
            }
        } catch (IOException e) {
            // Cannot compare: the write itself will report a real problem.
        }
    }
}
