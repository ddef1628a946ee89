package dev.circuit.print;

import dev.circuit.ast.Assign;
import dev.circuit.ast.CheckDecl;
import dev.circuit.ast.CircuitDecl;
import dev.circuit.ast.CircuitRef;
import dev.circuit.ast.Comment;
import dev.circuit.ast.Decl;
import dev.circuit.ast.Expr;
import dev.circuit.ast.ForLoop;
import dev.circuit.ast.Ident;
import dev.circuit.ast.Import;
import dev.circuit.ast.NeuronDecl;
import dev.circuit.ast.Port;
import dev.circuit.ast.Selector;
import dev.circuit.ast.SourceFile;
import dev.circuit.ast.Stmt;
import dev.circuit.ast.TestDecl;
import dev.circuit.ast.FeedbackDecl;
import dev.circuit.ast.WireDecl;
import dev.circuit.diag.Pos;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical layout: four spaces a level, one blank line between top-level declarations (none
 * between imports), blank lines inside blocks kept (at most one), {@code =} aligned in runs of
 * assignments, test tables in aligned columns, {@code *} and {@code /} tight and other operators
 * spaced. The tokens are the source's own, parentheses included, so the printed text parses to the
 * same AST. Comments stay where they were relative to the code: on their own line before the next
 * thing, or at the end of a line.
 */
public final class Printer {
    private static final String INDENT = "    ";

    private final SourceText src;
    private final Deque<Comment> pending;
    private final StringBuilder sb = new StringBuilder();
    /** True right after a '{' or at the start of the file: no blank line goes there. */
    private boolean atStart = true;

    /** The line of the last thing printed: a statement after ';' on the same line gets no blank line before it. */
    private int lastLine;

    /** The comments' lines in order, and which of them are a comment's own line: where the output will hold a comment line. */
    private final int[] commentLines;
    private final boolean[] ownLine;

    private Printer(SourceFile file, List<Comment> comments) {
        this.src = new SourceText(file.text());
        this.pending = new ArrayDeque<>(comments);
        this.commentLines = new int[comments.size()];
        this.ownLine = new boolean[comments.size()];
        for (int i = 0; i < comments.size(); i++) {
            commentLines[i] = comments.get(i).pos().line();
            ownLine[i] = src.ownLine(comments.get(i));
        }
    }

    /** The canonical text of a parsed file and its comments (from {@code Syntax.comments}). */
    public static String print(SourceFile file, List<Comment> comments) {
        return new Printer(file, comments).file(file);
    }

    private String file(SourceFile f) {
        List<Decl> decls = f.decls();
        for (int i = 0; i < decls.size(); i++) {
            Decl d = decls.get(i);
            // Runs of one-line declarations (imports, checks, neurons) stay together, as written.
            boolean grouped = i > 0 && oneLine(d) && d.getClass() == decls.get(i - 1).getClass();
            int next = i + 1 < decls.size() ? decls.get(i + 1).pos().line() : Integer.MAX_VALUE;
            leading(d.pos().line(), "", !grouped);
            decl(d, next);
        }
        // Comments after the last declaration.
        leading(Integer.MAX_VALUE, "", true);
        return sb.toString();
    }

    /**
     * Own-line comments before {@code line} (and stray end-of-line ones), each on its own line at
     * {@code indent}. The first thing printed gets a blank line before it when {@code force} or
     * when the source had one; later comments keep the source's blank lines.
     */
    private void leading(int line, String indent, boolean force) {
        boolean first = true;
        while (!pending.isEmpty() && pending.peek().pos().line() < line) {
            Comment c = pending.poll();
            separate(c.pos().line(), first && force);
            sb.append(indent).append(c.text()).append('\n');
            first = false;
            atStart = false;
        }
        if (line != Integer.MAX_VALUE) separate(line, first && force);
    }

    private void separate(int line, boolean force) {
        if (!atStart && (force || src.blank(line - 1) && line != lastLine)) sb.append('\n');
        atStart = false;
        lastLine = line;
    }

    /** End-of-line comments from {@code from} up to (not including) line {@code until}, appended to the line just printed. */
    private void trailing(int from, int until) {
        List<Comment> tail = new ArrayList<>();
        while (!pending.isEmpty() && pending.peek().pos().line() >= from && pending.peek().pos().line() < until
                && !src.ownLine(pending.peek())) {
            tail.add(pending.poll());
        }
        if (tail.isEmpty()) return;
        // One comment fits at the end of the line; the others go on their own lines above it.
        int end = sb.length() - 1;
        String last = tail.get(tail.size() - 1).text();
        sb.setLength(end);
        sb.append("  ").append(last).append('\n');
        if (tail.size() > 1) {
            int lineStart = sb.lastIndexOf("\n", end - 1) + 1;
            String indent = sb.substring(lineStart).replaceAll("^(\\s*).*\\n$", "$1");
            StringBuilder above = new StringBuilder();
            for (Comment c : tail.subList(0, tail.size() - 1)) above.append(indent).append(c.text()).append('\n');
            sb.insert(lineStart, above);
        }
    }

