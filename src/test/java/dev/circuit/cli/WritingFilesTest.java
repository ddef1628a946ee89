package dev.circuit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands that write files (-o, --in-place) do to what stands at the path: all files of a
 * training run or none, links written through, special files refused, and errors that name the
 * user's path and the system's reason.
 */
class WritingFilesTest {
    @TempDir
    Path tmp;

    static final String CELL = "neuron cell(a, b) = step(?*a + ?*b + ?)\n";

    /**
     * The learnable coefficients live in an imported file that cannot be written (its path is so long
     * that no temporary file fits beside it: a failure no permission bit can lift, root or not). The
     * main file must stay as it was, not half the trained model.
     */
    @Test
    void trainInPlaceWritesEveryFileOrNone() throws IOException {
        Path dir = tmp.toAbsolutePath();
        StringBuilder rel = new StringBuilder();
        // Grow the folder until cell.net's absolute path is a few bytes under PATH_MAX (4096 with its NUL).
        while (dir.toString().length() + "/cell.net".length() < 4090 - 200) {
            String part = "d".repeat(200);
            dir = dir.resolve(part);
            rel.append(part).append('/');
        }
        String last = "e".repeat(4090 - dir.toString().length() - "/cell.net".length() - 1);
        dir = dir.resolve(last);
        rel.append(last).append('/');
        Files.createDirectories(dir);
        Path cell = dir.resolve("cell.net");
        assertEquals(4090, cell.toString().length());
        Files.writeString(cell, CELL);
        Path top = tmp.resolve("top.net");
        String topText = "import \"" + rel + "cell.net\"\n\ncircuit top(a, b) -> y {\n    t = cell(a, b)\n    y = step(?*t + ?)\n}\n\n"
                + "test top {\n    a b | y\n    0 0 | 0\n    0 1 | 1\n    1 0 | 1\n    1 1 | 1\n}\n";
        Files.writeString(top, topText);
        CliRun r = CliRun.of("train", top.toString(), "--epochs", "5", "--rate", "0.5", "--in-place");
        assertEquals(4, r.code(), r.all());
        assertEquals(topText, Files.readString(top), "the main file is untouched when an imported one cannot be written");
        assertEquals(CELL, Files.readString(cell));
        assertTrue(r.err().contains("cell.net: error: cannot write: file name too long"), r.err());
        assertFalse(r.all().contains(".tmp"), r.all());
        assertFalse(r.out().contains("wrote "), r.out());
        assertNoTemporaryFiles(tmp);
    }

    @Test
    void trainInPlaceWritesBothFilesWhenItCan() throws IOException {
        Path cell = Files.writeString(tmp.resolve("cell.net"), CELL);
        Path top = Files.writeString(tmp.resolve("top.net"), "import \"cell.net\"\n\ncircuit top(a, b) -> y {\n    t = cell(a, b)\n    y = step(?*t + ?)\n}\n");
        CliRun r = CliRun.unchecked("train", top.toString(), "--data", csv().toString(), "--epochs", "2", "--in-place");
        // Two epochs need not learn the table (then the exit code is 1): the learned values are written either way.
        assertTrue(r.code() == 0 || r.code() == 1, r.all());
        assertTrue(r.out().contains("wrote " + top) && r.out().contains("wrote " + cell), r.out());
        assertFalse(Files.readString(cell).contains("?*"), Files.readString(cell));
        assertFalse(Files.readString(top).contains("?*"), Files.readString(top));
        assertNoTemporaryFiles(tmp);
    }

    private Path csv() throws IOException {
        return Files.writeString(tmp.resolve("d.csv"), "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n");
    }

    @Test
    void outputThroughASymlinkReplacesItsTargetAndKeepsTheLink() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.v"), "old\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.v"), Path.of("real.v"));
        CliRun r = CliRun.of("verilog", CliTest.ADDER, "-o", link.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(Files.readString(real).contains("module adder"), Files.readString(real));
        // A link to a file that does not exist yet creates the file it points to.
        Path dangling = Files.createSymbolicLink(tmp.resolve("new.dot"), Path.of("made.dot"));
        assertEquals(0, CliRun.of("dot", CliTest.ADDER, "-o", dangling.toString()).code());
        assertTrue(Files.isSymbolicLink(dangling));
        assertTrue(Files.readString(tmp.resolve("made.dot")).startsWith("digraph"));
        assertNoTemporaryFiles(tmp);
    }

