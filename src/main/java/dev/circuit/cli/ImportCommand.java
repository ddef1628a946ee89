package dev.circuit.cli;

import dev.circuit.ast.SourceFile;
import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostics;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import dev.circuit.interop.BenchReader;
import dev.circuit.interop.BlifReader;
import dev.circuit.interop.HackReader;
import dev.circuit.interop.HackRom;
import dev.circuit.interop.Logic;
import dev.circuit.interop.LogicCheck;
import dev.circuit.interop.NetWriter;
import dev.circuit.interop.RomWriter;
import dev.circuit.io.FileKind;
import dev.circuit.print.Printer;
import dev.circuit.syntax.Syntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

// Each description line is one paragraph that picocli wraps at 80 columns (and the first is the
// summary in `circuit --help`, after a 23-column indent): a line break written into a sentence shows
// as a ragged line, and a wrap that falls inside ".net" splits it after the dot.
@Command(name = "import", description = {"Turn a BLIF or ISCAS .bench netlist, or a Hack program, into a circuit of perceptrons.",
        "Gates become threshold neurons in a .net file, followed by a test table"
                + " computed from the gates themselves (up to " + NetWriter.TABLE_INPUTS + " inputs), so 'circuit test'"
                + " checks the import.",
        "Flip-flops (.bench DFF, BLIF .latch and Yosys's flip-flop cells) become dff on the one implicit clock:"
                + " the clock input leaves the ports, and the test is a sequence of " + NetWriter.SEQUENCE_CYCLES + " cycles.",
        "A nand2tetris .hack program (one 16-bit binary word a line) becomes a ROM: a circuit from a 15-bit address"
                + " to a 16-bit word, one decoding neuron per word and one OR neuron per bit, with a table of every word."},
        mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
    private final Env env;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .blif, .bench or .hack file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the .net to OUT (default: standard output).")
    Path output;

    @Option(names = "--nand", description = "Build every gate from NAND perceptrons only.")
    boolean nand;

    @Option(names = "--bits", description = "Keep bit-blasted ports (a[0], a<0>, a_0_ ...) as single bits instead of buses (a[8]).")
    boolean bits;

    ImportCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!ext.equals("blif") && !ext.equals("bench") && !ext.equals("hack")) {
            throw CircuitException.usage(file + ": import reads .blif, .bench and .hack files; say which by the extension");
        }
        if (ext.equals("hack") && (nand || bits)) {
            throw CircuitException.usage((nand ? "--nand" : "--bits") + " is for gate netlists (.blif, .bench); a .hack program becomes a ROM of threshold neurons");
        }
        OutputFile.notAnInput(output, file);
        String shown = file.toString();
        String text = read(file);
        env.sources.put(shown, text);
        String stem = name.substring(0, name.lastIndexOf('.'));
        Diagnostics diags = new Diagnostics();
        if (ext.equals("hack")) {
            HackRom rom = HackReader.read(shown, stem, text, diags);
            diags.check();
            OutputFile.text(env, output, canonical(RomWriter.write(rom, name)));
            return 0;
        }
        Logic logic = ext.equals("blif") ? BlifReader.read(shown, stem, text, diags) : BenchReader.read(shown, stem, text, diags);
        if (!diags.hasErrors()) LogicCheck.check(logic, diags);
        diags.check();
        env.report(diags.warnings());
        OutputFile.text(env, output, canonical(NetWriter.write(logic, nand, !bits, name)));
        return 0;
    }

    /** The written .net in the layout 'circuit fmt' gives, so an imported file is already formatted. */
    private static String canonical(String net) {
        Diagnostics diags = new Diagnostics();
        SourceFile parsed = Syntax.parse("(imported)", Path.of("imported.net"), net, diags);
        if (diags.hasErrors()) throw new IllegalStateException("import wrote a .net that does not parse: " + diags.all());
        return Printer.print(parsed, Syntax.comments("(imported)", net));
    }

    private static String read(Path file) {
        // A pipe or a device may never end (/dev/zero): only regular files are read.
        String special = FileKind.special(file);
        if (special != null) throw new CircuitException(Failure.IO, Pos.file(file.toString()), "cannot read: it is " + special + ", not a regular file");
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CircuitException(Failure.IO, Pos.file(file.toString()), "no such file");
        } catch (IOException e) {
            throw new CircuitException(Failure.IO, Pos.file(file.toString()), "cannot read: " + e.getMessage());
        }
    }
}
