package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage never crashes: deterministic pseudo-random files (token soups, mangled valid programs and
 * raw bytes) go through {@code circuit eval}, the mangled programs also through {@code circuit test}. Each run must end with a
 * proper exit code (0 or 1 when the garbage happens to be valid, 2 usage, 3 invalid file), never 70,
 * and print no stack trace. Seeded, so a failure reproduces; the message shows the file.
 */
class GarbageTest {
    // Fixed so every build runs the same files; -Dgarbage.seed=N -Dgarbage.files=M explore further.
    private static final long SEED = Long.getLong("garbage.seed", 20261122L);
    private static final int FILES = Integer.getInteger("garbage.files", 320);

    private static final String[] TOKENS = {
        "neuron", "circuit", "import", "test", "check", "wire", "for", "in", "within",
        "a", "b", "x", "y", "nand", "g1", "sum", "carry", "step", "sigmoid", "linear", "relu", "tanh", "X", "N", "i",
        "0", "1", "-2", "3", "0.5", "1e-3", "0xFF", "0b101", "99999999999999999999", "1e999", "0x", "0b2",
        "(", ")", "[", "]", "{", "}", "<", ">", ",", "=", "->", "|", "?", "?0.5", "?-3", ":", ";", "..",
        "+", "-", "*", "/", "%", "~", "&", "^", "<<", ">>", "==", "!=", "<=", ">=",
        "\"nand.net\"", "\"soup.net\"", "\".\"", "\"../\"", "\"unterminated", "\"\\", "# comment", "// comment",
        "\n", "\n", "\n", "\r\n", "\r", " ", " ", "\t",
        "$", "@", "`", "'", "\\", "\u00e9", "\u00a0", "\ufeff", "\u0000", "\u2028", "\ud83d\ude00", "\uffff",
    };

    /** A valid program to mangle: mangled copies get further into the pipeline than pure soup. */
    private static final String VALID = """
            neuron nand(a, b) = step(-2*a - 2*b + 3)
            circuit adder_n<N>(a[N], b[N], cin) -> (s[N], cout) {
                wire c[N+1]
                c[0] = cin
                for i in 0..N-1 {
                    g = nand(a[i], b[i])
                    s[i] = a[i] + b[i] + c[i] - 2*g >= 1
                    c[i+1] = sigmoid(?*a[i] + ?0.5*b[i] + ?) > 0.5
                }
                cout = {c[N]}
            }
            circuit soup(a[2], b[2]) -> (y[2], c) {
                (y, c) = adder_n<2>(a, b, 0)
            }
            test soup {
                a b | y c
                0 X | X X
                1 1 | 2 0
            }
            """;

    /** Names and small numbers for renaming: swapping them keeps the syntax and breaks the meaning. */
    private static final String[] NAMES = {"a", "b", "c", "g", "i", "s", "y", "N", "cin", "cout", "nand", "soup", "adder_n", "step", "q"};
    private static final String[] NUMBERS = {"0", "1", "2", "3", "-1", "0.5", "8"};

    @TempDir
    Path dir;

    @Test
    void garbageGetsAnExitCodeAndNoStackTrace() throws IOException {
        Random rnd = new Random(SEED);
        Path file = dir.resolve("soup.net");
        Files.writeString(dir.resolve("nand.net"), "neuron nand(a, b) = step(-2*a - 2*b + 3)\n");
        int invalid = 0;
        for (int n = 0; n < FILES; n++) {
            byte[] bytes = switch (n % 4) {
                case 0 -> soup(rnd).getBytes(StandardCharsets.UTF_8);
                case 1 -> mangle(rnd).getBytes(StandardCharsets.UTF_8);
                case 2 -> rename(rnd).getBytes(StandardCharsets.UTF_8);
                default -> rawBytes(rnd);
            };
            Files.write(file, bytes);
            CliRun eval = CliRun.unchecked("eval", file.toString());
            check(eval, Set.of(0, 2, 3), "eval", bytes);
            // Mangled programs still hold a test table: run it (each CLI run costs ~20 ms, so not for all).
            if (n % 4 == 1 || n % 4 == 2) check(CliRun.unchecked("test", file.toString()), Set.of(0, 1, 3), "test", bytes);
            if (eval.code() == 3) invalid++;
        }
        // Most garbage is invalid; if almost none were, the generators stopped producing garbage.
        assertTrue(invalid > FILES / 2, "only " + invalid + " of " + FILES + " files were invalid");
    }

    private static void check(CliRun r, Set<Integer> allowed, String command, byte[] bytes) {
        String shown = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(allowed.contains(r.code()), command + " exited " + r.code() + " on:\n" + shown + "\n--- output:\n" + r.all());
        assertFalse(r.all().contains("internal error") || r.hasStackTrace(),
                command + " hit an internal error on:\n" + shown + "\n--- output:\n" + r.all());
    }

    private static String soup(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int len = 1 + rnd.nextInt(60);
        for (int i = 0; i < len; i++) {
            sb.append(TOKENS[rnd.nextInt(TOKENS.length)]);
            if (rnd.nextInt(3) > 0) sb.append(' ');
        }
        return sb.toString();
    }

    /** The valid program with a few tokens deleted, duplicated, swapped or replaced by random ones. */
    private static String mangle(Random rnd) {
        List<String> parts = tokens();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = rnd.nextInt(parts.size());
            switch (rnd.nextInt(4)) {
                case 0 -> parts.remove(at);
                case 1 -> parts.add(at, parts.get(at));
                case 2 -> parts.set(at, TOKENS[rnd.nextInt(TOKENS.length)]);
                default -> parts.add(at, TOKENS[rnd.nextInt(TOKENS.length)]);
            }
            if (parts.isEmpty()) parts.add(" ");
        }
        return String.join("", parts);
    }

    /** The valid program with one to three names or numbers replaced by others: it mostly still parses. */
    private static String rename(Random rnd) {
        List<String> parts = tokens();
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            for (int tries = 0; tries < 100; tries++) {
                int at = rnd.nextInt(parts.size());
                String p = parts.get(at);
                if (p.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    parts.set(at, NAMES[rnd.nextInt(NAMES.length)]);
                    break;
                }
                if (p.matches("[0-9.]+")) {
                    parts.set(at, NUMBERS[rnd.nextInt(NUMBERS.length)]);
                    break;
                }
            }
        }
        return String.join("", parts);
    }

    /** VALID cut into words, spaces and brackets, so edits replace whole tokens. */
    private static List<String> tokens() {
        return new ArrayList<>(List.of(VALID.split("(?<=[ \\n(),\\[\\]{}<>*+=-])|(?=[ \\n(),\\[\\]{}<>*+=-])")));
    }

    private static byte[] rawBytes(Random rnd) {
        byte[] b = new byte[rnd.nextInt(200)];
        rnd.nextBytes(b);
        return b;
    }
}
