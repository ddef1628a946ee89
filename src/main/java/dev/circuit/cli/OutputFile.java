package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writing a command's result: to standard output, or with {@code -o} atomically through
 * {@link dev.circuit.io.AtomicFile}; and never over an input file unless asked.
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
        dev.circuit.io.AtomicFile.write(target, bytes);
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
