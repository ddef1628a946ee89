package dev.circuit.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What stands at a path, in words, when it is not a regular file: reading a named pipe or a device
 * can block or never end ({@code /dev/zero}), and replacing one destroys it, so both are refused by name.
 */
public final class FileKind {
    private FileKind() {}

    /** "a folder", "a named pipe (FIFO)", ... for anything but a regular file (links followed); null for a regular file or nothing. */
    public static String special(Path p) {
        try {
            Path real = p.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? null : describe(real, a);
        } catch (IOException e) {
            return null;
        }
    }

    static String describe(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) return "a folder";
        if (a.isSymbolicLink()) return "a symbolic link";
        try {
            // The Unix file type bits (S_IFMT); "unix:mode" exists on Linux and macOS.
            int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            switch (type) {
                case 0010000: return "a named pipe (FIFO)";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException ignored) {
            // No Unix view: say what is certain.
        }
        return "a special file";
    }
}
