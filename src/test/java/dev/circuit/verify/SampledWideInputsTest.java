package dev.circuit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.circuit.diag.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sample N} draws every input bit, however wide the inputs: a row or a cycle's inputs past
 * 64 bits are not one random long, whose spread would leave the most significant bits at 0 in every
 * sample. Each property here fails on half of all inputs, through the bit a long cannot reach.
 */
class SampledWideInputsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "circuit c(a[70]) -> y {\n    y = a[69] >= 1\n}\ncheck c: y == 0\n",
        "circuit r(a[70]) -> q {\n    q = dff(a[69])\n}\ncheck r for 2 cycles: q == 0\n"})
    void aSampledCheckReachesTheTopBitOfA70BitInput(String text, @TempDir Path dir) throws IOException {
        Path f = dir.resolve("wide.net");
        Files.writeString(f, text);
        List<TestOutcome> out = TestRunner.run(f, new Sources(), new VerifyOptions(200, 1, 1, false));
        assertEquals(Verdict.FAIL, out.get(0).verdict(), out.get(0).detail());
    }
}
