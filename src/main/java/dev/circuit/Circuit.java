package dev.circuit;

import dev.circuit.ast.CircuitRef;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Elaborated;
import dev.circuit.elab.Elaborator;
import dev.circuit.elab.Loader;
import dev.circuit.elab.Program;
import dev.circuit.elab.Tops;
import dev.circuit.syntax.Syntax;
import java.nio.file.Path;

/**
 * The pipeline, one verb a stage: read (parse the file and its imports) -> choose the top ->
 * elaborate (one flat netlist). Evaluation, verification, training and export take the result.
 */
public final class Circuit {
    private Circuit() {}

    /** Reads and elaborates {@code file}; {@code top} may be null for the file's default circuit. */
    public static Elaborated load(Path file, String top, Sources sources) {
        Program program = Loader.read(file, sources);
        return Elaborator.elaborate(program, top(program, top));
    }

    /** The circuit a command line names ({@code adder_n<16>}), or the file's default one when null. */
    public static CircuitRef top(Program program, String top) {
        return top == null ? Tops.choose(program) : Syntax.parseCircuitRef(top);
    }
}
