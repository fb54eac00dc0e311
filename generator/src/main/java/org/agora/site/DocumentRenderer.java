package org.agora.site;

import org.agora.diag.Diagnostics;
import org.agora.markdown.MarkdownRenderer;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.search.DocumentText;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The render stages: every page's Markdown, each result handed to the search index as it comes. A document
 * an earlier build rendered from the same inputs comes from the build cache with its problems; so a
 * build's cost follows what changed, whether it is a build from the command line or the preview's after a save.
 */
final class DocumentRenderer {

    private final Library library;
    private final MarkdownRenderer markdown;
    /** Documents earlier builds rendered; null where nothing is kept (a check outside a site, tests). */
    private final DocumentCache cache;
    /** Called before every document: a build that was cancelled stops there. */
    private final Runnable checkpoint;
    /** Whether the build indexes for search: else documents from the cache come without their search text. */
    private final boolean indexing;
    /**
     * What the preview's last build rendered, by document cache key: a build after a save that does not index
     * takes these as they are, without reading the cache files.
     */
    private final Map<String, Remembered> earlier;
    /** What this build rendered, by document cache key, for the preview's next build. */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    /** A rendered document as the preview remembers it: no search text, its HTML where it waits. */
    record Remembered(RenderedMarkdown text, List<org.agora.diag.Diagnostic> problems, RenderedPages.WaitingHtml html) {}

    /** Whether a preview keeps this build for its next one: only then are rendered documents remembered. */
    private final boolean keep;

    DocumentRenderer(Library library, MarkdownRenderer markdown, DocumentCache cache, Runnable checkpoint, boolean indexing,
                     Map<String, Remembered> earlier, boolean keep) {
        this.keep = keep;
        this.library = library;
        this.markdown = markdown;
        this.cache = cache;
        this.checkpoint = checkpoint;
        this.indexing = indexing;
        this.earlier = earlier;
    }

    /** What this build rendered, by document cache key (documents whose HTML waits in the cache only). */
    Map<String, Remembered> remembered() { return Map.copyOf(remembered); }

    /**
     * The texts of home, section and term pages (_index.md): lists and navigation show their summaries, and
     * those with text of their own are indexed for search like documents.
     */
    Map<String, RenderedMarkdown> renderListTexts(Diagnostics diagnostics, BiConsumer<Page, DocumentText.Text> indexer) {
        boolean publishable = !diagnostics.hasErrors();
        Map<String, RenderedMarkdown> texts = new ConcurrentHashMap<>();
        library.pages().parallelStream().filter(p -> p.document() != null && p.kind() != PageKind.PAGE).forEach(p -> {
            RenderedMarkdown body = markdown.render(p.document(), p, diagnostics);
            texts.put(p.path(), body);
            if (publishable && p.isDocument()) indexer.accept(p, DocumentText.of(body.html()));
        });
        return Map.copyOf(texts);
    }

    /**
     * Every document's Markdown, indexed for search; its HTML waits, deflated, for its page. When earlier
     * stages found errors, the Markdown is still checked (one run reports everything) but no HTML is kept,
     * since this build will not be published.
     * @param listTexts the list pages' texts, which the result holds beside the documents'
     */
    RenderedPages renderDocuments(Map<String, RenderedMarkdown> listTexts, Diagnostics diagnostics,
                                  BiConsumer<Page, DocumentText.Text> indexer) {
        boolean publishable = !diagnostics.hasErrors();
        Map<String, RenderedMarkdown> texts = new ConcurrentHashMap<>(listTexts);
        Map<String, RenderedPages.WaitingHtml> html = new ConcurrentHashMap<>();
        library.pages().parallelStream().filter(p -> p.kind() == PageKind.PAGE).forEach(page -> {
            checkpoint.run();
            Rendered rendered = renderedOrCached(page, diagnostics);
            texts.put(page.path(), rendered.document().text());
            if (publishable) {
                html.put(page.path(), rendered.html());
                indexer.accept(page, rendered.document().searchText());
            }
        });
        return new RenderedPages(texts, html);
    }

    /** A document rendered or taken from the cache, and where its HTML waits for its page. */
    private record Rendered(RenderedDocument document, RenderedPages.WaitingHtml html) {}

    /**
     * A document as an earlier build rendered it from the same inputs, its problems reported again; else
     * rendered now, its search text read from the HTML once, and kept for the next build. Its HTML waits
     * in the cache file when there is one, else in memory.
     */
    private Rendered renderedOrCached(Page page, Diagnostics diagnostics) {
        if (page.document() == null) {
            return new Rendered(new RenderedDocument(RenderedMarkdown.empty(), Deflated.of(""), new DocumentText.Text("", ""),
                    List.of()), new RenderedPages.InMemory(Deflated.of("")));
        }
        String key = cache == null ? null : cache.keyOf(page.document());
        if (key != null && !indexing && earlier.containsKey(key)) {
            Remembered r = earlier.get(key);
            r.problems().forEach(diagnostics::add);
            if (keep) remembered.put(key, r);
            return new Rendered(new RenderedDocument(r.text(), new byte[0], new DocumentText.Text("", ""), r.problems()), r.html());
        }
        if (key != null) {
            Optional<RenderedDocument> kept = cache.get(key, indexing);
            if (kept.isPresent()) {
                kept.get().problems().forEach(diagnostics::add);
                return remember(key, new Rendered(kept.get(), inCache(key, page)));
            }
        }
        Diagnostics own = new Diagnostics();
        RenderedMarkdown body = markdown.render(page.document(), page, own);
        RenderedDocument rendered = new RenderedDocument(body.withoutHtml(), Deflated.of(body.html()),
                DocumentText.of(body.html()), own.sorted());
        rendered.problems().forEach(diagnostics::add);
        boolean kept = key != null && cache.put(key, rendered);
        return kept ? remember(key, new Rendered(rendered, inCache(key, page)))
                : new Rendered(rendered, new RenderedPages.InMemory(rendered.html()));
    }

    private Rendered remember(String key, Rendered rendered) {
        if (keep) remembered.put(key, new Remembered(rendered.document().text(), rendered.document().problems(), rendered.html()));
        return rendered;
    }

    private RenderedPages.InCache inCache(String key, Page page) {
        // Should the file be gone when the page is written (swept by a build running beside this one), the
        // Markdown is rendered again: the same input gives the same HTML.
        return new RenderedPages.InCache(cache, key, () -> markdown.render(page.document(), page, new Diagnostics()).html());
    }
}
