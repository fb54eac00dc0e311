package org.agora.site;

import org.agora.markdown.LinkRef;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.Page;
import org.agora.files.Digest;
import org.agora.render.Html;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the render stages hand the link check and the writing stages: every page's rendered Markdown, and
 * where each document's HTML waits for its page.
 * @param texts rendered Markdown by page path: whole for list pages (home, sections, terms), without HTML for
 *              documents (lists show their excerpts, the link check their links)
 * @param html where each document's HTML is, by page path: a page shows related documents, which are known
 *             only once every document is indexed, and 100,000 documents' HTML would not fit in memory
 */
record RenderedPages(Map<String, RenderedMarkdown> texts, Map<String, WaitingHtml> html) {

    RenderedPages {
        texts = Map.copyOf(texts);
        html = Map.copyOf(html);
    }

    /** A document's HTML between its Markdown and its page. */
    sealed interface WaitingHtml {
        /** The HTML as its page prints it, made only if the page is rendered, known meanwhile by a fingerprint. */
        Html content();
    }

    /** Deflated in memory: a build that keeps no cache (a check), or whose cache could not be written. */
    record InMemory(byte[] deflated) implements WaitingHtml {
        public Html content() {
            // Equal HTML deflates the same: the deflated bytes' digest tells pages apart.
            return Html.deferred(Digest.start().add(deflated).hex(), () -> Deflated.text(deflated));
        }
    }

    /**
     * In the document's build cache file, under a key of everything its HTML depends on (so the key is its
     * fingerprint), read again for its page; rendered again should the file be gone meanwhile.
     */
    record InCache(DocumentCache cache, String key, Supplier<String> renderedAgain) implements WaitingHtml {
        public Html content() {
            return Html.deferred("document " + key, () -> cache.html(key).map(Deflated::text).orElseGet(renderedAgain));
        }
    }

    /** A document's rendered Markdown, without its HTML. */
    RenderedMarkdown text(Page page) { return texts.get(page.path()); }

    /** A document's HTML as its page prints it. */
    Html content(Page page) {
        WaitingHtml waiting = html.get(page.path());
        return waiting == null ? Html.of("") : waiting.content();
    }

    /** A list page's rendered text (its _index.md), empty when it has none. */
    RenderedMarkdown list(Page page) { return texts.getOrDefault(page.path(), RenderedMarkdown.empty()); }

    /**
     * The same, without the documents' links and anchors once the links are checked: nothing after needs
     * them, and at 100,000 documents they are some hundreds of MB a build would carry to its end.
     */
    RenderedPages afterLinkCheck() {
        Map<String, RenderedMarkdown> slim = new HashMap<>(texts.size() * 2);
        texts.forEach((path, t) -> slim.put(path, html.containsKey(path)
                ? new RenderedMarkdown(t.html(), t.toc(), t.excerpt(), Set.of(), List.of()) : t));
        return new RenderedPages(slim, html);
    }

    /** Links written in Markdown, for the link check. */
    List<LinkRef> links() {
        return texts.values().stream().flatMap(t -> t.links().stream()).toList();
    }

    /** The ids a link fragment may target, by output file. */
    Map<String, Set<String>> headingIdsByOutput() {
        Map<String, Set<String>> ids = new HashMap<>();
        texts.forEach((path, t) -> ids.put(Page.outputPathOf(path), t.headingIds()));
        return ids;
    }
}
