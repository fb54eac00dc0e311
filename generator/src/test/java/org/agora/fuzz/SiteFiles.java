package org.agora.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Writing a generated site's files, creating folders as needed. */
final class SiteFiles {

    /** A real 1×1 PNG, so that pictures are pictures. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private SiteFiles() {}

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void write(Path file, String text) { write(file, text.getBytes(StandardCharsets.UTF_8)); }

    static void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link " + link, e);
        }
    }

    /**
     * Deletes a folder, trying again when files appear in it meanwhile: a failed build's parallel tasks may
     * still be writing into its staging folder after the build returned.
     */
    static void deleteTree(Path root) {
        for (int attempt = 1; ; attempt++) {
            if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                return;
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 5) throw new UncheckedIOException("cannot delete " + root, e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
                java.util.concurrent.ForkJoinPool.commonPool().awaitQuiescence(2, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /** A copy that keeps symbolic links as links, so that a kept failing site shows its traps as they were. */
    static void copyTree(Path from, Path to) {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }
}
