package org.agora.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole folder trees: Agora's own (stages, caches, temporary folders), never the editors' content. */
public final class FileTrees {

    private FileTrees() {}

    /** Deletes the folder and everything below it, deepest first; nothing happens when it does not exist. */
    public static void delete(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts every file of the tree {@code from} at the same place below {@code to}: hard links where the file
     * system allows (instant, no space), else copies made with {@code copyOptions}.
     */
    public static void linkOrCopy(Path from, Path to, CopyOption... copyOptions) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.createLink(target, p);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(p, target, copyOptions);
                    }
                }
            }
        }
    }

    /** {@link #delete}, for leftovers in the system's temporary folder, which it cleans itself anyway. */
    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (UncheckedIOException ignored) {
            // harmless: a temporary folder
        }
    }
}
