package org.agora.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A file's size and modification time: what the preview compares to tell which files a save changed,
 * without reading them all. An editor's save changes one or the other (times have nanoseconds here).
 */
record FileStamp(long size, java.time.Instant modified) {

    static Optional<FileStamp> of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileStamp(a.size(), a.lastModifiedTime().toInstant()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
