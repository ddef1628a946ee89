package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.elab.Design;
import dev.circuit.model.Netlist;
import dev.circuit.train.Dataset;
import dev.circuit.train.Separable;
import dev.circuit.train.TableData;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "separable", description = {"For each output of the top circuit's test table: can one threshold neuron realise it?",
        "Prints integer weights when one can (step(1*a + 1*b)), or that none can (a proof, not a guess)."},
        mixinStandardHelpOptions = true)
final class SeparableCommand implements Callable<Integer> {
    private final Env env;

    @Mixin
    CircuitFile circuit;

    SeparableCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Design design = circuit.load(env);
        Netlist net = design.topCircuit().netlist();
        CircuitFile.requireCombinational(net, "separable", "separability is a property of a function of the inputs");
        String file = design.program().root().name();
        Dataset rows;
        try {
            rows = TableData.of(design, design.top());
        } catch (CircuitException e) {
            // TableData speaks to `train` (exit 5, "or give --data"); here a missing table is a usage error.
            if (e.failure() != Failure.TRAINING) throw e;
            throw new CircuitException(Failure.USAGE, Pos.file(file), "no test table for " + net.name() + " in " + file
                    + "; separable reads the truth table from one (test " + net.name() + " { ... })");
        }
        if (rows.rows() == 0) {
            throw new CircuitException(Failure.USAGE, Pos.file(file), "the test table for " + net.name() + " has no rows: separable"
                    + " reads the truth table from it");
        }
        if (!rows.isBoolean()) {
            throw new CircuitException(Failure.USAGE, Pos.file(file), "the test table for " + net.name()
                    + " is not a truth table: separable needs every input and output 0 or 1");
        }
        for (String line : Separable.describe(net, rows)) env.out.println(line);
        return 0;
    }
}
