package dev.circuit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.circuit.codegen.Verified;
import dev.circuit.model.Netlist;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every training kernel TapeCompiler generates passes ASM's verifier: the tutorials' networks and
 * random circuits of every activation, shared and unshared (the fused tape), so that every kind of
 * op of the four tapes is generated. FlatNetOracleTest holds what the kernels compute; this holds
 * that they are well-formed code, method by method.
 */
class GeneratedKernelVerifiesTest {
    /** What each method of the verified kernels did, over all of them: the sample covers every op kind. */
    private final Map<String, Set<String>> seen = new TreeMap<>();

    @Test
    void theKernelsOfTutorialAndRandomNetworksVerify() throws ReflectiveOperationException {
        int verified = 0;
        for (String f : new String[] {"add.net", "xor.net", "line.net", "or.net"}) {
            Netlist net = Fixtures.load(Fixtures.LEARN.resolve(f)).net();
            if (verify(net, FlatNetOracleTest.data(new SplittableRandom(1), net), f)) verified++;
        }
        assertEquals(4, verified, "the tutorials' networks run as generated code");
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Netlist net = GradientTest.randomCircuit(rnd, rnd.nextBoolean());
            if (seed % 2 == 0) net = FlatNetOracleTest.unshared(net);
            if (verify(net, FlatNetOracleTest.data(rnd, net), "random circuit, seed " + seed)) verified++;
        }
        assertTrue(verified >= 150, verified + " of 204 networks generated code");
        // forward: SIGMOID, SOFT (hard neurons' surrogates), ACT; accumulate: their derivatives and
        // the jump past a zero gradient; fused: SB and SW steps (dsub), RB; reload: RW, RB.
        assertTrue(seen.get("forward").containsAll(Set.of("sigmoid", "soft", "act")), seen.toString());
        assertTrue(seen.get("accumulate").containsAll(Set.of("sigmoidDerivative", "softDerivative", "actDerivative", "IFEQ", "DUP2")),
                seen.toString());
        assertTrue(seen.get("fused").containsAll(Set.of("DSUB", "IFEQ", "DMUL")), seen.toString());
        assertTrue(seen.get("reload").containsAll(Set.of("DMUL", "DADD", "DASTORE")), seen.toString());
    }

    /** Verifies the kernel of {@code net} when its tapes compile; returns whether they did. */
    private boolean verify(Netlist net, Dataset data, String what) throws ReflectiveOperationException {
        FlatNet flat = new FlatNet(new Network(net), data);
        byte[] bytes = TapeCompiler.bytes(tape(flat, "forwardTape"), tape(flat, "accumulateTape"), tape(flat, "fusedTape"), reloadTape(flat));
        assertEquals(flat.mode().equals("generated code"), bytes != null, what);
        if (bytes == null) return false;
        Verified.assertVerifies(bytes, TapeCompiler.class.getClassLoader(), what);
        Verified.instructions(bytes).forEach((method, used) -> seen.computeIfAbsent(method, m -> new TreeSet<>()).addAll(used));
        return true;
    }

    // The tapes are FlatNet's own, read as TapeCompiler is given them.
    private static int[] tape(FlatNet flat, String field) throws ReflectiveOperationException {
        Field f = FlatNet.class.getDeclaredField(field);
        f.setAccessible(true);
        return (int[]) f.get(flat);
    }

    private static int[] reloadTape(FlatNet flat) throws ReflectiveOperationException {
        Method m = FlatNet.class.getDeclaredMethod("reloadTape");
        m.setAccessible(true);
        return (int[]) m.invoke(flat);
    }
}
