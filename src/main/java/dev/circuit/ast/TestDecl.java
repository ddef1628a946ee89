package dev.circuit.ast;

import dev.circuit.diag.Pos;
import java.math.BigDecimal;
import java.util.List;

/**
 * A truth table: {@code test adder { a b | sum carry; 0 0 | 0 0 ... }}. {@code tolerance} is null for
 * exact comparison. In a {@code sequence} table ({@code test counter sequence { ... }}) the rows are
 * successive clock cycles of one run from the initial state, not independent rows.
 */
public record TestDecl(CircuitRef target, boolean sequence, BigDecimal tolerance, List<Ident> inputs, List<Ident> outputs,
                       List<Row> rows, Pos pos) implements Decl {
    public TestDecl {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        rows = List.copyOf(rows);
    }

    /** One table row; {@code pos} is where the row starts. */
    public record Row(List<Cell> inputs, List<Cell> outputs, Pos pos) {
        public Row {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * A number, or {@code X}: every value in an input column, don't-care in an output column.
     * {@code text} is the cell as written ({@code 0b0100}), kept for printing; null when unknown.
     */
    public record Cell(BigDecimal value, String text, Pos pos) {
        public Cell(BigDecimal value, Pos pos) {
            this(value, null, pos);
        }

        public boolean isAny() {
            return value == null;
        }

        @Override
        public String toString() {
            if (value == null) return "X";
            return text != null ? text : value.toPlainString();
        }
    }
}
