package dev.circuit.interop;

import dev.circuit.diag.Pos;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A gate netlist as read from BLIF or ISCAS {@code .bench}: named inputs and outputs, nodes that each
 * drive one signal with a gate or a BLIF cover, and flip-flops ({@link Latch}) on one implicit clock.
 * Names are as written in the source; {@link NetWriter} makes them .net names. {@code clock} is the
 * input the source clocked its flip-flops with, already taken out of {@code inputs} (null: none named).
 */
public record Logic(String name, List<Port> inputs, List<Port> outputs, List<Node> nodes, List<Latch> latches, String clock) {
    public Logic {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        nodes = List.copyOf(nodes);
        latches = List.copyOf(latches);
    }

    /** A combinational netlist. */
    public Logic(String name, List<Port> inputs, List<Port> outputs, List<Node> nodes) {
        this(name, inputs, outputs, nodes, List.of(), null);
    }

    public boolean isSequential() {
        return !latches.isEmpty();
    }

    /**
     * A D flip-flop: {@code out} holds {@code init} in cycle 0 and, in each later cycle, what {@code in}
     * was in the one before. {@code origin} is the source line it came from, for the written comment.
     */
    public record Latch(String out, String in, boolean init, String origin, Pos pos) {}

    /** A primary input or output, where it was declared. */
    public record Port(String name, Pos pos) {}

    /** {@code out = f(ins)}. */
    public record Node(String out, List<String> ins, Function f, Pos pos) {
        public Node {
            ins = List.copyOf(ins);
            int arity = ins.size();
            if (f instanceof Cover c && c.cubes().stream().anyMatch(k -> k.length() != arity)) {
                throw new IllegalArgumentException("every cube has one character per input");
            }
        }
    }

    /** What a node computes. */
    public sealed interface Function permits Gate, Cover {}

    /** The ISCAS {@code .bench} gates. */
    public enum Gate implements Function {
        AND, NAND, OR, NOR, XOR, XNOR, NOT, BUFF;

        /** The gate a .bench keyword names ({@code nand}, {@code BUF} as well as {@code BUFF}). */
        public static Optional<Gate> byName(String s) {
            String u = s.toUpperCase(Locale.ROOT);
            if (u.equals("BUF")) return Optional.of(BUFF);
            for (Gate g : values()) if (g.name().equals(u)) return Optional.of(g);
            return Optional.empty();
        }

        /** True when one input is all the gate may have. */
        public boolean unary() {
            return this == NOT || this == BUFF;
        }
    }

    /**
     * A BLIF single-output cover: the function is {@code value} where any cube matches and
     * {@code !value} elsewhere. A cube has one of {@code 0 1 -} per input. No cubes: constant {@code !value}.
     */
    public record Cover(List<String> cubes, boolean value) implements Function {
        public Cover {
            cubes = List.copyOf(cubes);
            for (String c : cubes) if (!c.matches("[01-]*")) throw new IllegalArgumentException("bad cube " + c);
        }
    }
}
