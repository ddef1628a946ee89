package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs Graphviz's {@code dot} to turn DOT text into SVG or PNG. */
final class Graphviz {
    static final String INSTALL = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz),"
            + " or write DOT text with -o FILE.dot";

    private Graphviz() {}

    /** The rendered picture; {@code format} is {@code svg} or {@code png}. */
    static byte[] render(String dot, String format, String outputName) {
        Process p;
        try {
            p = new ProcessBuilder(List.of("dot", "-T" + format)).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new CircuitException(Failure.USAGE, Pos.file(outputName),
                    "rendering ." + format + " needs Graphviz's 'dot' program, which was not found: " + INSTALL);
        }
        try {
            // Feed stdin from another thread: dot may start writing before it has read everything.
            Thread feeder = new Thread(() -> {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(dot.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // dot exited early; its exit code and stderr say why.
                }
            });
            feeder.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
            errReader.start();
            byte[] out = p.getInputStream().readAllBytes();
            int code = p.waitFor();
            feeder.join();
            errReader.join();
            if (code != 0) {
                throw new CircuitException(Failure.IO, Pos.file(outputName), "Graphviz 'dot' failed (exit " + code + "): "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
            return out;
        } catch (IOException e) {
            throw new CircuitException(Failure.IO, Pos.file(outputName), "running Graphviz 'dot' failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CircuitException(Failure.IO, Pos.file(outputName), "interrupted while running Graphviz 'dot'");
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // Only used for the error message.
        }
    }
}
