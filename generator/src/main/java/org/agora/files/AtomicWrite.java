package org.agora.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replacing a file whole: a reader (a browser, the next build) sees the old file or the new one, never half of one. */
public final class AtomicWrite {

    private AtomicWrite() {}

    /** Writes {@code bytes} beside {@code file} and moves them over it. */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path next = Files.createTempFile(file.getParent(), ".agora-", ".tmp");
        try {
            Files.write(next, bytes);
            try {
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(next);
        }
    }
}
