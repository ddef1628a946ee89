package dev.circuit.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.circuit.NetFiles;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.DiagnosticPrinter;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Sources;
import dev.circuit.properties.Circuits;
import dev.circuit.properties.GarbageTextTest;
import dev.circuit.syntax.gen.NetLexer;
import dev.circuit.syntax.gen.NetParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The hand-written {@link Scanner} is ANTLR's generated lexer for grammar/Net.g4, token for token:
 * type, channel, text, offsets, line and column of every token and of the end of file, on every .net
 * file of the repository and on random and mutated text. And a parse with either gives the same
 * syntax errors (place, message, the line and caret as printed) and the same AST.
 */
class ScannerTest {
    /** The .net files of the repository: the examples and the test corpus. */
    static List<Path> corpus() {
        List<Path> files = new ArrayList<>(NetFiles.under(Path.of("circuits")));
        files.addAll(NetFiles.under(Path.of("src/test/resources")));
        return files;
    }

    /** Every token of {@code lexer} up to and including the end of file, one line each. */
    static List<String> tokens(TokenSource lexer) {
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            Token t = lexer.nextToken();
            out.add(t.getType() + " ch" + t.getChannel() + " " + t.getStartIndex() + ".." + t.getStopIndex()
                    + " " + t.getLine() + ":" + t.getCharPositionInLine() + " " + GarbageTextTest.quote(t.getText()));
            if (t.getType() == Token.EOF) break;
            assertTrue(i <= 10 * (lexer.getInputStream().size() + 1), "no end of file");
        }
        return out;
    }

    /** ANTLR's lexer, failing on any error it reports (the grammar's ERRCHAR should leave it none). */
    static NetLexer reference(String text) {
        NetLexer lexer = new NetLexer(CharStreams.fromString(text, "t.net"));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object o, int line, int col, String msg, RecognitionException e) {
                throw new AssertionError("ANTLR's lexer reported " + line + ":" + col + " " + msg);
            }
        });
        return lexer;
    }

    static void assertSameTokens(String text) {
        assertEquals(tokens(reference(text)), tokens(new ScannerSource(text, "t.net")), () -> GarbageTextTest.quote(text));
    }

    /** A parse with the scanner and one with ANTLR's lexer: the same errors, printed the same, and the same AST. */
    static void assertSameParse(String text) {
        Diagnostics withScanner = new Diagnostics();
        Diagnostics withAntlr = new Diagnostics();
        var a = AntlrParse.parse("t.net", null, text, withScanner);
        var b = AntlrParse.parse("t.net", null, text, withAntlr, reference(Syntax.lineFeeds(text)));
        assertEquals(b.decls(), a.decls(), () -> GarbageTextTest.quote(text));
        assertEquals(withAntlr.all(), withScanner.all(), () -> GarbageTextTest.quote(text));
        Sources sources = new Sources();
        sources.put("t.net", text);
        DiagnosticPrinter printer = new DiagnosticPrinter(sources);
        StringBuilder printedA = new StringBuilder();
        StringBuilder printedB = new StringBuilder();
        for (Diagnostic d : withScanner.all()) printedA.append(printer.render(d));
        for (Diagnostic d : withAntlr.all()) printedB.append(printer.render(d));
        assertEquals(printedB.toString(), printedA.toString());
    }

    @Test
    void theCorpusScansAsAntlrLexesIt() throws IOException {
        List<Path> files = corpus();
        assertTrue(files.size() > 100, "the corpus is where it should be: " + files.size() + " files");
        for (Path f : files) {
            String text = Files.readString(f);
            assertSameTokens(text);
            assertSameTokens(Syntax.lineFeeds(text));
            assertSameParse(text);
        }
    }

    /** Pieces at the edges of the rules: number forms cut short, escapes, line ends, odd characters. */
    static final List<String> EDGES = List.of(
            "0", "1", "9", "00", "0x", "0X", "0b", "0B", "_", "f", "F", "g", "1_0", "x", "b", "e", "E", "e5", "e+", "E-", "1e",
            "1.", ".5", "?1", "?-1", "0x_", "0b_", "0b2", "\\\n", "\\\r",
            ".", "..", "...", "+", "-", "--", "?", "?-", "?.", "\"", "\\", "\\\"", "\"\"", "'", "#", "/", "//", "/*",
            "a", "in", "int", "import", "imports", "wire", "for", "neuron", "circuit", "test", "check", "within", "feedback",
            "=", "==", "!", "!=", "<", "<<", "<=", "<-", ">", ">>", ">=", "->", "&", "|", "^", "~", "%", "*", ":", ";", ",",
            "(", ")", "[", "]", "{", "}", "@", "$", "`", "é", "\u0000", "\u00A0", "\uFEFF", "\uD83D\uDE00", "\uD800", "\uDC00",
            "\uFFFF", " ", "\t", "\f", "\u000B", "\n", "\r", "\r\n", "\n\r");

    /** 0-40 pieces of {@link #EDGES} in a row, so that every piece meets every other. */
    static Gen<String> edges() {
        Gen<String> g = in -> {
            StringBuilder sb = new StringBuilder();
            for (int n = Circuits.draw(in, 0, 40); n > 0; n--) sb.append(EDGES.get(Circuits.draw(in, 0, EDGES.size() - 1)));
            return sb.toString();
        };
        return g.describedAs(GarbageTextTest::quote);
    }

    /** 0-14 characters of number forms ({@code 0x1F}, {@code ?-1.5e+3}) in any order: every way to cut one short. */
    static Gen<String> numberish() {
        String chars = "0123456789.eE+-xXbB_aAfF? \n";
        Gen<String> g = in -> {
            StringBuilder sb = new StringBuilder();
            for (int n = Circuits.draw(in, 0, 14); n > 0; n--) sb.append(chars.charAt(Circuits.draw(in, 0, chars.length() - 1)));
            return sb.toString();
        };
        return g.describedAs(GarbageTextTest::quote);
    }

    /** A file of the corpus with 1-6 characters deleted, replaced or inserted (pieces of {@link #EDGES}). */
    static Gen<String> mutatedCorpus() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path f : corpus()) texts.add(Files.readString(f));
        Gen<String> g = in -> {
            StringBuilder sb = new StringBuilder(texts.get(Circuits.draw(in, 0, texts.size() - 1)));
            for (int n = Circuits.draw(in, 1, 6); n > 0; n--) {
                int at = Circuits.draw(in, 0, sb.length());
                String piece = EDGES.get(Circuits.draw(in, 0, EDGES.size() - 1));
                switch (Circuits.draw(in, 0, 2)) {
                    case 0 -> {
                        if (at < sb.length()) sb.deleteCharAt(at);
                    }
                    case 1 -> sb.replace(at, Math.min(at + 1, sb.length()), piece);
                    default -> sb.insert(at, piece);
                }
            }
            return sb.toString();
        };
        return g.describedAs(GarbageTextTest::quote);
    }

    @Test
    void edgesScanAsAntlrLexesThem() {
        qt().withFixedSeed(20261127L).withExamples(5000).forAll(edges()).checkAssert(ScannerTest::assertSameTokens);
    }

    @Test
    void numbersScanAsAntlrLexesThem() {
        qt().withFixedSeed(20261201L).withExamples(5000).forAll(numberish()).checkAssert(ScannerTest::assertSameTokens);
    }

    @Test
    void garbageScansAsAntlrLexesIt() {
        qt().withFixedSeed(20261128L).withExamples(500).forAll(GarbageTextTest.texts()).checkAssert(text -> {
            assertSameTokens(text);
            assertSameParse(text);
        });
    }

    @Test
    void mutatedFilesScanAndFailAsWithAntlr() throws IOException {
        qt().withFixedSeed(20261129L).withExamples(300).forAll(mutatedCorpus()).checkAssert(text -> {
            assertSameTokens(text);
            assertSameParse(text);
        });
    }

    @Test
    void edgesParseAsWithAntlr() {
        qt().withFixedSeed(20261130L).withExamples(800).forAll(edges()).checkAssert(ScannerTest::assertSameParse);
    }

    /** The vocabulary the scanner takes its types from is the lexer's. */
    @Test
    void theParsersVocabularyIsTheLexers() {
        assertEquals(NetLexer.VOCABULARY.getMaxTokenType(), NetParser.VOCABULARY.getMaxTokenType());
        for (int i = 0; i <= NetLexer.VOCABULARY.getMaxTokenType(); i++) {
            assertEquals(NetLexer.VOCABULARY.getLiteralName(i), NetParser.VOCABULARY.getLiteralName(i));
            assertEquals(NetLexer.VOCABULARY.getSymbolicName(i), NetParser.VOCABULARY.getSymbolicName(i));
        }
    }

    /** The scanner's written-out table of literal tokens is the parser's vocabulary, type for type. */
    @Test
    void theLiteralTableIsTheVocabulary() {
        for (int i = 0; i <= NetParser.VOCABULARY.getMaxTokenType(); i++) {
            String lit = NetParser.VOCABULARY.getLiteralName(i);
            String mine = i < Literals.LITERAL_NAMES.length && Literals.LITERAL_NAMES[i] != null ? "'" + Literals.LITERAL_NAMES[i] + "'" : null;
            assertEquals(lit, mine, "token type " + i);
        }
        assertTrue(Literals.LITERAL_NAMES.length <= NetParser.VOCABULARY.getMaxTokenType() + 1);
    }
}
