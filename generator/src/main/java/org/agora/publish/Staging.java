package org.agora.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The output folder being written. Everything goes to a hidden sibling folder first; {@link #commit()}
 * swaps it in place of the old output only when the build succeeded, and {@link #abort()} throws it
 * away, so readers and hosts never see a half-written site.
 */
public final class Staging implements AutoCloseable {

    private final Path target;
    private final Path dir;
    private boolean done;

    private Staging(Path target, Path dir) {
        this.target = target;
        this.dir = dir;
    }

    public static Staging open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".staging-");
        return new Staging(absolute, dir);
    }

    /** A staging that keeps nothing: writes go nowhere ({@code agora check} renders every page but writes none). */
    public static Staging discarding() { return new Staging(null, null); }

    public Path dir() { return dir; }

    /** Writes {@code bytes} at {@code relPath}, which the caller has checked stays inside the site. */
    public void write(String relPath, byte[] bytes) {
        if (dir == null) return;
        Path file = resolve(relPath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("written twice: " + relPath, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void copy(String relPath, Path source) {
        if (dir == null) return;
        Path file = resolve(relPath);
        try {
            Files.createDirectories(file.getParent());
            Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String relPath) { return Files.exists(resolve(relPath)); }

    private Path resolve(String relPath) {
        Path file = dir.resolve(relPath).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new IllegalArgumentException("path leaves the output folder: " + relPath);
        }
        return file;
    }

    /** Puts the new site in place of the old one; the old one is deleted afterwards. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + dir.getFileName().toString()
                    .substring(dir.getFileName().toString().lastIndexOf('-') + 1));
            move(target, old);
        }
        move(dir, target);
        done = true;
        if (old != null) deleteTree(old);
    }

    public void abort() {
        if (!done && dir != null) {
            deleteTree(dir);
            done = true;
        }
    }

    @Override
    public void close() { abort(); }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
