package org.agora.site;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.content.Slugs;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.search.IndexBuilder;
import org.agora.search.RelatedDocuments;
import org.apache.lucene.index.DirectoryReader;

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
 * The "related documents" lists of every page, computed from the finished indexes and kept in the search cache
 * per language: documents of the page's language first, then those its readers get from a fallback language;
 * never the document itself or one of its translations.
 */
final class RelatedLists {

    private final Library library;
    private final SiteConfig config;
    private final Map<String, IndexBuilder> builders;
    private final Path cacheDir;

    RelatedLists(Library library, Map<String, IndexBuilder> builders, Path cacheDir) {
        this.library = library;
        this.config = library.config();
        this.builders = builders;
        this.cacheDir = cacheDir;
    }

    /**
     * Up to {@code max} related documents for every document, found once all are indexed: documents of the
     * page's language first, then those its readers get from a fallback language; never the document itself
     * or one of its translations.
     * @return page path → related page paths, best first
     */
    Map<String, List<String>> compute(int max) throws IOException {
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
        library.listing(library.byPath().get(library.libraryPath(language))).forEach(p -> what.add(p.path()));
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
        library.listing(library.byPath().get(library.libraryPath(code))).forEach(p -> visible.add(p.path()));
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

}
