package org.agora.content;

import java.util.List;

/** Everything the scanner found, sorted by path so builds are reproducible. */
public record ContentSet(List<SourceFile> markdown, List<StaticFile> staticFiles) {
    public ContentSet {
        markdown = List.copyOf(markdown);
        staticFiles = List.copyOf(staticFiles);
    }
}
