package org.agora.site;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.SiteUrls;
import org.agora.content.Slugs;
import org.agora.search.AnalysisTables;
import org.agora.search.Synonyms;
import org.agora.search.DocumentText;
import org.agora.search.FacetLabels;
import org.agora.search.IndexBuilder;
import org.agora.search.IndexExporter;
import org.agora.search.RelatedDocuments;
import org.agora.search.SearchDocument;
import org.agora.search.SearchFields;
import org.agora.search.SearchIndex;
import org.apache.lucene.index.DirectoryReader;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
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
 * they are rendered; at the end the indexes are exported into the output's search folder together with
 * the browser runtime.
 */
final class SearchStage implements AutoCloseable {

    /** The runtime's files, shipped in the generator's jar and copied unchanged into every site. */
    static final List<String> RUNTIME = List.of("agora-search.js", "agora-packs.js", "analysis.js", "stem-porter.js",
            "stem-french-light.js", "stem-dutch.js");

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
     * Up to {@code max} related documents for every document, found once all are indexed: documents of the
     * page's language first, then those its readers get from a fallback language; never the document itself
     * or one of its translations.
     * @return page path → related page paths, best first
     */
    Map<String, List<String>> related(int max) throws IOException {
        String themeField = config.taxonomies().contains("themes") ? "themes"
                : config.taxonomies().contains("categories") ? "categories" : null;
        // A language's lists are a function of its index, its fallbacks' indexes and who sees what: kept in the
        // cache under a digest of those, per language, so a build where no document of a language or of its
        // fallbacks changed (a preview restarted, CI re-run, an edit in another language) reuses them.
        Map<String, String> keys = new LinkedHashMap<>();
        for (LanguageConfig l : config.languages()) keys.put(l.code(), relatedKey(l.code(), themeField, max));
        Path cached = cacheDir.resolve("related.json");
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, List<String>>> kept = new java.util.HashMap<>();
        try {
            if (Files.isRegularFile(cached)) {
                json.readTree(cached.toFile()).path("languages").properties().forEach(language -> {
                    if (!language.getValue().path("key").asText().equals(keys.get(language.getKey()))) return;
                    Map<String, List<String>> lists = new java.util.HashMap<>();
                    language.getValue().path("related").properties().forEach(e -> {
                        List<String> paths = new ArrayList<>();
                        e.getValue().forEach(p -> paths.add(p.asText()));
                        lists.put(e.getKey(), List.copyOf(paths));
                    });
                    kept.put(language.getKey(), lists);
                });
            }
        } catch (IOException | RuntimeException e) {
            kept.clear();   // an unreadable cache file is computed again
        }
        java.util.Set<String> stale = new java.util.LinkedHashSet<>(keys.keySet());
        stale.removeAll(kept.keySet());
        if (!stale.isEmpty()) kept.putAll(computeRelated(themeField, max, stale));
        Map<String, Object> languages = new TreeMap<>();
        kept.forEach((code, lists) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", keys.get(code));
            entry.put("related", new TreeMap<>(lists));
            languages.put(code, entry);
        });
        if (!stale.isEmpty()) Files.write(cached, json.writeValueAsBytes(Map.of("languages", languages)));
        Map<String, List<String>> out = new java.util.HashMap<>();
        kept.values().forEach(out::putAll);
        return out;
    }

    /** The languages whose indexes a language's lists read: its own, then its fallbacks'. */
    private List<String> readBy(String language) {
        List<String> out = new ArrayList<>();
        out.add(language);
        config.fallbacksOf(language).forEach(f -> { if (!out.contains(f)) out.add(f); });
        return out;
    }

    private String relatedKey(String language, String themeField, int max) {
        // "related-3": change it with RelatedDocuments' way of choosing, so old lists are not reused.
        org.agora.files.Digest what = org.agora.files.Digest.start().add("related-3").add(themeField).add(max).add(language);
        for (String read : readBy(language)) what.add(read).add(builders.get(read).contentDigest());
        library.listing(library.byPath().get(Library.libraryPath(library.config(), language))).forEach(p -> what.add(p.path()));
        // Translations are never suggested for each other, so the groups are part of the answer too.
        library.pages().stream().filter(Page::isDocument).forEach(p -> what.add(p.path()).add(p.groupKey()));
        return what.hex();
    }

    /**
     * The lists of the pages of {@code languages}, by language. A language's finder holds its index's postings
     * twice over (by word and by document): 1.3 GB for three languages of 85,000 documents each. So a finder
     * lives only while a language that reads it is computed, and most sites (no fallbacks) hold one at a time.
     */
    private Map<String, Map<String, List<String>>> computeRelated(String themeField, int max,
                                                                 java.util.Set<String> languages) throws IOException {
        java.util.Set<String> read = new java.util.LinkedHashSet<>();
        languages.forEach(l -> read.addAll(readBy(l)));
        Map<String, DirectoryReader> readers = new ConcurrentHashMap<>();
        Map<String, RelatedDocuments> finders = new LinkedHashMap<>();
        try {
            // Settling (a merge into one segment) is single-threaded work per language: the languages settle
            // side by side, as the export's merges do. A settled reader itself holds little memory.
            read.parallelStream().forEach(code -> {
                try {
                    readers.put(code, builders.get(code).settledReader());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(languages);
            for (int i = 0; i < order.size(); i++) {
                String code = order.get(i);
                for (String needed : readBy(code)) {
                    if (!finders.containsKey(needed)) finders.put(needed, new RelatedDocuments(needed, readers.remove(needed), themeField));
                }
                out.put(code, listsOf(code, finders, themeField, max));
                java.util.Set<String> later = new java.util.HashSet<>();
                order.subList(i + 1, order.size()).forEach(l -> later.addAll(readBy(l)));
                for (var it = finders.entrySet().iterator(); it.hasNext(); ) {
                    var finder = it.next();
                    if (later.contains(finder.getKey())) continue;
                    finder.getValue().close();
                    it.remove();
                }
            }
            return out;
        } finally {
            for (RelatedDocuments f : finders.values()) f.close();
            for (DirectoryReader r : readers.values()) r.close();
        }
    }

    /** One language's lists, from the finders of the languages it reads. */
    private Map<String, List<String>> listsOf(String code, Map<String, RelatedDocuments> finders, String themeField, int max) {
        java.util.Set<String> visible = new java.util.HashSet<>();
        library.listing(library.byPath().get(Library.libraryPath(library.config(), code))).forEach(p -> visible.add(p.path()));
        // What this language's readers may be shown, in each index's document numbers, once per language.
        Map<String, boolean[]> visibleIn = new LinkedHashMap<>();
        finders.forEach((lang, f) -> visibleIn.put(lang, f.docsAmong(visible)));
        Map<String, List<String>> lists = new ConcurrentHashMap<>();
        library.pagesIn(code).parallelStream()
                .filter(p -> p.kind() == org.agora.model.PageKind.PAGE && finders.get(code).has(p.path()))
                .forEach(page -> {
                    try {
                        lists.put(page.path(), relatedOf(page, visibleIn, finders, themeField, max));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return lists;
    }

    private List<String> relatedOf(Page page, Map<String, boolean[]> visibleIn, Map<String, RelatedDocuments> finders,
                                   String themeField, int max) throws IOException {
        var group = library.groupOf(page);
        java.util.Set<String> excluded = new java.util.HashSet<>();
        group.byLanguage().values().forEach(p -> excluded.add(p.path()));
        List<String> themes = themeField == null ? List.of()
                : page.terms().getOrDefault(themeField, List.of()).stream().map(t -> Slugs.term(themeField, t)).distinct().toList();
        RelatedDocuments own = finders.get(page.language());
        List<String> out = new ArrayList<>();
        for (var r : own.like(own.profile(page.path(), themes), visibleIn.get(page.language()), excluded, max)) out.add(r.path());
        for (String fallback : config.fallbacksOf(page.language())) {
            if (out.size() >= max) break;
            RelatedDocuments other = finders.get(fallback);
            // Compared in the fallback language's own words: through the document's translation there, else
            // its own text analysed as that language's (rare: the page's language seldom has fewer than five).
            var translation = group.in(fallback).filter(t -> other.has(t.path()));
            RelatedDocuments.Profile there = translation.isPresent()
                    ? other.profile(translation.get().path(), themes)
                    : other.profile(own.source(page.path(), themes));
            excluded.addAll(out);
            for (var r : other.like(there, visibleIn.get(fallback), excluded, max - out.size())) out.add(r.path());
        }
        return List.copyOf(out);
    }

    /**
     * Finishes the indexes and writes {@code search/} into the output; {@code otherFiles} is the number of
     * files the site publishes besides search, by which {@code search.packs: auto} decides.
     */
    void export(Path outputDir, int otherFiles) throws IOException {
        Path searchDir = outputDir.resolve(org.agora.search.SearchLayout.OUTPUT_FOLDER);
        Files.createDirectories(searchDir);
        // Decided before anything is exported, from what the build already knows (see Layout.packingFor).
        IndexExporter.Layout.Packing packing = switch (config.searchPacks()) {
            case ALWAYS -> IndexExporter.Layout.Packing.ALL;
            case NEVER -> IndexExporter.Layout.Packing.NONE;
            case AUTO -> IndexExporter.Layout.packingFor(otherFiles, documents.get(), builders.size());
        };
        for (String file : RUNTIME) {
            // The Range reader is imported only by a language with packs: a site without them does not publish it.
            if (file.equals("agora-packs.js") && packing == IndexExporter.Layout.Packing.NONE) continue;
            try (InputStream in = SearchStage.class.getResourceAsStream("/agora/search/" + file)) {
                if (in == null) throw new IllegalStateException("runtime file missing from the generator: " + file);
                Files.write(searchDir.resolve(file), in.readAllBytes());
            }
        }
        ObjectMapper json = new ObjectMapper();
        // Compressed by us like the index files: static hosts rarely compress what they do not know.
        byte[] unicode = IndexExporter.gzip(json.writeValueAsBytes(AnalysisTables.unicode()));
        String unicodeFile = "unicode-" + sha(unicode) + ".bin";
        Files.write(searchDir.resolve(unicodeFile), unicode);
        List<Map<String, String>> languages = new ArrayList<>();
        for (LanguageConfig l : config.languages()) {
            Map<String, String> entry = new LinkedHashMap<>(); // Map.of's order changes from run to run
            entry.put("code", l.code());
            entry.put("label", l.label());
            languages.add(entry);
        }
        IndexExporter exporter = new IndexExporter(labels(), IndexExporter.Layout.DEFAULT.with(packing));
        // Merging a language's index into one segment and exporting it are single-threaded work: the languages
        // run side by side.
        builders.values().parallelStream().forEach(builder -> {
            try {
                builder.finish();
                Synonyms synonyms = Synonyms.parse(builder.language(), config.searchSynonyms().getOrDefault(builder.language(), List.of()));
                try (SearchIndex index = SearchIndex.open(builder.language(), builder.dir(), synonyms)) {
                    Map<String, Object> manifest = exporter.manifest(index, exportFiles(builder, index, exporter, searchDir, json));
                    if (!synonyms.isEmpty()) manifest.put("synonyms", synonyms.groups());
                    manifest.put("label", config.language(builder.language()).label());
                    manifest.put("languages", languages);
                    manifest.put("analysis", AnalysisTables.forLanguage(builder.language()));
                    manifest.put("unicode", unicodeFile);
                    manifest.put("languageFacetLabel", exporter.fieldLabel(builder.language(), SearchFields.LANGUAGE));
                    Files.write(searchDir.resolve(builder.language() + ".json"), json.writeValueAsBytes(manifest));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The exported files of a language: taken from the cache when the index did not change since they
     * were written (most builds of a site where few documents changed), else written and cached.
     */
    private Map<String, Object> exportFiles(IndexBuilder builder, SearchIndex index, IndexExporter exporter, Path searchDir,
                                            ObjectMapper json) throws IOException {
        Path cache = cacheDir.resolve(builder.language() + "-export");
        Path described = cache.resolve("files.json");
        // Keyed by the index commit, not by "nothing changed in this build": a build interrupted between
        // committing the index and exporting it must not leave files of an older index to be reused.
        if (Files.isRegularFile(described)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> files = json.readValue(described.toFile(), LinkedHashMap.class);
            String folder = String.valueOf(files.get("folder"));
            Path cached = cache.resolve(folder);
            if (exporter.layout().key().equals(files.get("layout")) && index.commit().equals(files.get("commit"))
                    && Files.isDirectory(cached)) {
                linkOrCopy(cached, searchDir.resolve(folder));
                files.remove("layout");
                files.remove("commit");
                return files;
            }
        }
        Map<String, Object> files = exporter.exportFiles(index, searchDir);
        org.agora.files.FileTrees.delete(cache);
        String folder = String.valueOf(files.get("folder"));
        linkOrCopy(searchDir.resolve(folder), cache.resolve(folder));
        Map<String, Object> stored = new LinkedHashMap<>(files);
        stored.put("layout", exporter.layout().key());
        stored.put("commit", index.commit());
        Files.write(described, json.writeValueAsBytes(stored));
        return files;
    }

    /** Hard links where the file system allows (instant, no space), copies elsewhere. */
    private static void linkOrCopy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.createLink(target, p);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(p, target);
                    }
                }
            }
        }
    }

    private FacetLabels labels() {
        return new FacetLabels() {
            @Override
            public String field(String language, String field) {
                String key = switch (field) {
                    case SearchFields.TYPE, SearchFields.YEAR, SearchFields.LANGUAGE -> "search.facet." + field;
                    default -> "taxonomy." + field;
                };
                if (messages.has(language, key)) return messages.t(language, key);
                return Character.toUpperCase(field.charAt(0)) + field.substring(1);
            }

            @Override
            public String value(String language, String field, String value) {
                return valueLabels.getOrDefault(key(language, field, value), value);
            }
        };
    }

    private static String key(String lang, String field, String value) { return lang + '\u0000' + field + '\u0000' + value; }

    private static String sha(byte[] bytes) {
        return org.agora.files.Digest.shortSha256(bytes);
    }

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