    @Test
    void fmtInPlaceOnASymlinkedFileRewritesTheFileNotTheLink() throws IOException {
        Path real = Files.writeString(tmp.resolve("m.net"), "neuron nand(a,b)=step(-2*a-2*b+3)\n");
        Path link = Files.createSymbolicLink(tmp.resolve("l.net"), real.getFileName());
        assertEquals(0, CliRun.of("fmt", "--in-place", link.toString()).code());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("neuron nand(a, b) = step(-2*a - 2*b + 3)\n", Files.readString(real));
    }

    @Test
    void devicesPipesAndFoldersAreRefusedAndLeftAsTheyWere() throws IOException, InterruptedException {
        // /dev/null through a link of our own: if the refusal ever broke, the link would be replaced, not
        // the machine's /dev/null (which an unguarded run of this test once turned into a regular file).
        Path devNull = Files.createSymbolicLink(tmp.resolve("null.v"), Path.of("/dev/null"));
        CliRun r = CliRun.of("verilog", CliTest.ADDER, "-o", devNull.toString());
        assertEquals(4, r.code());
        assertEquals(devNull + ": error: cannot write: /dev/null, where the link points, is a character device, not a regular file;"
                + " only regular files are replaced\n", r.err());
        assertTrue(Files.isSymbolicLink(devNull));
        assertFalse(Files.isRegularFile(Path.of("/dev/null")));
        Files.delete(devNull); // not left to @TempDir, which warns about a link that leaves the folder

        Path fifo = tmp.resolve("pipe.v");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        r = CliRun.of("verilog", CliTest.ADDER, "-o", fifo.toString());
        assertEquals(4, r.code());
        assertTrue(r.err().contains("pipe.v: error: cannot write: it is a named pipe (FIFO), not a regular file"), r.err());
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the FIFO is still a FIFO");

        Path link = Files.createSymbolicLink(tmp.resolve("to_pipe.v"), fifo);
        r = CliRun.of("verilog", CliTest.ADDER, "-o", link.toString());
        assertTrue(r.err().contains("to_pipe.v: error: cannot write: " + fifo + ", where the link points, is a named pipe (FIFO)"), r.err());

        Path folder = Files.createDirectory(tmp.resolve("out.dot"));
        r = CliRun.of("dot", CliTest.ADDER, "-o", folder.toString());
        assertEquals(4, r.code());
        assertTrue(r.err().contains("out.dot: error: cannot write: it is a folder, not a regular file"), r.err());
        assertTrue(Files.isDirectory(folder));
        assertNoTemporaryFiles(tmp);
    }

    @Test
    void aFailedWriteNamesTheUsersPathAndTheReasonNotTheTemporaryFile() throws IOException {
        Path missing = tmp.resolve("no/such/folder/adder.v");
        CliRun r = CliRun.of("verilog", CliTest.ADDER, "-o", missing.toString());
        assertEquals(4, r.code());
        assertEquals(missing + ": error: cannot write: the folder " + missing.getParent() + " does not exist\n", r.err());
        Path file = Files.writeString(tmp.resolve("plain"), "");
        r = CliRun.of("verilog", CliTest.ADDER, "-o", file.resolve("adder.v").toString());
        assertEquals(4, r.code());
        assertEquals(file.resolve("adder.v") + ": error: cannot write: not a directory\n", r.err());
    }

    /** A trained copy in another folder keeps its imports: they are rewritten to name the same files from there. */
    @Test
    void trainOutputInAnotherFolderRewritesRelativeImports() throws IOException {
        Path out = tmp.resolve("ha.trained.net");
        CliRun r = CliRun.of("train", "circuits/learn/half_adder_learn.net", "--epochs", "1", "-o", out.toString());
        assertEquals(0, r.code(), r.all());
        String written = Files.readString(out);
        String expected = tmp.toRealPath().relativize(Path.of("circuits/nand.net").toRealPath()).toString();
        assertTrue(written.contains("import \"" + expected + "\"\n"), written);
        CliRun t = CliRun.of("test", out.toString());
        assertEquals(0, t.code(), t.all());
        // Beside its source, nothing changes but the learned values.
        Path learn = Files.createDirectories(tmp.resolve("learn"));
        Files.copy(Path.of("circuits/nand.net"), tmp.resolve("nand.net"));
        Path source = Files.copy(Path.of("circuits/learn/half_adder_learn.net"), learn.resolve("ha.net"));
        Path beside = learn.resolve("ha.copy.net");
        assertEquals(0, CliRun.of("train", source.toString(), "--epochs", "1", "-o", beside.toString()).code());
        assertTrue(Files.readString(beside).contains("import \"../nand.net\"\n"), Files.readString(beside));
    }

    private static void assertNoTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "a temporary file was left behind");
        }
    }
}
