package org.agora.site;

import org.agora.config.SiteConfig;
import org.agora.content.ParsedDocument;
import org.agora.model.Library;
import org.agora.render.ThemeLoader;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A successful build as the live preview keeps it in memory, for the next build after a change
 * ({@link SiteBuilder#rebuildKeeping}): the configuration and the theme ready to render, the parsed
 * sources with the stamps they had, the library linked from them and each document's related documents.
 * It owns the theme loader (a theme inside the generator's jar stays open) until closed.
 * @param sources each Markdown file's stamp and parsed document, by path below content/
 * @param staticFiles each file beside the content's stamp, by its path in the output
 * @param related each document's related documents (page paths, best first), by document path
 * @param output what the build left in the output folder, so that the next one writes only what differs;
 *               empty once a build that failed may have written into it
 * @param documents the documents the build rendered, by build cache key, without search text
 */
public record SiteSnapshot(BuildOptions options, SiteConfig config, ThemeLoader themes, Rendering rendering,
                           Map<String, Source> sources, Map<String, FileStamp> staticFiles, Library library,
                           Map<String, List<String>> related, Optional<Output> output,
                           Map<String, DocumentRenderer.Remembered> documents) implements AutoCloseable {

    public SiteSnapshot {
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));   // the scanner's order
        staticFiles = Map.copyOf(staticFiles);
        related = Map.copyOf(related);
        documents = Map.copyOf(documents);
    }

    /**
     * The output folder as a build left it.
     * @param pageKeys the page cache key of each page, by output path
     * @param files every file the build wrote, besides the search index
     */
    public record Output(Map<String, String> pageKeys, Set<String> files) {
        public Output {
            pageKeys = Map.copyOf(pageKeys);
            files = Set.copyOf(files);
        }
    }

    /** The same build, after a build that failed in place: the next one writes every file again. */
    public SiteSnapshot outputUnknown() {
        return new SiteSnapshot(options, config, themes, rendering, sources, staticFiles, library, related, Optional.empty(),
                documents);
    }

    /** A Markdown file as it was when it was read. */
    record Source(FileStamp stamp, ParsedDocument document) {}

    @Override
    public void close() { themes.close(); }
}
