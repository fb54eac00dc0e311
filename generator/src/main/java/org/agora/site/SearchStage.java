package org.agora.site;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.SiteUrls;
import org.agora.content.Slugs;
import org.agora.search.DocumentText;
import org.agora.search.IndexBuilder;
import org.agora.search.SearchDocument;
import org.agora.search.SearchFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search part of a build: documents go into each language's Lucene index (in the build cache) as
 * they are rendered; at the end the related lists are drawn from the indexes ({@link RelatedLists}) and the
 * indexes are exported into the output's search folder with the browser runtime ({@link SearchExport}).
 */
final class SearchStage implements AutoCloseable {

    private final Library library;
    private final SiteConfig config;
    private final Messages messages;
    private final Map<String, LocaleFormats> formats;
    private final SiteUrls urls;
    private final Path cacheDir;
    private final AttachmentTexts attachments;
    private final Map<String, IndexBuilder> builders = new LinkedHashMap<>();
    /** Searchable documents of all languages, by which search.packs: auto decides before the export. */
    private final java.util.concurrent.atomic.AtomicLong documents = new java.util.concurrent.atomic.AtomicLong();
    /** language, field, value → label, gathered while documents arrive. */
    private final Map<String, String> valueLabels = new ConcurrentHashMap<>();

    SearchStage(Library library, Messages messages, Map<String, LocaleFormats> formats, AttachmentTexts attachments,
                Path cacheDir) throws IOException {
        this.library = library;
        this.attachments = attachments;
        this.config = library.config();
        this.messages = messages;
        this.formats = formats;
        this.urls = SiteUrls.of(config);
        Path shared = SiteSearchCache.root(cacheDir);
        Path own = null;
        try {
            openBuilders(shared);
        } catch (org.apache.lucene.store.LockObtainFailedException | java.nio.file.FileSystemException e) {
            // Another build holds the cache (a preview server and a build of one site), or the site folder is
            // read-only: this build indexes in a folder of its own instead, from scratch, and still succeeds.
            closeBuilders();
            own = Files.createTempDirectory("agora-search-");
            openBuilders(own);
        } catch (IOException e) {
            // A damaged cache (a build killed while writing it, say) is rebuilt rather than worked around.
            closeBuilders();
            org.agora.files.FileTrees.delete(shared);
            openBuilders(shared);
        }
        this.cacheDir = own != null ? own : shared;
        this.temporaryCache = own;
    }

    private final Path temporaryCache;

    private void openBuilders(Path dir) throws IOException {
        for (LanguageConfig l : config.languages()) builders.put(l.code(), IndexBuilder.open(l.code(), dir.resolve(l.code())));
    }

    private void closeBuilders() {
        for (IndexBuilder b : builders.values()) {
            try {
                b.close();
            } catch (IOException ignored) {
                // closing what could not be opened completely: nothing left to save
            }
        }
        builders.clear();
    }

    /** Called from the render threads for every document. */
    void add(Page page, DocumentText.Text text) {
        IndexBuilder builder = builders.get(page.language());
        Map<String, List<String>> facets = new TreeMap<>();
        String lang = page.language();
        if (page.type() != null) {
            facets.put(SearchFields.TYPE, List.of(page.type()));
            valueLabels.putIfAbsent(key(lang, SearchFields.TYPE, page.type()), messages.label(lang, "type", page.type()));
        }
        String date = null;
        String dateText = null;
        long sortDate = Long.MIN_VALUE;
        if (page.date() != null) {
            date = page.date().date().toString();
            dateText = formats.get(lang).date(page.date());
            sortDate = page.date().date().toEpochDay();
            facets.put(SearchFields.YEAR, List.of(Integer.toString(page.date().date().getYear())));
        }
        for (String taxonomy : config.taxonomies()) {
            List<String> values = new ArrayList<>();
            for (String raw : page.terms().getOrDefault(taxonomy, List.of())) {
                String slug = Slugs.term(taxonomy, raw);
                if (values.contains(slug)) continue;
                values.add(slug);
                String label = library.term(taxonomy, raw, lang).map(t -> t.label()).orElse(raw);
                valueLabels.putIfAbsent(key(lang, taxonomy, slug), label);
            }
            if (!values.isEmpty()) facets.put(taxonomy, values);
        }
        String summary = page.summary() != null && !page.summary().isBlank() ? page.summary() : null;
        documents.incrementAndGet();
        builder.add(new SearchDocument(page.path(), lang, urls.href(page.path()), page.title(), text.headings(),
                summary, text.body(), date, dateText, sortDate, facets, attachments.of(page.path()),
                library.translationOf(page).filter(t -> t.byMachine()).map(t -> t.method().word()).orElse(null)));
    }

    /**
     * Up to {@code max} related documents for every document, found once all are indexed ({@link RelatedLists}).
     * @return page path → related page paths, best first
     */
    Map<String, List<String>> related(int max) throws IOException {
        return new RelatedLists(library, builders, cacheDir).compute(max);
    }

    /**
     * Finishes the indexes and writes {@code search/} into the output; {@code otherFiles} is the number of
     * files the site publishes besides search, by which {@code search.packs: auto} decides.
     */
    void export(Path outputDir, int otherFiles) throws IOException {
        new SearchExport(config, messages, builders, documents.get(), valueLabels, cacheDir).write(outputDir, otherFiles);
    }

    static String key(String lang, String field, String value) { return lang + '\u0000' + field + '\u0000' + value; }

    @Override
    public void close() {
        IOException failed = null;
        for (IndexBuilder b : builders.values()) {
            try {
                b.close();
            } catch (IOException e) {
                failed = e; // close the others first
            }
        }
        if (temporaryCache != null) org.agora.files.FileTrees.delete(temporaryCache);
        if (failed != null) throw new UncheckedIOException(failed);
    }
}
