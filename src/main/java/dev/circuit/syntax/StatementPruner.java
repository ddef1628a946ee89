package dev.circuit.syntax;

import dev.circuit.diag.Diagnostics;
import dev.circuit.syntax.gen.NetParser;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns each statement of a block into its AST as soon as the parser finishes it, then drops its
 * subtree and its tokens. A parse tree costs about 2 KB per statement ({@code g1 = nand(g0, y)} is
 * nine contexts, nine tokens and their child lists), so holding the whole tree of a flat file of a
 * million statements while the AST was built took over 2 GB; this way only the AST grows.
 *
 * <p>Only while the file has no syntax error: a broken file gets no AST, and error recovery and
 * messages read the tokens around the error, which are then kept.
 */
final class StatementPruner implements ParseTreeListener {
    private final AstBuilder builder;
    private final Diagnostics diags;
    private final Stream tokens;

    /** The parser's token stream, which can let go of tokens the parser has moved past. */
    static final class Stream extends CommonTokenStream {
        Stream(TokenSource source) {
            super(source);
        }

        /**
         * Forgets tokens {@code from} up to, not including, {@code to}. The parser never reads back
         * past the last token it consumed (LT(-1), which is kept), so it does not miss them.
         */
        void forget(int from, int to) {
            for (int i = Math.max(from, 0); i < to; i++) tokens.set(i, null);
        }
    }

    StatementPruner(AstBuilder builder, Diagnostics diags, Stream tokens) {
        this.builder = builder;
        this.diags = diags;
        this.tokens = tokens;
    }

    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
        if (diags.errorsReported() > 0 || !(ctx.getParent() instanceof NetParser.BlockContext block)) return;
        if (ctx instanceof NetParser.StmtContext s) {
            builder.parsed(block, s);
            tokens.forget(s.start.getTokenIndex(), s.stop.getTokenIndex());
        }
        // The statement, or the separator after it, is the block's last child: nothing reads it again.
        if (ctx instanceof NetParser.StmtContext || ctx instanceof NetParser.SepContext) block.removeLastChild();
    }

    @Override public void visitTerminal(TerminalNode node) {}
    @Override public void visitErrorNode(ErrorNode node) {}
    @Override public void enterEveryRule(ParserRuleContext ctx) {}
}
