package dev.circuit.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * {@link Scanner}'s tokens as ANTLR's, for the generated parser: what {@code NetLexer} would hand it,
 * field for field ({@code ScannerTest}). Kept apart from the scanner so that the fast path, which
 * reads the scanner directly, loads no ANTLR class.
 */
final class ScannerSource implements TokenSource {
    private final Scanner scanner;
    private final CharStream input;
    private final Pair<TokenSource, CharStream> source;
    private TokenFactory<?> factory = CommonTokenFactory.DEFAULT;

    ScannerSource(String text, String sourceName) {
        this.scanner = new Scanner(text);
        // Tokens read their text from ANTLR's own stream, as the generated lexer's do.
        this.input = CharStreams.fromString(text, sourceName);
        this.source = new Pair<>(this, input);
    }

    @Override
    public Token nextToken() {
        Scanner s = scanner;
        int type = s.next();
        // ANTLR's end of file is the empty token before the end, its stop index one before its start.
        return factory.create(source, type, null, s.hidden ? Token.HIDDEN_CHANNEL : Token.DEFAULT_CHANNEL, s.start, s.end - 1,
                s.startLine, s.startCol);
    }

    @Override public int getLine() { return scanner.line(); }
    @Override public int getCharPositionInLine() { return scanner.col(); }
    @Override public CharStream getInputStream() { return input; }
    @Override public String getSourceName() { return input.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { this.factory = factory; }
    @Override public TokenFactory<?> getTokenFactory() { return factory; }
}
