package org.agora.content;

import java.nio.file.Path;

/**
 * A file copied as it is into the output (images, PDFs beside the Markdown, static/).
 * @param relPath where it is below content/ or static/, as documents name it ("en/gallery/map.png")
 * @param outputPath where it is published: the same, except that a file in the folder of a language served at
 *                   the root is published at the root too, beside that language's pages ("gallery/map.png")
 */
public record StaticFile(Path file, String relPath, String outputPath) {

    public StaticFile(Path file, String relPath) { this(file, relPath, relPath); }
}
