package dev.circuit.elab;

import dev.circuit.ast.Import;
import dev.circuit.ast.SourceFile;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.diag.Sources;
import dev.circuit.io.FileKind;
import dev.circuit.syntax.Syntax;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read stage: a file and, transitively, its imports, each parsed once. Import paths are relative
 * to the importing file. A cycle of imports is an error; importing a file twice is harmless.
 */
public final class Loader {
    private final Sources sources;
    private final Diagnostics diags = new Diagnostics();
    private final Map<Path, SourceFile> loaded = new HashMap<>();
    private final List<SourceFile> order = new ArrayList<>();
    private final Deque<Path> stack = new ArrayDeque<>();

    public Loader(Sources sources) {
        this.sources = sources;
    }

    /** Reads {@code file} (as the user named it) and its imports; throws with every error found. */
    public static Program read(Path file, Sources sources) {
        Loader l = new Loader(sources);
        Path real = canonical(file);
        if (!Files.isRegularFile(file)) {
            String why = Files.isDirectory(file) ? "is a directory, not a .net file"
                    : Files.exists(file) ? "not a regular file (a device, pipe or socket), not a .net file" : "no such file";
            throw new CircuitException(Failure.IO, Pos.file(file.toString()), why);
        }
        SourceFile root = l.load(file.toString(), real, null);
        l.diags.check();
        // Body statements are built (and warned about) while the parser runs, tests and checks after
        // it: put the warnings back in the order of the file.
        List<Diagnostic> warnings = new ArrayList<>(l.diags.warnings());
        // (Only when there is something to order: building the comparator links five lambdas, a few
        // milliseconds of a short run that has no warnings.)
        if (warnings.size() > 1) warnings.sort(java.util.Comparator.comparing((Diagnostic d) -> d.pos().file())
                .thenComparingInt(d -> d.pos().line()).thenComparingInt(d -> d.pos().col()));
        return new Program(root, l.order, sources, warnings);
    }

    private SourceFile load(String name, Path real, Import from) {
        SourceFile done = loaded.get(real);
        if (done != null) return done;
        String text;
        try {
            text = readUtf8(real);
        } catch (NoSuchFileException e) {
            // Name the path looked for only when it says more than the import itself.
            diags.error(from.pos(), "cannot import \"" + from.path() + "\": no such file"
                    + (Path.of(name).equals(Path.of(from.path())) ? "" : " (looked for " + name + ")"));
            return null;
        } catch (CharacterCodingException e) {
            diags.error(from == null ? Pos.file(name) : from.pos(), name + " is not valid UTF-8 text");
            return null;
        } catch (IOException e) {
            Pos at = from == null ? Pos.file(name) : from.pos();
            diags.error(at, "cannot read " + name + ": " + e.getMessage());
            return null;
        }
        sources.put(name, text);
        SourceFile file = Syntax.parse(name, real, text, diags);
        loaded.put(real, file);
        stack.push(real);
        for (Import imp : file.decls(Import.class)) {
            Path target;
            String shownName;
            try {
                target = real.getParent().resolve(imp.path()).normalize();
                Path shown = Path.of(name).getParent() == null ? Path.of(imp.path()) : Path.of(name).getParent().resolve(imp.path());
                shownName = shown.normalize().toString();
            } catch (InvalidPathException e) {
                diags.error(imp.pos(), "cannot import " + quoted(imp.path()) + ": not a valid file path"
                        + (imp.path().indexOf('\0') >= 0 ? " (it holds a NUL character)" : ""));
                continue;
            }
            Path targetReal = canonical(target);
            if (stack.contains(targetReal)) {
                diags.add(cycle(imp, shownName, targetReal));
                continue;
            }
            // Only regular files: a pipe or a device may block or never end (/dev/zero).
            String special = FileKind.special(targetReal);
            if (special != null) {
                diags.error(imp.pos(), "cannot import " + quoted(imp.path()) + ": it is " + special + ", not a .net file");
                continue;
            }
            // Another kind of file is not parsed: its syntax errors would quote its lines (/etc/shadow).
            if (!imp.path().toLowerCase(Locale.ROOT).endsWith(".net")) {
                diags.error(imp.pos(), "cannot import " + quoted(imp.path()) + ": only .net files can be imported");
                continue;
            }
            load(shownName, targetReal, imp);
        }
        stack.pop();
        order.add(0, file);
        return file;
    }

    private Diagnostic cycle(Import imp, String shown, Path target) {
        List<String> chain = new ArrayList<>();
        List<Path> st = new ArrayList<>(stack);
        java.util.Collections.reverse(st);
        boolean on = false;
        for (Path p : st) {
            if (p.equals(target)) on = true;
            if (on) chain.add(p.getFileName().toString());
        }
        chain.add(target.getFileName().toString());
        return Diagnostic.error(imp.pos(), "import cycle: " + String.join(" -> ", chain));
    }

    /** A path as written in the source, with control characters escaped so that the message stays one line. */
    private static String quoted(String path) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : path.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c == 0x7f) sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String readUtf8(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        String s = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
