package org.agora.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The output folder being written. Everything goes to a hidden sibling folder first; {@link #commit()}
 * swaps it in place of the old output only when the build succeeded, and {@link #abort()} throws it
 * away, so readers and hosts never see a half-written site.
 */
public final class Staging implements AutoCloseable {

    private final Path target;
    private final Path dir;
    /** Writing straight into a live folder (the preview's), one whole file at a time. */
    private final boolean inPlace;
    /** The files this build put in the folder (written, copied or kept as they were; not the trees kept), by relative path. */
    private final java.util.Set<String> present = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean done;
    /**
     * Writers share it, {@link #abort} and {@link #commit} take it alone: a build that fails in one parallel
     * task still has others writing, and the folder must not be deleted under them (they would create it
     * again, and leave it behind).
     */
    private final java.util.concurrent.locks.ReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();

    private Staging(Path target, Path dir, boolean inPlace) {
        this.target = target;
        this.dir = dir;
        this.inPlace = inPlace;
    }

    public static Staging open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".staging-");
        return new Staging(absolute, dir, false);
    }

    /** A staging that keeps nothing: writes go nowhere ({@code agora check} renders every page but writes none). */
    public static Staging discarding() { return new Staging(null, null, false); }

    /**
     * Writes into an existing output folder, replacing files one by one: the live preview's build after a save,
     * where most files are as the last build left them. Each file is written beside its place and moved over
     * it, so a page being served is always either the old one or the new one, never half of each; a file
     * whose bytes are already there is not written at all, and {@link #removeAllBut} then deletes what the
     * last build wrote and this one did not.
     */
    public static Staging inPlace(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        return new Staging(absolute, absolute, true);
    }

    /** In place: a file the last build wrote, known to be what this one would write, stays as it is. */
    public void keep(String relPath) {
        resolve(relPath);
        present.add(relPath);
    }

    /** The files this build wrote, copied or kept, besides the trees kept ({@link #keepTree}). */
    public java.util.Set<String> present() { return java.util.Set.copyOf(present); }

    /**
     * In place: deletes the files of {@code earlier} (the last build's {@link #present}) this build did not
     * write or keep: a page that is gone, a library data file replaced by one with a new hash.
     */
    public void removeAllBut(java.util.Set<String> earlier) {
        if (!inPlace) return;
        for (String path : earlier) if (!present.contains(path)) delete(path);
    }

    public Path dir() { return dir; }

    /** Whether this writes into a live folder ({@link #inPlace}). */
    public boolean isInPlace() { return inPlace; }

    /** Writes {@code bytes} at {@code relPath}, which the caller has checked stays inside the site. */
    public void write(String relPath, byte[] bytes) { whileOpen(() -> writeOpen(relPath, bytes)); }

    /**
     * Runs a write, unless this stage has no folder: under the read lock, so writes run side by side but never
     * while the stage is committed or aborted, nor after it is closed (unless it writes in place).
     */
    private void whileOpen(Runnable write) {
        if (dir == null) return;
        lock.readLock().lock();
        try {
            if (done && !inPlace) throw new IllegalStateException("the staging folder is closed");
            write.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void writeOpen(String relPath, byte[] bytes) {
        Path file = resolve(relPath);
        if (inPlace) {
            present.add(relPath);
            if (!sameBytes(file, bytes)) replace(file, bytes);
            return;
        }
        present.add(relPath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("written twice: " + relPath, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file to {@code relPath}; like {@link #write}, never over a file this build already wrote. */
    public void copy(String relPath, Path source) { whileOpen(() -> copyOpen(relPath, source)); }

    private void copyOpen(String relPath, Path source) {
        Path file = resolve(relPath);
        try {
            Files.createDirectories(file.getParent());
            if (inPlace) {
                present.add(relPath);
                // Copied with its time: a file of the same size and time as its source is the same file.
                if (!sameFile(file, source)) Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                present.add(relPath);
                // With its time, which a later build in place compares (and a host's sync tool too).
                Files.copy(source, file, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("written twice: " + relPath, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String relPath) { return Files.exists(resolve(relPath)); }

    /**
     * Puts a folder of files already written (the live preview's search index, kept from its last build)
     * at {@code relDir}: hard links where the file system allows, so nothing is copied, else copies.
     */
    public void keepTree(String relDir, Path sourceDir) throws IOException {
        if (dir == null || !Files.isDirectory(sourceDir)) return;
        org.agora.files.FileTrees.linkOrCopy(sourceDir, resolve(relDir), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes a file the site no longer has (in place only: a fresh staging never had it). */
    public void delete(String relPath) {
        if (!inPlace) return;
        try {
            Files.deleteIfExists(resolve(relPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameBytes(Path file, byte[] bytes) {
        try {
            return Files.size(file) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;   // not there (yet): written
        }
    }

    private static boolean sameFile(Path file, Path source) {
        try {
            return Files.size(file) == Files.size(source)
                    && Files.getLastModifiedTime(file).equals(Files.getLastModifiedTime(source));
        } catch (IOException e) {
            return false;
        }
    }

    private static void replace(Path file, byte[] bytes) {
        try {
            org.agora.files.AtomicWrite.replace(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String relPath) {
        Path file = dir.resolve(relPath).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new IllegalArgumentException("path leaves the output folder: " + relPath);
        }
        return file;
    }

    /** Puts the new site in place of the old one; the old one is deleted afterwards. */
    public void commit() throws IOException {
        lock.writeLock().lock();
        try {
            commitAlone();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void commitAlone() throws IOException {
        if (inPlace) {
            done = true;
            return;
        }
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + dir.getFileName().toString()
                    .substring(dir.getFileName().toString().lastIndexOf('-') + 1));
            move(target, old);
        }
        move(dir, target);
        done = true;
        if (old != null) org.agora.files.FileTrees.delete(old);
    }

    public void abort() {
        if (dir == null || inPlace) return;
        lock.writeLock().lock();
        try {
            if (!done) {
                done = true;
                org.agora.files.FileTrees.delete(dir);
            }
        } finally {
            lock.writeLock().unlock();
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

}
