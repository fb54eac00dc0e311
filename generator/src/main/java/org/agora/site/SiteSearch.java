package org.agora.site;

import org.agora.config.SiteConfig;
import org.agora.search.Excerpts;
import org.agora.search.QueryText;
import org.agora.search.SearchHit;
import org.agora.search.SearchIndex;
import org.agora.search.SearchRequest;
import org.agora.search.SearchResults;
import org.agora.search.Searcher;
import org.agora.search.Synonyms;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built site's search, server side: the Lucene index of every language that the last build left in the cache,
 * with the site's synonyms, answering as the browser's runtime does. {@code agora search} and the tests ask it;
 * the build writes what it reads, so neither needs to know where or how.
 */
public final class SiteSearch implements AutoCloseable {

    private final Map<String, SearchIndex> indexes;
    private final Searcher searcher;

    private SiteSearch(Map<String, SearchIndex> indexes) {
        this.indexes = indexes;
        this.searcher = new Searcher(indexes);
    }

    /** Opens the indexes a build of this site left in {@code cacheDir}; see {@link SiteSearchCache#isStale()}. */
    public static SiteSearch open(SiteConfig config, java.nio.file.Path cacheDir) throws IOException {
        SiteSearchCache cache = new SiteSearchCache(config.siteDir(), cacheDir, config);
        Map<String, SearchIndex> open = new LinkedHashMap<>();
        try {
            for (String code : config.languageCodes()) {
                open.put(code, SearchIndex.open(code, cache.dir(code),
                        Synonyms.parse(code, config.searchSynonyms().getOrDefault(code, List.of()))));
            }
        } catch (IOException | RuntimeException e) {
            new SiteSearch(open).close();
            throw e;
        }
        return new SiteSearch(open);
    }

    public SearchResults search(SearchRequest request) { return searcher.search(request); }

    /** One language's index, for what a result page shows besides the hits. */
    public SearchIndex index(String language) { return indexes.get(language); }

    /**
     * The passage of a hit that shows the query's words, from the attachment it was found in when it was found in
     * one, as the search page's excerpt does; empty when no word is in the text.
     */
    public String excerpt(SearchHit hit, SearchRequest request) throws IOException {
        SearchIndex index = indexes.get(hit.language());
        var plan = index.planner().plan(QueryText.parse(request.query()), request.prefix(), request.filters());
        String text = index.text(hit.doc());
        if (hit.attachment() != null) {
            text = index.attachments(hit.doc()).stream().filter(a -> a.url().equals(hit.attachment().url()))
                    .map(SearchIndex.StoredAttachment::text).findFirst().orElse(text);
        }
        return Excerpts.of(text, Excerpts.terms(plan), Excerpts.analyzer(hit.language(), plan));
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SearchIndex i : indexes.values()) {
            try {
                i.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
