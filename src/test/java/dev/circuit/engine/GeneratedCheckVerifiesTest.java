package dev.circuit.engine;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.codegen.Verified;
import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.elab.BoundCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every check class the engine generates passes ASM's verifier: the checks of circuits/arith (whole
 * blocks, row bits above a block, the 2^33-row adder) and random circuits of 6 to 14 input bits
 * (blocks shorter than {@link BitParallel}'s, where the loops count to n). EngineAgreesWithScalarTest
 * holds what the code computes; this holds that it is well-formed code, method by method.
 */
class GeneratedCheckVerifiesTest {
    @TempDir
    Path dir;

    @Test
    void theArithmeticChecksGenerateVerifiableClasses() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("circuits", "arith"))) {
            s.filter(p -> p.toString().endsWith(".net")).sorted().forEach(files::add);
        }
        int generated = 0, refused = 0;
        for (Path f : files) {
            for (BitParallel s : schedules(f)) {
                byte[] bytes = Bytecode.bytes(s);
                if (bytes == null) {
                    refused++;
                    continue;
                }
                Verified.assertVerifies(bytes, Bytecode.class.getClassLoader(), f.toString());
                generated++;
            }
        }
        assertTrue(generated >= 15, generated + " checks of circuits/arith generated code");
        // mul8 (992 gates) outgrows what the JIT compiles: its code is refused.
        assertTrue(refused >= 1, refused + " checks of circuits/arith refused");
    }

    @Test
    void randomCircuitsGenerateVerifiableClasses() throws IOException {
        Random r = new Random(20261127L);
        int generated = 0;
        for (int k = 0; k < 40; k++) {
            int n = 5 + r.nextInt(10);                 // n + 1 input bits: 6 to 14
            Path f = dir.resolve("r" + k + ".net");
            Files.writeString(f, EngineAgreesWithScalarTest.RandomCircuit.write(r, n));
            for (BitParallel s : schedules(f)) {
                byte[] bytes = Bytecode.bytes(s);
                assertNotNull(bytes, f + " is small enough for generated code");
                Verified.assertVerifies(bytes, Bytecode.class.getClassLoader(), Files.readString(f));
                generated++;
            }
        }
        assertTrue(generated >= 40, generated + " random checks generated code");
    }

    /** The schedule of every check in {@code file} the engine runs, without generating its code. */
    private static List<BitParallel> schedules(Path file) {
        List<BitParallel> all = new ArrayList<>();
        for (BoundCheck c : Circuit.load(file, new Sources()).checks()) {
            BitParallel s = BitParallel.compile(c.net(), c.property(), false);
            if (s != null && c.net().inputBits() >= 6) all.add(s);
        }
        return all;
    }
}
