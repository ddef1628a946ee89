package dev.circuit.io;

import dev.circuit.diag.CircuitException;
import dev.circuit.diag.Diagnostic;
import dev.circuit.diag.Failure;
import dev.circuit.diag.Pos;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a whole file or nothing: the bytes go to a temporary file in the target's folder, which is
 * flushed to disk and then replaces the target in one rename; the folder is flushed after it, so the
 * rename survives a crash too. A symbolic link is written through: its target is replaced and the
 * link stays. Only regular files are replaced: a folder, named pipe, device or socket at the path is
 * refused. {@link #writeAll} does the same for several files at once, all of them or none.
 * Errors name the path the user gave and the operating system's reason, never the temporary file.
 */
public final class AtomicFile {
    /** Links followed before giving up, as Linux's own limit (ELOOP). */
    private static final int MAX_LINKS = 40;

    private AtomicFile() {}

    /** One file to write: where, what, and the name messages give it (the path as the user knows it). */
    public record Entry(Path target, byte[] bytes, String shown) {
        public Entry(Path target, byte[] bytes) {
            this(target, bytes, target.toString());
        }

        public static Entry of(Path target, String text) {
            return new Entry(target, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static void write(Path target, String text) {
        writeAll(List.of(Entry.of(target, text)));
    }

    public static void write(Path target, byte[] bytes) {
        writeAll(List.of(new Entry(target, bytes)));
    }

    /**
     * Writes every entry or none: each temporary file is written and flushed first, and the targets are
     * replaced only once all of them are. If a replacement still fails, the files already replaced get
     * their old contents back.
     */
    public static void writeAll(List<Entry> entries) {
        List<Staged> staged = new ArrayList<>();
        try {
            for (Entry e : entries) staged.add(stage(e, entries.size() > 1));
        } catch (CircuitException ex) {
            staged.forEach(Staged::discard);
            throw ex;
        }
        List<Staged> done = new ArrayList<>();
        for (Staged s : staged) {
            try {
                s.commit();
                done.add(s);
            } catch (IOException ex) {
                staged.forEach(Staged::discard);
                List<String> notRestored = rollBack(done);
                String what = done.isEmpty() ? "" : notRestored.isEmpty() ? " (the files written before it were restored)"
                        : " (could not restore " + String.join(", ", notRestored) + ")";
                throw failure(s.user, reason(ex) + what);
            }
        }
    }

    /** A temporary file written and flushed beside its target, not yet renamed over it. */
    private static final class Staged {
        final String user;
        final Path real;
        final byte[] old;
        Path tmp;

        Staged(String user, Path real, byte[] old) {
            this.user = user;
            this.real = real;
            this.old = old;
        }

        void commit() throws IOException {
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            syncFolder(real.getParent());
        }

        void discard() {
            if (tmp == null) return;
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The write already failed; that is the error worth reporting.
            }
            tmp = null;
        }
    }

    private static Staged stage(Entry e, boolean keepOld) {
        String user = e.shown();
        Path real = throughLinks(e.target(), user);
        byte[] old = null;
        try {
            if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
                BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    throw failure(user, (real.equals(e.target().toAbsolutePath()) ? "it" : real + ", where the link points,")
                            + " is " + FileKind.describe(real, a) + ", not a regular file; only regular files are replaced");
                }
                if (keepOld) old = Files.readAllBytes(real);
            }
        } catch (IOException ex) {
            throw failure(user, reason(ex));
        }
        Staged s = new Staged(user, real, old);
        Path dir = real.getParent();
        try {
            s.tmp = Files.createTempFile(dir, "." + shortened(real.getFileName().toString()) + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(s.tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(e.bytes());
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            keepPermissions(s.tmp, real);
            return s;
        } catch (IOException ex) {
            s.discard();
            if (ex instanceof NoSuchFileException && !Files.isDirectory(dir)) throw failure(user, "the folder " + dir + " does not exist");
            throw failure(user, reason(ex));
        }
    }

    /** Puts back what the replaced files held (or removes the files that were new); returns those it could not. */
    private static List<String> rollBack(List<Staged> done) {
        List<String> failed = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            Staged s = done.get(i);
            try {
                if (s.old == null) {
                    Files.deleteIfExists(s.real);
                } else {
                    Staged back = stage(new Entry(s.real, s.old), false);
                    back.commit();
                }
            } catch (IOException | CircuitException ex) {
                failed.add(s.user);
            }
        }
        return failed;
    }

    /** The file a path finally names: symbolic links followed, even to a target that does not exist yet. */
    private static Path throughLinks(Path target, String user) {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) throw failure(user, "too many levels of symbolic links");
            try {
                p = p.getParent().resolve(Files.readSymbolicLink(p));
            } catch (IOException ex) {
                throw failure(user, reason(ex));
            }
        }
        return p;
    }

    /** Flushes a folder's entries (the rename) to disk; some systems cannot open a folder for that, which is harmless. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // The file itself was flushed before the rename; only the rename's durability is at stake.
        }
    }

    /** The temporary name carries the target's, cut short so that it stays within a file name's 255 bytes. */
    private static String shortened(String name) {
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** The operating system's reason, in the words it gives ("No space left on device"), without any path. */
    static String reason(IOException e) {
        String r;
        if (e instanceof FileSystemException f) {
            r = f.getReason();
            if (r == null) {
                r = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NoSuchFileException ? "no such file or directory"
                        : e.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
            }
        } else {
            r = e.getMessage() == null ? "input/output error" : e.getMessage();
        }
        return r.isEmpty() ? r : Character.toLowerCase(r.charAt(0)) + r.substring(1);
    }

    private static CircuitException failure(String user, String why) {
        return new CircuitException(Failure.IO, List.of(Diagnostic.error(Pos.file(user), "cannot write: " + why)));
    }

    /** A temp file is private (rw-------); the result should look like any other file the user writes. */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }
}
