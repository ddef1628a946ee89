package dev.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/LANGUAGE.md, docs/EXAMPLES-SEQ.md and the README cannot drift from the implementation: their
 * {@code net} blocks are cut from files that are verified, and their {@code console} blocks are run
 * and compared with what they show. (Plain fenced blocks are not checked: tag a block {@code console}
 * to have it run.)
 */
class DocExamplesTest {
    static final Path DOC = Path.of("docs/LANGUAGE.md");
    /** The command-line reference: its console blocks run too (its examples use circuits/, not docs/examples/). */
    static final Path CLI_DOC = Path.of("docs/CLI.md");
    static final List<Path> DOCS = List.of(DOC, Path.of("docs/EXAMPLES-SEQ.md"), Path.of("README.md"));
    static final Path EXAMPLES = Path.of("docs/examples");
    /** Files that show an error on purpose; the doc runs them, nothing verifies their tables. */
    static final Path INVALID = EXAMPLES.resolve("invalid");

    static Stream<Path> exampleFiles() {
        return NetFiles.under(EXAMPLES).stream().filter(p -> !p.startsWith(INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void everyExampleFilePassesItsTables(Path file) {
        NetFiles.assertVerified(file, Set.of());
    }

    static Stream<String> netBlocks() {
        return blocks("net").stream();
    }

    /** A block shown as .net code is a verbatim part of an example or of a circuit in circuits/. */
    @ParameterizedTest(name = "net block {index}")
    @MethodSource("netBlocks")
    void everyNetBlockIsPartOfAVerifiedFile(String block) {
        List<Path> files = new ArrayList<>(NetFiles.under(EXAMPLES));
        files.addAll(NetFiles.under(CircuitsTest.CIRCUITS));
        files.removeIf(p -> p.startsWith(INVALID));
        assertTrue(files.stream().anyMatch(f -> read(f).contains(block)),
                "this block of " + DOCS + " is in no file of " + EXAMPLES + " or circuits/:\n" + block);
    }

    static Stream<String> consoleBlocks() {
        return blocks("console").stream();
    }

    /** Each "$ ./circuit ..." line runs in-process; what follows it, up to the next "$", is its output (stdout then stderr). */
    @ParameterizedTest(name = "console block {index}")
    @MethodSource("consoleBlocks")
    void everyCommandShownPrintsWhatIsShown(String block) {
        assertPrintsWhatIsShown(block);
    }

    static Stream<String> cliConsoleBlocks() {
        return blocks(CLI_DOC, "console").stream();
    }

    @ParameterizedTest(name = "CLI.md console block {index}")
    @MethodSource("cliConsoleBlocks")
    void everyCommandShownInTheCliReferencePrintsWhatIsShown(String block) {
        assertPrintsWhatIsShown(block);
    }

    private static void assertPrintsWhatIsShown(String block) {
        List<String> lines = block.lines().toList();
        assertTrue(lines.get(0).startsWith("$ ./circuit "), "a console block starts with a command:\n" + block);
        int i = 0;
        while (i < lines.size()) {
            String command = lines.get(i++);
            assertTrue(command.startsWith("$ ./circuit "), "not a command: " + command);
            StringBuilder expected = new StringBuilder();
            while (i < lines.size() && !lines.get(i).startsWith("$ ")) expected.append(lines.get(i++)).append('\n');
            CircuitsTest.Run r = CircuitsTest.cli(words(command.substring("$ ./circuit ".length())));
            assertEquals(expected.toString(), r.out() + r.err(), command);
        }
    }

    @Test
    void theDocShowsExamplesOfBothKinds() {
        assertFalse(blocks(DOC, "net").isEmpty());
        assertFalse(blocks(DOC, "console").isEmpty());
        assertFalse(blocks(Path.of("README.md"), "console").isEmpty(), "the README's computer is run");
    }

    @Test
    void wordsFollowShellQuoting() {
        assertEquals(List.of("eval", "--top", "adder_n<8>", "f.net"), List.of(words("eval --top 'adder_n<8>' f.net")));
    }

    /** The bodies of the fenced blocks of {@link #DOCS} tagged {@code lang}, each ending in a newline. */
    static List<String> blocks(String lang) {
        List<String> out = new ArrayList<>();
        for (Path doc : DOCS) out.addAll(blocks(doc, lang));
        return out;
    }

    static List<String> blocks(Path doc, String lang) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : read(doc).lines().toList()) {
            if (cur == null) {
                if (line.equals("```" + lang)) cur = new StringBuilder();
            } else if (line.equals("```")) {
                out.add(cur.toString());
                cur = null;
            } else {
                cur.append(line).append('\n');
            }
        }
        assertTrue(cur == null, "a ```" + lang + " block of " + doc + " is not closed");
        return out;
    }

    /** Splits a command line on spaces; single quotes group, as in a POSIX shell. */
    static String[] words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                if (w == null) w = new StringBuilder();
            } else if (c == ' ' && !quoted) {
                if (w != null) out.add(w.toString());
                w = null;
            } else {
                if (w == null) w = new StringBuilder();
                w.append(c);
            }
        }
        if (w != null) out.add(w.toString());
        return out.toArray(String[]::new);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
