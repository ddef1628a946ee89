package dev.circuit.cli;

import dev.circuit.Circuit;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.elab.Design;
import dev.circuit.model.Netlist;
import dev.circuit.model.Unrolling;
import dev.circuit.verify.Equivalence;
import dev.circuit.verify.Verdict;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "equiv", description = {"Prove that two circuits compute the same function, or print an input",
        "where they differ. Ports are matched by name (inputs and outputs, same",
        "widths, any order). Up to 2^40 rows are enumerated (large ones tried by SAT",
        "first, under a budget), more are proven by SAT.",
        "Exits 0 when equivalent; 1 when not, printing the input and both outputs;",
        "2 when the ports differ or a circuit is not Boolean; 6 when a SAT proof",
        "ended unknown at --timeout."},
        mixinStandardHelpOptions = true)
final class EquivCommand implements Callable<Integer> {
    private final Env env;

    @Parameters(index = "0", paramLabel = "A", description = "The first .net file.")
    Path fileA;

    @Parameters(index = "1", paramLabel = "B", description = "The second .net file.")
    Path fileB;

    @Option(names = "--top", paramLabel = "NAME", description = "The circuit of both files, unless --top-a or --top-b says otherwise.")
    String top;

    @Option(names = "--top-a", paramLabel = "NAME",
            description = "The circuit of A (default: the one named like the file, else the last one; 'adder_n<8>' names an instance).")
    String topA;

    @Option(names = "--top-b", paramLabel = "NAME", description = "The circuit of B (as --top-a).")
    String topB;

    /** auto runs test's portfolio up to 2^40 rows and proves by SAT above; the others force one engine. */
    enum Engine { auto, exhaustive, sat, scalar }

    @Option(names = "--engine", defaultValue = "auto",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; exhaustive enumerates on the bit-parallel engine, "
                    + "sat proves by SAT, scalar enumerates on the slow reference evaluator).")
    Engine engine;

    @Option(names = "--cycles", paramLabel = "K",
            description = "For circuits with flip-flops: compare every output in each of K cycles, over every input sequence, from the initial state.")
    Integer cycles;

    @Mixin
    ProofLimits limits;

    @Mixin
    SizeBudget size;

    EquivCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Equivalence.Options options = new Equivalence.Options(Equivalence.Method.valueOf(engine.name().toUpperCase(java.util.Locale.ROOT)),
                limits.threads(), limits.timeoutMillis(), TerminalProgress.forTerminal(env.err));
        Netlist a = load(fileA, topA != null ? topA : top, topA != null ? "--top-a" : "--top");
        Netlist b = load(fileB, topB != null ? topB : top, topB != null ? "--top-b" : "--top");
        String labelA = fileA + ":" + a.name();
        String labelB = fileB + ":" + b.name();
        if (cycles != null) {
            if (cycles < 1 || cycles > 1000) throw CircuitException.usage("--cycles takes 1 to 1000, not " + cycles);
            // Bounded equivalence: both unrolled over K cycles, every cycle's outputs compared.
            a = unrolled(a, labelA);
            b = unrolled(b, labelB);
        } else if (a.isSequential() || b.isSequential()) {
            throw CircuitException.usage((a.isSequential() ? labelA : labelB) + " has state: say over how many cycles to compare"
                    + " with --cycles K (every input sequence of K cycles, from the initial state)");
        }
        Equivalence.Result r = Equivalence.check(a, labelA, b, labelB, options);
        if (r.verdict() == Verdict.PASS) {
            env.out.println("EQUIVALENT  " + labelA + " == " + labelB + " (" + r.detail() + ")");
            return 0;
        }
        if (r.verdict() == Verdict.UNKNOWN) {
            env.out.println("UNKNOWN  " + labelA + " =? " + labelB + " (" + r.detail() + ")");
            env.err.println("circuit: the SAT engine found neither a proof nor a counterexample in " + limits.timeout + " s (--timeout)");
            return Failure.UNKNOWN.exitCode;
        }
        Equivalence.Counterexample c = r.counterexample();
        env.out.println("NOT EQUIVALENT  " + labelA + " != " + labelB + " (" + r.detail() + ")");
        env.out.println("  inputs  " + EvalCommand.line(a.inputs(), c.inputs(), false));
        env.out.println("  A       " + EvalCommand.line(a.outputs(), c.outputsA(), false));
        // B's outputs in A's port order, so each value stands under its partner.
        env.out.println("  B       " + EvalCommand.line(a.outputs(), Equivalence.outputsOfBAsA(a, b, c), false));
        return Failure.TEST_FAILED.exitCode;
    }

    private Netlist unrolled(Netlist n, String label) {
        Unrolling u = Unrolling.of(n, cycles);
        if (u == null) {
            throw CircuitException.usage(label + " has feedback wires, which settle by iteration and unroll into no fixed network;"
                    + " compare it with a check over cycles instead");
        }
        return u.net();
    }

    /** The top circuit of one side; a wrong --top-a or --top-b is a usage error naming that option. */
    private Netlist load(Path file, String name, String option) {
        Design d;
        try {
            d = Circuit.load(file, name, env.sources, size.limits());
        } catch (CircuitException ex) {
            throw CircuitFile.asUsage(ex, option);
        }
        env.report(d.warnings());
        return d.topCircuit().netlist();
    }
}
