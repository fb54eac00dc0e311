package org.agora.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A folder of the build cache holding one file per key, where a key is a digest of everything the file's
 * content was made from. A key that matches is the same input, so reusing its file is the same as making
 * it again. Writes are atomic (a build killed half-way leaves no half file under a key); a cache that
 * cannot be read or written only costs time; the keys no build asked for since {@link #used} began are
 * removed by {@link #sweep}, so the cache follows the site instead of growing with its history.
 */
public final class CacheFolder {

    private final Path dir;
    private final String suffix;
    private final boolean writable;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    /** @param writable false for a run that must leave the site as it found it ({@code agora check}): it only reads */
    public CacheFolder(Path dir, String suffix, boolean writable) {
        this.dir = dir;
        this.suffix = suffix;
        this.writable = writable;
    }

    /** The file of {@code key}, whether or not it exists; the key counts as used by this build. */
    public Path fileOf(String key) {
        used.add(key);
        return dir.resolve(key.substring(0, 2)).resolve(key.substring(2) + suffix);
    }

    public Optional<byte[]> read(String key) {
        Path file = fileOf(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** @return whether the file is written: not for a run that only reads, nor on a read-only or full disk */
    public boolean write(String key, byte[] bytes) {
        if (!writable) return false;
        try {
            AtomicWrite.replace(fileOf(key), bytes);
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;   // the build goes on, the next one works again
        }
    }

    /** Removes every file whose key this build did not ask for (edited, moved or deleted since). */
    public void sweep() {
        if (!writable || !Files.isDirectory(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                String key = p.getParent().getFileName() + (name.endsWith(suffix)
                        ? name.substring(0, name.length() - suffix.length()) : name);
                if (!used.contains(key)) Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // left for the next build to sweep
        }
    }
}
