package dev.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README stays true: every "$ ./circuit ..." line in its code blocks runs in-process and prints
 * exactly the lines shown under it (up to the next "$" or the end of the block). Wall-clock figures
 * never appear in these blocks, so the comparison is exact.
 */
class ReadmeCommandsTest {
    static Stream<String[]> commands() throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock || !line.startsWith("$ ./circuit ")) continue;
            StringBuilder expected = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).startsWith("$ ") && !lines.get(j).startsWith("```")) {
                expected.append(lines.get(j++)).append('\n');
            }
            // A blank line separates one command's output from the next command.
            out.add(new String[] {line, expected.toString().replaceAll("\n+$", "\n")});
        }
        assertTrue(out.size() >= 10, "the README shows its commands");
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void printsWhatTheReadmeShows(String command, String expected) {
        CircuitsTest.Run r = CircuitsTest.cli(DocExamplesTest.words(command.substring("$ ./circuit ".length())));
        assertEquals(expected, r.out() + r.err(), command);
    }
}
