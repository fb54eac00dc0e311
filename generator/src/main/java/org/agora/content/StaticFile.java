package org.agora.content;

import java.nio.file.Path;

/** A file copied as it is into the output at {@code relPath} (images, PDFs beside the Markdown, static/). */
public record StaticFile(Path file, String relPath) {}
