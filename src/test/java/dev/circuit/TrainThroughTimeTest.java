package dev.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training a circuit with flip-flops: from bare ?, running parity's next-state logic is learned by
 * backpropagation through time, written back, and the written file then proves its check over
 * every input sequence; a circuit with state but no sequence table, or given --data, is refused.
 */
class TrainThroughTimeTest {
    @TempDir
    Path dir;

    @Test
    void learnsRunningParityFromBareCoefficientsAndProvesIt() throws IOException {
        String text = Files.readString(Path.of("circuits/learn/parity_seq.net"))
                .replaceAll("\\?-?[0-9][0-9.eE-]*", "?");
        assertTrue(text.contains("step(?*x + ?*p + ?)"), "the example starts from bare coefficients here");
        Path in = dir.resolve("parity.net");
        Path out = dir.resolve("parity.trained.net");
        Files.writeString(in, text);
        CircuitsTest.Run trained = CircuitsTest.cli("train", in.toString(), "--epochs", "3000", "--rate", "1", "--seed", "1",
                "-o", out.toString());
        assertEquals(0, trained.code(), trained.out() + trained.err());
        assertTrue(trained.out().contains("through time: parity_seq unrolled over 8 cycles"), trained.out());
        assertTrue(trained.out().contains("snapped to hard steps: passes the truth table (6 rows)"), trained.out());
        CircuitsTest.Run proved = CircuitsTest.cli("test", out.toString());
        assertEquals(0, proved.code(), proved.out() + proved.err());
        assertTrue(proved.out().contains("check parity_seq (256 input sequences of 8 cycles"), proved.out());
    }

    @Test
    void aCircuitWithStateTrainsOnSequenceTablesOnly() throws IOException {
        Path f = dir.resolve("toggle.net");
        Files.writeString(f, "circuit toggle(t) -> q {\n    q = dff(n)\n    n = step(?*t + ?*q + ?)\n}\n");
        CircuitsTest.Run none = CircuitsTest.cli("train", f.toString());
        assertEquals(5, none.code(), none.err());
        assertTrue(none.err().contains("no sequence table for toggle to train on"), none.err());
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "t,q\n1,0\n");
        CircuitsTest.Run data = CircuitsTest.cli("train", f.toString(), "--data", csv.toString());
        assertEquals(2, data.code(), data.err());
        assertTrue(data.err().contains("toggle has state: it trains on its sequence tables"), data.err());
    }
}
