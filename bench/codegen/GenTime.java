import dev.circuit.Circuit;
import dev.circuit.diag.Sources;
import dev.circuit.elab.BoundCheck;
import dev.circuit.elab.Design;
import dev.circuit.engine.BitParallel;
import dev.circuit.model.Netlist;
import dev.circuit.train.CsvData;
import dev.circuit.train.Dataset;
import dev.circuit.train.TableData;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark aid, not part of circuit: times the code generators in one JVM, through their own
 * package-private entry points (by reflection, so the same harness runs any build):
 *   engine FILE.net         Bytecode.compile on the first check of FILE (class written, defined, looked up)
 *   train FILE.net [CSV]    TapeCompiler.compile on FlatNet's tapes for FILE's circuit (written, defined, instantiated)
 * Prints the first call (what a CLI run pays: the writer's classes load then) and the median of the
 * next RUNS calls (-Druns, default 300), each in wall time and in the thread's CPU time (class
 * loading happens in the calling thread; CPU time is the steadier figure on a loaded machine).
 */
public final class GenTime {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        Runnable gen = args[0].equals("engine") ? engine(file) : train(file, args.length > 2 ? Path.of(args[2]) : null);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        gen.run();
        long first = System.nanoTime() - t0, firstCpu = cpu.getCurrentThreadCpuTime() - c0;
        long[] t = new long[Integer.getInteger("runs", 300)];
        long[] c = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime(), sc = cpu.getCurrentThreadCpuTime();
            gen.run();
            t[i] = System.nanoTime() - s;
            c[i] = cpu.getCurrentThreadCpuTime() - sc;
        }
        Arrays.sort(t);
        Arrays.sort(c);
        System.out.printf("%s %s: first %.2f ms (CPU %.2f ms), then median %.1f us (CPU %.1f us, %d runs)%n", args[0], args[1],
                first / 1e6, firstCpu / 1e6, t[t.length / 2] / 1e3, c[c.length / 2] / 1e3, t.length);
    }

    static Runnable engine(Path file) throws Exception {
        Design design = Circuit.load(file, new Sources());
        if (design.checks().isEmpty()) throw new IllegalArgumentException("no check in " + file);
        BoundCheck c = design.checks().get(0);
        // The interpreter's schedule; the timed call below is the code generation alone.
        BitParallel bp = BitParallel.compile(c.net(), c.property(), false);
        if (bp == null) throw new IllegalArgumentException("the bit-parallel engine does not apply to the first check of " + file);
        Method compile = Class.forName("dev.circuit.engine.Bytecode").getDeclaredMethod("compile", Class.forName("dev.circuit.engine.Bytecode$Schedule"));
        compile.setAccessible(true);
        return () -> {
            try {
                if (compile.invoke(null, bp) == null) throw new IllegalStateException("no code generated");
            } catch (ReflectiveOperationException x) {
                throw new IllegalStateException(x);
            }
        };
    }

    static Runnable train(Path file, Path csv) throws Exception {
        Sources sources = new Sources();
        Design design = Circuit.load(file, null, sources);
        Netlist net = design.topCircuit().netlist();
        Dataset data = csv != null ? CsvData.read(csv, net, sources) : TableData.of(design, design.top());
        Class<?> flat = Class.forName("dev.circuit.train.FlatNet");
        Field generate = flat.getDeclaredField("generateKernels");
        generate.setAccessible(true);
        generate.setBoolean(null, false);
        Class<?> network = Class.forName("dev.circuit.train.Network");
        Constructor<?> nc = network.getDeclaredConstructor(Netlist.class);
        nc.setAccessible(true);
        Constructor<?> fc = flat.getDeclaredConstructor(network, Dataset.class);
        fc.setAccessible(true);
        Object f = fc.newInstance(nc.newInstance(net), data);
        int[] fwd = tape(flat, f, "forwardTape"), acc = tape(flat, f, "accumulateTape"), fused = tape(flat, f, "fusedTape");
        Method reload = flat.getDeclaredMethod("reloadTape");
        reload.setAccessible(true);
        int[] rel = (int[]) reload.invoke(f);
        Method compile = Class.forName("dev.circuit.train.TapeCompiler").getDeclaredMethod("compile", int[].class, int[].class, int[].class, int[].class);
        compile.setAccessible(true);
        return () -> {
            try {
                if (compile.invoke(null, fwd, acc, fused, rel) == null) throw new IllegalStateException("no code generated");
            } catch (ReflectiveOperationException x) {
                throw new IllegalStateException(x);
            }
        };
    }

    static int[] tape(Class<?> flat, Object f, String name) throws ReflectiveOperationException {
        Field t = flat.getDeclaredField(name);
        t.setAccessible(true);
        return (int[]) t.get(f);
    }
}
