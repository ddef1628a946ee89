package dev.circuit.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Decl;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostics;
import dev.circuit.print.RandomPrograms;
import dev.circuit.properties.Circuits;
import dev.circuit.properties.GarbageTextTest;
import dev.circuit.reference.RandomNetTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The fast path ({@link FastParser}) is held to ANTLR's parser and {@link AstBuilder}: whenever it
 * returns an AST, ANTLR reads the same text without an error and AstBuilder builds an equal AST
 * (records' equals: every node, value, text as written and position). On every .net file of the
 * repository, on random valid programs, on random expressions in every place one is written, and on
 * mutated and garbled text. And on the repository's files that have no syntax error it never gives
 * up, or it would buy nothing.
 */
class FastParserTest {
    /** How many texts the fast path read (not null), how many it was given, and how many valid ones it gave up on, per property. */
    private int read;
    private int given;
    private int missed;

    /** The property; returns whether the fast path read the text. */
    private boolean assertFastIsAntlr(String text) {
        given++;
        List<Decl> fast = Syntax.fast("t.net", text);
        Diagnostics diags = new Diagnostics();
        SourceFile reference = AntlrParse.parse("t.net", null, text, diags);
        if (fast == null) {
            if (!diags.hasErrors()) missed++;
            return false;
        }
        read++;
        assertEquals(List.of(), diags.all(), () -> "the fast path read text ANTLR refuses: " + GarbageTextTest.quote(text));
        assertEquals(reference.decls(), fast, () -> GarbageTextTest.quote(text));
        return true;
    }

    /** The fast path read at least {@code share} of the texts (the property was not vacuous), and gave up on no valid one. */
    private void assertRead(double share) {
        assertTrue(read >= share * given, "the fast path read " + read + " of " + given + " texts");
        assertEquals(0, missed, "valid texts the fast path gave up on");
    }

    @Test
    void theCorpusReadsAsWithAntlrAndTheValidFilesAllFast() throws IOException {
        List<Path> files = ScannerTest.corpus();
        assertTrue(files.size() > 100, "the corpus is where it should be: " + files.size() + " files");
        int valid = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            if (assertFastIsAntlr(text)) valid++;
            assertFastIsAntlr(Syntax.lineFeeds(text).replace("\n", "\r\n"));
        }
        assertEquals(0, missed, "valid files the fast path gave up on");
        assertTrue(valid > 100, valid + " valid files");
    }

    @Test
    void randomProgramsReadAsWithAntlr() {
        qt().withFixedSeed(20261128L).withExamples(1500).forAll(RandomPrograms.texts()).checkAssert(this::assertFastIsAntlr);
        assertRead(0.95);
    }

    @Test
    void randomDesignsReadAsWithAntlr() {
        qt().withFixedSeed(20261129L).withExamples(300).forAll(RandomNetTexts.texts()).checkAssert(this::assertFastIsAntlr);
        assertRead(0.95);
    }

    /** Tokens that make expressions: operands, prefix operators and openers, binary operators, closers. */
    static final List<String> OPERANDS = List.of("a", "b", "f", "X", "0", "1", "2", "0x1F", "1e999", "?", "?0.5", "?-1");
    static final List<String> PREFIXES = List.of("-", "+", "~", "(", "{", "f<", "f(");
    static final List<String> BINARIES = List.of("+", "-", "*", "/", "%", "<<", ">>", "&", "^", "|", "<", "<=", ">", ">=",
            "==", "!=", "?", ":", ",", "..", "[");
    static final List<String> CLOSERS = List.of(")", "]", "}", ">", ">(", "\n", ";");

    /**
     * 1-12 tokens, mostly in an order that can make an expression (an operand or a prefix where an
     * operand is due, an operator or a closer after one), sometimes any token: about one text in ten
     * is valid, and the rest fails at every place an expression can.
     */
    static String expression(org.quicktheories.core.RandomnessSource in) {
        StringBuilder sb = new StringBuilder();
        boolean operandDue = true;
        for (int n = Circuits.draw(in, 1, 12); n > 0; n--) {
            int kind = Circuits.draw(in, 0, 9) == 0 ? Circuits.draw(in, 0, 3) : operandDue ? Circuits.draw(in, 0, 2) == 0 ? 1 : 0
                    : Circuits.draw(in, 0, 2) == 0 ? 3 : 2;
            List<String> from = List.of(OPERANDS, PREFIXES, BINARIES, CLOSERS).get(kind);
            sb.append(from.get(Circuits.draw(in, 0, from.size() - 1)));
            if (Circuits.draw(in, 0, 1) == 0) sb.append(' ');
            operandDue = kind == 1 || kind == 2;
        }
        return sb.toString().strip();
    }

    /** Places an expression or an integer expression is written, {@code %s} where it goes. */
    static final List<String> PLACES = List.of(
            "check c: %s", "check c for %s cycles: a", "neuron n(a, b) = %s", "circuit c(a) -> y {\n    y = %s\n}",
            "circuit c(a) -> y {\n    (y, z[%s]) = g(a)\n}", "circuit c(a) -> y {\n    wire w[%s], v\n}",
            "circuit c(a[%s]) -> y {\n}", "circuit c(a) -> y {\n    for i in %s {\n    }\n}",
            "test c<%s> {\n    a | y\n    1 | 0\n}", "circuit c(a) -> y {\n    feedback q[%s] = -1\n    y = f<%s>(a)\n}",
            "test c sequence within %s {\n    a | y\n}", "test c %s {\n    a | y\n}", "test c {\n    %s | y\n    1 | X\n}",
            "test c {\n    a | y\n    %s | X\n}", "check c for 2 %s: a");

    /** {@link #expression}s in one of the {@link #PLACES}. */
    static Gen<String> expressions() {
        Gen<String> g = in -> {
            String place = PLACES.get(Circuits.draw(in, 0, PLACES.size() - 1));
            String first = expression(in);
            return place.replaceFirst("%s", java.util.regex.Matcher.quoteReplacement(first))
                    .replace("%s", java.util.regex.Matcher.quoteReplacement(expression(in)));
        };
        return g.describedAs(GarbageTextTest::quote);
    }

    @Test
    void randomExpressionsReadAsWithAntlr() {
        qt().withFixedSeed(20261130L).withExamples(20000).forAll(expressions()).checkAssert(this::assertFastIsAntlr);
        assertRead(0.04);
    }

    static final List<String> OPERATORS = List.of("*", "/", "%", "+", "-", "<<", ">>", "&", "^", "|", "<", "<=", ">", ">=", "==", "!=");

    /**
     * 1-4 operands joined by binary operators of every level, each operand sometimes behind a prefix
     * operator and sometimes itself a bracket, a '?:', a call or a concatenation of such chains: text
     * that is valid but for chained comparisons, where every grouping the precedence levels decide is
     * met.
     */
    static String chain(org.quicktheories.core.RandomnessSource in, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = Circuits.draw(in, 1, 4); i < n; i++) {
            if (i > 0) sb.append(' ').append(OPERATORS.get(Circuits.draw(in, 0, OPERATORS.size() - 1))).append(' ');
            if (Circuits.draw(in, 0, 4) == 0) sb.append(List.of("-", "+", "~").get(Circuits.draw(in, 0, 2)));
            switch (depth > 0 ? Circuits.draw(in, 0, 7) : 0) {
                case 1 -> sb.append('(').append(chain(in, depth - 1)).append(')');
                case 2 -> sb.append(chain(in, depth - 1)).append(" ? ").append(chain(in, depth - 1)).append(" : ").append(chain(in, depth - 1));
                case 3 -> sb.append("f(").append(chain(in, depth - 1)).append(", ").append(chain(in, depth - 1)).append(')');
                case 4 -> sb.append("g<N - 1 * 2, -(3)>(").append(chain(in, depth - 1)).append(')');
                case 5 -> sb.append('{').append(chain(in, depth - 1)).append(", ").append(chain(in, depth - 1)).append('}');
                default -> sb.append(OPERANDS.get(Circuits.draw(in, 0, OPERANDS.size() - 1)));
            }
        }
        return sb.toString();
    }

    @Test
    void operatorChainsReadAsWithAntlr() {
        Gen<String> chains = in -> "check c: " + chain(in, 2);
        qt().withFixedSeed(20261203L).withExamples(5000).forAll(chains.describedAs(GarbageTextTest::quote)).checkAssert(this::assertFastIsAntlr);
        assertRead(0.25);
    }

    @Test
    void mutatedFilesReadAsWithAntlr() throws IOException {
        qt().withFixedSeed(20261131L).withExamples(1500).forAll(ScannerTest.mutatedCorpus()).checkAssert(this::assertFastIsAntlr);
        assertRead(0.2);
    }

    @Test
    void garbageReadsAsWithAntlr() {
        qt().withFixedSeed(20261201L).withExamples(1500).forAll(GarbageTextTest.texts()).checkAssert(this::assertFastIsAntlr);
        qt().withFixedSeed(20261202L).withExamples(1500).forAll(ScannerTest.edges()).checkAssert(this::assertFastIsAntlr);
        assertRead(0.1);
    }

    /** Where the two forms of a name followed by '<' meet: ANTLR takes the call whenever one can be read. */
    @Test
    void aNameBeforeLessThanIsACallWhereverOneCanBeRead() {
        for (String e : List.of("g(a < b, c > (d))", "f<1>(a)", "f<1, 2>(a, b)", "f<(1)>()", "a < b", "a < b > c", "f < 1 > a",
                "f<1>>(a)", "{a < b, c > (d)}", "f<a>(b) < 1", "a < f<1>(b)", "a<b ? c : d", "f<-1>(x)[1]")) {
            assertFastIsAntlr("check c: " + e);
        }
        assertNotNull(Syntax.fast("t.net", "check c: g(a < b, c > (d))"));
    }

    /** What AstBuilder reports on text the grammar accepts: the fast path leaves all of it to AstBuilder. */
    @Test
    void givesUpWhereAstBuilderReports() {
        for (String text : List.of("test c within -1 {\n    a | y\n}", "test c within -0.5 {\n    a | y\n}",
                "test c seq {\n    a | y\n}", "check c for 2 cycle: a", "test c {\n    1 | y\n}", "test c {\n    a | -1\n}",
                "test c {\n    a | y\n    z | 1\n}", "test c {\n}", "check c: a < b < c", "check c: (a == b) != c == d",
                "check c: 1e1001", "check c: ?1e99999", "check c: 0x_", "neuron n(a) = ?2e6660378796283726")) {
            Diagnostics diags = new Diagnostics();
            AntlrParse.parse("t.net", null, text, diags);
            assertTrue(diags.hasErrors(), text);
            assertNull(Syntax.fast("t.net", text), text);
        }
        assertNotNull(Syntax.fast("t.net", "test c within -0 {\n    a | y\n}"));
    }

    /**
     * A circuit's name on the command line ({@code --top adder_n<16>}): the fast path gives the name
     * ANTLR's parser gives, or gives up where ANTLR's parser reports an error, and reads every name
     * ANTLR's parser reads.
     */
    @Test
    void circuitNamesReadAsWithAntlr() {
        Gen<String> names = in -> switch (Circuits.draw(in, 0, 3)) {
            case 0 -> "adder_n<" + expression(in) + ">";
            case 1 -> expression(in);
            case 2 -> "m<" + arith(in, 2) + ">";
            default -> "m<" + arith(in, 2) + ", " + arith(in, 1) + ">" + List.of("", ";", "\n", " ;", ";;").get(Circuits.draw(in, 0, 4));
        };
        qt().withFixedSeed(20261204L).withExamples(5000).forAll(names.describedAs(GarbageTextTest::quote)).checkAssert(text -> {
            given++;
            CircuitRef fast = FastParser.topRef("--top", Syntax.lineFeeds(text));
            CircuitRef reference;
            try {
                reference = AntlrParse.circuitRef(text);
            } catch (CircuitException e) {
                assertNull(fast, () -> "the fast path read a name ANTLR refuses: " + GarbageTextTest.quote(text));
                return;
            }
            assertNotNull(fast, () -> "the fast path gave up on a name ANTLR reads: " + GarbageTextTest.quote(text));
            read++;
            assertEquals(reference, Syntax.parseCircuitRef(text), () -> GarbageTextTest.quote(text));
        });
        assertRead(0.3);
    }

    /** 1-3 operands of an integer expression (a name, a number, a bracket, a negation) joined by its operators. */
    static String arith(org.quicktheories.core.RandomnessSource in, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = Circuits.draw(in, 1, 3); i < n; i++) {
            if (i > 0) sb.append(' ').append(List.of("*", "/", "%", "+", "-").get(Circuits.draw(in, 0, 4))).append(' ');
            switch (depth > 0 ? Circuits.draw(in, 0, 3) : 0) {
                case 1 -> sb.append('(').append(arith(in, depth - 1)).append(')');
                case 2 -> sb.append('-').append(arith(in, depth - 1));
                default -> sb.append(List.of("N", "i", "1", "16", "0x1F", "0b10").get(Circuits.draw(in, 0, 5)));
            }
        }
        return sb.toString();
    }

    /**
     * A flat chain ({@code a + a + ... + a}) nests no bracket, but its tree is one level deeper per
     * operator, and AstBuilder recurses once per level where the fast path loops: past what the stack
     * holds, ANTLR's path reports "too deeply nested to read" (on the deep-stack thread, dev.circuit.BigStack,
     * at about three million terms; here on a stack 32 times smaller, at some ten thousand), and the fast
     * path must not read it. A chain of a few thousand terms it still reads.
     */
    @Test
    void aChainTooDeepForAntlrsPathIsNotReadFast() throws InterruptedException {
        onStack(8L << 20, () -> {
            for (String text : List.of("check c: a" + " + a".repeat(200_000), "check c for 1" + " - 1".repeat(200_000) + " cycles: a",
                    "neuron n(a) = step(" + "?*a + ".repeat(100_000) + "?)")) {
                Diagnostics diags = new Diagnostics();
                AntlrParse.parse("t.net", null, text, diags);
                assertTrue(diags.hasErrors(), "ANTLR's path overflows here: the case tests nothing");
                assertFastIsAntlr(text);
            }
            assertTrue(assertFastIsAntlr("check c: a" + " + a".repeat(5_000)));
            assertTrue(assertFastIsAntlr("check c: " + "(-a + ".repeat(Syntax.MAX_NESTING) + "a" + ")".repeat(Syntax.MAX_NESTING)));
        });
    }

    /** Runs {@code body} on a thread with a stack of {@code bytes}, failing as it fails. */
    private static void onStack(long bytes, Runnable body) throws InterruptedException {
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "stack", bytes);
        t.start();
        t.join();
        if (thrown[0] instanceof Error e) throw e;
        if (thrown[0] != null) throw new AssertionError(thrown[0]);
    }

    /** A file past the nesting limit is ANTLR's path's to report, valid or not. */
    @Test
    void tooDeepIsNeverFast() {
        String deep = "check c: " + "(".repeat(Syntax.MAX_NESTING + 1) + "a" + ")".repeat(Syntax.MAX_NESTING + 1);
        assertNull(Syntax.fast("t.net", deep));
        String fine = "check c: " + "(".repeat(Syntax.MAX_NESTING) + "a" + ")".repeat(Syntax.MAX_NESTING);
        assertTrue(assertFastIsAntlr(fine));
    }
}
