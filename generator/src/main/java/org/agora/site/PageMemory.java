package org.agora.site;

import org.agora.markdown.RenderedMarkdown;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What rendering learns about pages that other pages show: each page's rendered Markdown (its excerpt,
 * headings and links; a document's HTML is not kept), each document's related documents, and where each
 * language's library data was written. A build fills it; the preview keeps it, so a change renders only the
 * documents it touches and still lists the others.
 * @param texts rendered Markdown by page path
 * @param related related documents' paths by document path
 * @param libraryData the URL of each language's library data, by language
 * @param libraryFiles the output paths of each language's library data files, by language
 */
record PageMemory(Map<String, RenderedMarkdown> texts, Map<String, List<String>> related,
                  Map<String, String> libraryData, Map<String, Set<String>> libraryFiles) {

    static PageMemory empty() {
        return new PageMemory(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>());
    }

    /** A copy to change, so a rebuild that fails leaves the last good memory as it was. */
    PageMemory copy() {
        return new PageMemory(new ConcurrentHashMap<>(texts), new ConcurrentHashMap<>(related),
                new ConcurrentHashMap<>(libraryData), new ConcurrentHashMap<>(libraryFiles));
    }
}