    private void decl(Decl d, int next) {
        int line = d.pos().line();
        if (d instanceof Import i) {
            sb.append("import \"").append(escape(i.path())).append("\"\n");
            trailing(line, next);
        } else if (d instanceof NeuronDecl n) {
            sb.append("neuron ").append(n.name().name()).append('(')
                    .append(n.params().stream().map(Ident::name).collect(Collectors.joining(", "))).append(") = ")
                    .append(ExprText.of(n.body())).append('\n');
            trailing(line, next);
        } else if (d instanceof CheckDecl c) {
            sb.append("check ").append(ref(c.target()));
            if (c.cycles() != null) sb.append(" for ").append(ExprText.of(c.cycles())).append(" cycles");
            sb.append(": ").append(ExprText.of(c.property())).append('\n');
            trailing(line, next);
        } else if (d instanceof CircuitDecl c) {
            sb.append("circuit ").append(c.name().name());
            if (!c.typeParams().isEmpty()) {
                sb.append('<').append(c.typeParams().stream().map(Ident::name).collect(Collectors.joining(", "))).append('>');
            }
            // One output goes without parentheses (-> y), as people write it; several need them.
            String outs = c.outputs().size() == 1 ? ports(c.outputs()) : "(" + ports(c.outputs()) + ")";
            sb.append('(').append(ports(c.inputs())).append(") -> ").append(outs).append(" {\n");
            block(c.pos(), c.body(), INDENT);
        } else if (d instanceof TestDecl t) {
            test(t);
        }
    }

