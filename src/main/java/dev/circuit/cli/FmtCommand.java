package dev.circuit.cli;

import dev.circuit.ast.SourceFile;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.print.Printer;
import dev.circuit.syntax.Syntax;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fmt", description = {"Print a .net file in the canonical layout, comments kept.",
        "--check lists files that are not formatted (exit 1); --in-place rewrites them.",
        "With either, a folder stands for every .net file in it (searched recursively)."},
        mixinStandardHelpOptions = true)
final class FmtCommand implements Callable<Integer> {
    private final Env env;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "The .net files (and, with --check or --in-place, folders).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--check", description = "Change nothing; name each file whose layout is not canonical and exit 1 if any.")
    boolean check;

    @Option(names = {"-i", "--in-place"}, description = "Rewrite each file in the canonical layout (atomically; unchanged files are not touched).")
    boolean inPlace;

    FmtCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (check && inPlace) throw CircuitException.usage("--check and --in-place exclude each other");
        if (!check && !inPlace && (paths.size() > 1 || Files.isDirectory(paths.get(0)))) {
            throw CircuitException.usage("give one file to print, or use --check or --in-place");
        }
        List<Path> files = NetPaths.expand(paths);
        List<String[]> texts = new ArrayList<>();
        Diagnostics diags = new Diagnostics();
        for (Path f : files) {
            String name = f.toString();
            String text = read(f);
            env.sources.put(name, text);
            SourceFile parsed = Syntax.parse(name, f.toAbsolutePath(), text, diags);
            texts.add(new String[] {name, text, diags.hasErrors() ? null : Printer.print(parsed, Syntax.comments(name, text))});
        }
        // A file with a syntax error is never rewritten: there is no AST to print.
        diags.check();
        int unformatted = 0;
        for (int i = 0; i < files.size(); i++) {
            String[] t = texts.get(i);
            boolean same = t[1].equals(t[2]);
            if (check) {
                if (!same) {
                    env.out.println(t[0]);
                    unformatted++;
                }
            } else if (inPlace) {
                if (!same) OutputFile.write(files.get(i), t[2].getBytes(StandardCharsets.UTF_8));
            } else {
                env.out.print(t[2]);
            }
        }
        env.out.flush();
        return check && unformatted > 0 ? Failure.TEST_FAILED.exitCode : 0;
    }

    private static String read(Path f) {
        try {
            String s = Files.readString(f, StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (NoSuchFileException e) {
            throw new CircuitException(Failure.IO, Pos.file(f.toString()), "no such file");
        } catch (CharacterCodingException e) {
            throw new CircuitException(Failure.INVALID_INPUT, Pos.file(f.toString()), "not valid UTF-8 text");
        } catch (IOException e) {
            throw new CircuitException(Failure.IO, Pos.file(f.toString()), "cannot read: " + e.getMessage());
        }
    }
}
