package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile imports and empty netlists end in an error at their place, never an internal error, a
 * hang or a quoted line of a file that is not a .net file.
 */
class ImportsReadSafelyTest {
    @TempDir
    Path tmp;

    @Test
    void aNulInAnImportPathIsAnErrorAtTheImport() throws IOException {
        Path f = Files.writeString(tmp.resolve("nul.net"), "import \"a\u0000b.net\"\n\nneuron id(a) = linear(a)\n");
        CliRun r = CliRun.of("eval", f.toString(), "1");
        assertEquals(3, r.code(), r.all());
        assertTrue(r.err().startsWith(f + ":1:1: error: cannot import \"a\\x00b.net\": not a valid file path (it holds a NUL character)\n"), r.err());
    }

    /** Reading a named pipe would wait for a writer forever: it is refused without being opened. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNamedPipeIsNotImported() throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("mkfifo", tmp.resolve("pipe.net").toString()).start().waitFor());
        Path f = Files.writeString(tmp.resolve("top.net"), "\nimport \"pipe.net\"\n\nneuron id(a) = linear(a)\n");
        CliRun r = CliRun.of("eval", f.toString(), "1");
        assertEquals(3, r.code(), r.all());
        assertTrue(r.err().startsWith(f + ":2:1: error: cannot import \"pipe.net\": it is a named pipe (FIFO), not a .net file\n"), r.err());
    }

    /** The error names the file and stops there: not one character of it is printed. */
    @Test
    void aFileThatIsNotANetFileIsNotQuoted() throws IOException {
        String secret = "admin:$6$hunter2:19000:0:99999:7:::";
        Files.writeString(tmp.resolve("shadow"), secret + "\n");
        Path f = Files.writeString(tmp.resolve("top.net"), "import \"shadow\"\n");
        CliRun r = CliRun.of("eval", f.toString());
        assertEquals(3, r.code(), r.all());
        assertTrue(r.err().contains("cannot import \"shadow\": only .net files can be imported"), r.err());
        assertFalse(r.all().contains("hunter2"), r.all());
        assertFalse(r.all().contains("admin"), r.all());
    }

    /** A netlist without outputs has nothing to import: an error naming the file, for both formats. */
    @Test
    void netlistsWithoutOutputsAreErrors() throws IOException {
        String[][] cases = {
            {"empty.bench", "", "a .bench circuit needs at least one OUTPUT(name) line"},
            {"comments.bench", "# only a comment\n\n", "a .bench circuit needs at least one OUTPUT(name) line"},
            {"inputs.bench", "INPUT(a)\nINPUT(b)\n", "a .bench circuit needs at least one OUTPUT(name) line"},
            {"empty.blif", "", "a BLIF model needs an .outputs line naming at least one signal"},
            {"comments.blif", "# nothing here\n", "a BLIF model needs an .outputs line naming at least one signal"},
            {"inputs.blif", ".model m\n.inputs a b\n.end\n", "a BLIF model needs an .outputs line naming at least one signal"},
        };
        for (String[] c : cases) {
            Path f = Files.writeString(tmp.resolve(c[0]), c[1]);
            CliRun r = CliRun.of("import", f.toString());
            assertEquals(3, r.code(), c[0] + ": " + r.all());
            assertEquals(f + ": error: no outputs: " + c[2] + "\n", r.err(), c[0]);
            assertEquals("", r.out());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void importReadsOnlyRegularFiles() throws IOException, InterruptedException {
        Path fifo = tmp.resolve("pipe.bench");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun r = CliRun.of("import", fifo.toString());
        assertEquals(4, r.code(), r.all());
        assertEquals(fifo + ": error: cannot read: it is a named pipe (FIFO), not a regular file\n", r.err());
    }
}