    /** The statements of a block whose header was just printed, then its closing brace. */
    private void block(Pos header, List<Stmt> body, String indent) {
        int close = src.closeLine(header);
        int first = body.isEmpty() ? close : body.get(0).pos().line();
        trailing(header.line(), first);
        atStart = true;
        int[] widths = alignWidths(body, close);
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            int next = i + 1 < body.size() ? body.get(i + 1).pos().line() : close;
            leading(s.pos().line(), indent, false);
            if (s instanceof Assign a) {
                // Align '=' over the run of one-line assignments this one starts or continues.
                sb.append(indent).append(pad(targets(a), widths[i])).append(" = ").append(ExprText.of(a.value())).append('\n');
                trailing(s.pos().line(), next);
            } else if (s instanceof WireDecl w) {
                sb.append(indent).append("wire ").append(ports(w.wires())).append('\n');
                trailing(s.pos().line(), next);
            } else if (s instanceof FeedbackDecl f) {
                sb.append(indent).append("feedback ").append(f.wires().stream()
                        .map(w -> ports(List.of(w.port())) + (w.init() == null ? "" : " = " + w.text()))
                        .collect(Collectors.joining(", "))).append('\n');
                trailing(s.pos().line(), next);
            } else if (s instanceof ForLoop f) {
                sb.append(indent).append("for ").append(f.var().name()).append(" in ").append(ExprText.of(f.from())).append("..")
                        .append(ExprText.of(f.to())).append(" {\n");
                block(f.pos(), f.body(), indent + INDENT);
            }
        }
        leading(close, indent, false);
        String outer = indent.substring(INDENT.length());
        sb.append(outer).append("}\n");
        trailing(close, close + 1);
        atStart = false;
    }

    /**
     * The target width each assignment pads to: the widest target in its run of assignments, a run
     * being broken by a blank line, a comment of its own, or another kind of statement. One pass over
     * the block, so a long block costs no more per line than a short one.
     */
    private int[] alignWidths(List<Stmt> body, int close) {
        int[] widths = new int[body.size()];
        int i = 0;
        while (i < body.size()) {
            if (!(body.get(i) instanceof Assign)) {
                i++;
                continue;
            }
            int hi = i;
            while (hi + 1 < body.size() && body.get(hi + 1) instanceof Assign
                    && joined(body.get(hi), body.get(hi + 1), hi + 2 < body.size() ? body.get(hi + 2).pos().line() : close)) {
                hi++;
            }
            int w = 0;
            for (int k = i; k <= hi; k++) w = Math.max(w, targets((Assign) body.get(k)).length());
            for (int k = i; k <= hi; k++) widths[k] = w;
            i = hi + 1;
        }
        return widths;
    }

    /**
     * Whether {@code b} will be printed on the line right after {@code a} ({@code afterB}: the line
     * where what follows {@code b} starts). It is decided by what the output will hold, not by
     * the source's line numbers: a statement split over lines is one line once printed, so
     * {@code y =} on one line and its value on the next still aligns with the statement below,
     * and formatting the formatted text aligns the same way. Between the two there is nothing
     * when a's comments all fit at the end of its line ({@link #trailing}), no blank line precedes
     * b, and b's comments do not spill onto lines above it.
     */
    private boolean joined(Stmt a, Stmt b, int afterB) {
        int from = a.pos().line();
        int to = b.pos().line();
        return tailCount(from, to) == commentsIn(from, to) && !(src.blank(to - 1) && to != from) && tailCount(to, afterB) <= 1;
    }

    /** How many comments {@link #trailing}{@code (from, until)} takes: the first ones of the lines, up to one of a line of its own. */
    private int tailCount(int from, int until) {
        int n = 0;
        for (int i = firstComment(from); i < commentLines.length && commentLines[i] < until && !ownLine[i]; i++) n++;
        return n;
    }

    private int commentsIn(int from, int until) {
        int i = firstComment(from);
        int n = 0;
        while (i + n < commentLines.length && commentLines[i + n] < until) n++;
        return n;
    }

    /** The index of the first comment on or after {@code line}. */
    private int firstComment(int line) {
        int lo = 0;
        int hi = commentLines.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (commentLines[mid] < line) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void test(TestDecl t) {
        sb.append("test ").append(ref(t.target()));
        if (t.sequence()) sb.append(" sequence");
        if (t.tolerance() != null) sb.append(" within ").append(ExprText.number(t.tolerance()));
        sb.append(" {\n");
        int close = src.closeLine(t.pos());
        List<Integer> lines = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        if (!t.inputs().isEmpty() || !t.outputs().isEmpty()) {
            List<String> h = new ArrayList<>();
            t.inputs().forEach(i -> h.add(i.name()));
            h.add("|");
            t.outputs().forEach(o -> h.add(o.name()));
            cells.add(h);
            Ident first = !t.inputs().isEmpty() ? t.inputs().get(0) : t.outputs().get(0);
            lines.add(first.pos().line());
        }
        for (TestDecl.Row r : t.rows()) {
            List<String> c = new ArrayList<>();
            r.inputs().forEach(x -> c.add(cell(x)));
            c.add("|");
            r.outputs().forEach(x -> c.add(cell(x)));
            cells.add(c);
            lines.add(r.pos().line());
        }
        int cols = cells.stream().mapToInt(List::size).max().orElse(0);
        int bar = cells.isEmpty() ? 0 : cells.get(0).indexOf("|");
        int[] w = new int[cols];
        boolean regular = cells.stream().allMatch(c -> c.size() == cols && c.indexOf("|") == bar);
        if (regular) for (List<String> c : cells) for (int k = 0; k < cols; k++) w[k] = Math.max(w[k], c.get(k).length());
        trailing(t.pos().line(), lines.isEmpty() ? close : lines.get(0));
        atStart = true;
        for (int i = 0; i < cells.size(); i++) {
            leading(lines.get(i), INDENT, false);
            StringBuilder row = new StringBuilder(INDENT);
            List<String> c = cells.get(i);
            for (int k = 0; k < c.size(); k++) {
                if (k > 0) row.append(' ');
                row.append(c.get(k)).append(regular ? " ".repeat(w[k] - c.get(k).length()) : "");
            }
            sb.append(row.toString().stripTrailing()).append('\n');
            trailing(lines.get(i), i + 1 < lines.size() ? lines.get(i + 1) : close);
        }
        leading(close, INDENT, false);
        sb.append("}\n");
        trailing(close, close + 1);
        atStart = false;
    }

    private static String cell(TestDecl.Cell c) {
        // A cell keeps its spelling: 0b0100 says which bit is set better than 4 does.
        if (c.isAny()) return "X";
        return c.text() != null ? c.text() : ExprText.number(c.value());
    }

    private static String targets(Assign a) {
        String ts = a.targets().stream().map(t -> t.name() + ExprText.selector(t.selector())).collect(Collectors.joining(", "));
        return a.targets().size() > 1 ? "(" + ts + ")" : ts;
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String ports(List<Port> ps) {
        return ps.stream().map(p -> p.name() + (p.width() == null ? "" : "[" + ExprText.of(p.width()) + "]")).collect(Collectors.joining(", "));
    }

    private static String ref(CircuitRef r) {
        return r.name() + ExprText.typeArgs(r.args());
    }


    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static boolean oneLine(Decl d) {
        return d instanceof Import || d instanceof CheckDecl || d instanceof NeuronDecl;
    }
}
