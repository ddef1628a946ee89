package dev.circuit.train;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a whole file or nothing: the text goes to a temporary file in the same folder, which then
 * replaces the target in one rename. A reader never sees half a file, and a failed run leaves the
 * old file as it was.
 */
public final class AtomicFile {
    private AtomicFile() {}

    public static void write(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that is the error worth reporting
                }
            }
            throw new CircuitException(Failure.IO, Pos.file(target.toString()), "cannot write: " + e.getMessage());
        }
    }
}
