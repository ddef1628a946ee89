package dev.circuit.verify;

import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Pos;
import java.util.List;

/**
 * The result of one test table or check. {@code rows} counts the rows that ran (after expanding X;
 * for a failed check, up to and including the failing one); {@code failures} are diagnostics at
 * the failing rows, {@code failed} counts them all.
 */
public sealed interface TestOutcome permits TestOutcome.Table, TestOutcome.Check {
    String file();

    /** "test adder", "check adder_n<16>". */
    String name();

    Pos pos();

    Verdict verdict();

    long rows();

    long failed();

    List<Diagnostic> failures();

    /** How the rows were run, as printed: "scalar engine", "bit-parallel engine, generated code, 289 gates". */
    String how();

    /** The part of the result line in parentheses: "4 rows", "1 of 4 rows failed", "failed at row 9, ...". */
    String detail();

    /** {@link #detail()} with what {@code --verbose} adds: the bit-parallel engine's gates per row. */
    default String verboseDetail() {
        return detail();
    }

    default boolean passed() {
        return verdict() == Verdict.PASS;
    }

    /**
     * A test table: its rows always run on the scalar engine. In a sequence table ({@code cycles})
     * {@code rows} counts the cycles run.
     */
    record Table(String file, String name, Pos pos, long rows, long failed, List<Diagnostic> failures, boolean cycles)
            implements TestOutcome {
        public Table {
            failures = List.copyOf(failures);
        }

        public Table(String file, String name, Pos pos, long rows, long failed, List<Diagnostic> failures) {
            this(file, name, pos, rows, failed, failures, false);
        }

        @Override public Verdict verdict() {
            return failed == 0 ? Verdict.PASS : Verdict.FAIL;
        }

        @Override public String how() {
            return Engine.SCALAR.text();
        }

        @Override public String detail() {
            String n = cycles ? rows + (rows == 1 ? " cycle" : " cycles") : rowCount(rows);
            return failed == 0 ? n : failed + (cycles ? (failed == 1 ? " run" : " runs") + " failed, " + n : " of " + n + " failed");
        }
    }

    /**
     * How big a SAT problem was: the check's input bits (it covers 2^inputBits rows), the variables
     * and clauses of its CNF.
     */
    record SatSize(int inputBits, int variables, int clauses) {}

    /**
     * Gates per row on the bit-parallel engine: {@code before} (every gate, as each row ran them
     * before gates constant over a block were hoisted) and {@code after} (the gates that still run
     * for every row); {@code perBlock} gates run once per block of {@code blockRows} rows instead.
     * {@code fastInputs} names the inputs that vary inside a block ("a[10..15] b[11..15]").
     */
    record Hoisting(int before, int after, int perBlock, int blockRows, String fastInputs) {
        public Hoisting {
            if (after + perBlock != before) throw new IllegalArgumentException("hoisting lost gates: " + before + " != " + after + " + " + perBlock);
        }

        String text() {
            return "gates per row: " + before + " before, " + after + " after (" + perBlock + " once per " + blockRows
                    + "-row block; fast inputs: " + (fastInputs.isEmpty() ? "none" : fastInputs) + ")";
        }
    }

    /**
     * A check: {@code gates} is the size of the gate network, -1 on the scalar engine; {@code sat}
     * the size of the SAT problem on the SAT engine, else null. On the SAT engine {@code rows} is -1
     * (2^inputBits rows may not fit a long, and a counterexample is not the first failing row).
     * {@code hoisting} is the bit-parallel engine's gates per row, else null. {@code satFirst} says
     * what SAT found under its budget when the default engine tried it before enumerating ("no
     * answer within 60 000 propagations"), else null.
     */
    record Check(String file, String name, Pos pos, Verdict verdict, Engine engine, int gates, long rows,
                 List<Diagnostic> failures, SatSize sat, int cycles, Hoisting hoisting, String satFirst) implements TestOutcome {
        public Check {
            failures = List.copyOf(failures);
            if (verdict == Verdict.PASS && !failures.isEmpty()) throw new IllegalArgumentException("a PASS with failures");
            if (verdict != Verdict.PASS && failures.isEmpty()) throw new IllegalArgumentException("a " + verdict + " without a reason");
            if ((engine == Engine.SAT) != (sat != null)) throw new IllegalArgumentException("a SAT size without the SAT engine, or the reverse");
            if (verdict == Verdict.UNKNOWN && engine != Engine.SAT) throw new IllegalArgumentException("only a SAT proof ends unknown");
            if (hoisting != null && hoisting.before() != gates) throw new IllegalArgumentException("hoisting of other gates");
        }

        public Check(String file, String name, Pos pos, Verdict verdict, Engine engine, int gates, long rows,
                     List<Diagnostic> failures, SatSize sat, int cycles, Hoisting hoisting) {
            this(file, name, pos, verdict, engine, gates, rows, failures, sat, cycles, hoisting, null);
        }

        public Check(String file, String name, Pos pos, Verdict verdict, Engine engine, int gates, long rows,
                     List<Diagnostic> failures, SatSize sat, int cycles) {
            this(file, name, pos, verdict, engine, gates, rows, failures, sat, cycles, null);
        }

        public Check(String file, String name, Pos pos, Verdict verdict, Engine engine, int gates, long rows, List<Diagnostic> failures) {
            this(file, name, pos, verdict, engine, gates, rows, failures, null, 0, (Hoisting) null);
        }

        public Check(String file, String name, Pos pos, Verdict verdict, Engine engine, int gates, long rows,
                     List<Diagnostic> failures, SatSize sat) {
            this(file, name, pos, verdict, engine, gates, rows, failures, sat, 0, (Hoisting) null);
        }

        @Override public long failed() {
            return verdict == Verdict.PASS ? 0 : 1;
        }

        @Override public String how() {
            return TestOutcome.how(engine, gates, sat);
        }

        @Override public String verboseDetail() {
            String s = satFirst == null ? detail() : detail() + "; SAT first: " + satFirst;
            return hoisting == null ? s : s + "; " + hoisting.text();
        }

        @Override public String detail() {
            switch (verdict) {
                case PASS: return (sat != null ? "all 2^" + sat.inputBits() + (cycles > 0 ? " input sequences of " + cycles + (cycles == 1 ? " cycle" : " cycles") : " rows")
                        : cycles > 0 ? sequences(rows, cycles) : rowCount(rows))
                        + ", " + how();
                case FAIL: return (sat != null ? "counterexample" : cycles > 0 ? "failed in sequence " + rows : "failed at row " + rows)
                        + ", " + how();
                case UNKNOWN: return "no proof or counterexample before the timeout, " + how();
                default: return "not run: too many rows to enumerate";
            }
        }
    }

    private static String sequences(long n, int cycles) {
        return n + (n == 1 ? " input sequence" : " input sequences") + " of " + cycles + (cycles == 1 ? " cycle" : " cycles");
    }

    /** "bit-parallel engine, generated code, 289 gates", "SAT engine, 577 gates, 643 variables, 1862 clauses". */
    static String how(Engine engine, int gates, SatSize sat) {
        String s = gates < 0 ? engine.text() : engine.text() + ", " + gates + " gates";
        return sat == null ? s : s + ", " + sat.variables() + " variables, " + sat.clauses() + " clauses";
    }

    private static String rowCount(long n) {
        return n + (n == 1 ? " row" : " rows");
    }
}
