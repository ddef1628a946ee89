package dev.circuit;

import dev.circuit.ast.CircuitRef;
import dev.circuit.diag.Sources;
import dev.circuit.elab.Design;
import dev.circuit.elab.DesignBuilder;
import dev.circuit.elab.Limits;
import dev.circuit.elab.Loader;
import dev.circuit.elab.Program;
import dev.circuit.elab.Tops;
import dev.circuit.syntax.Syntax;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The pipeline, one verb a stage: read (parse the file and its imports) -> elaborate (every
 * definition checked, the command's circuit, the tests and checks, flattened and bound: a
 * {@link Design}). Evaluation, verification, training and export read the design. Commands call
 * these, never the loader and elaborator by hand.
 */
public final class Circuit {
    private Circuit() {}

    /** The design of {@code file} with its top circuit: {@code top} names it, or null for the file's default one. */
    public static Design load(Path file, String top, Sources sources) {
        return load(file, top, sources, Limits.DEFAULT);
    }

    /** {@link #load(Path, String, Sources)} within a size budget other than the default one ({@code --max-size}). */
    public static Design load(Path file, String top, Sources sources, Limits limits) {
        // An anonymous class rather than a lambda: see BigStack.
        return BigStack.call(new Supplier<Design>() {
            @Override
            public Design get() {
                Program program = Loader.read(file, sources);
                return DesignBuilder.build(program, top(program, top), limits);
            }
        });
    }

    /** The design of {@code file} without a top circuit: its tests and checks, every definition checked. */
    public static Design load(Path file, Sources sources) {
        return load(file, sources, Limits.DEFAULT);
    }

    /** {@link #load(Path, Sources)} within a size budget other than the default one ({@code --max-size}). */
    public static Design load(Path file, Sources sources, Limits limits) {
        return BigStack.call(new Supplier<Design>() {
            @Override
            public Design get() {
                return DesignBuilder.build(Loader.read(file, sources), null, limits);
            }
        });
    }

    /** The circuit a command line names ({@code adder_n<16>}), or the file's default one when null. */
    public static CircuitRef top(Program program, String top) {
        return top == null ? Tops.choose(program) : Syntax.parseCircuitRef(top);
    }
}
