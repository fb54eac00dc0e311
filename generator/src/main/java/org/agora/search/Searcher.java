package org.agora.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Searches the Lucene indexes with the semantics the browser runtime repeats: the plan of
 * {@link QueryPlanner}, Lucene's BM25 scores, ties broken by document number (newest first), and with
 * all languages, each language's own analysis and index, merged by score, then language order.
 */
public final class Searcher {

    private final Map<String, SearchIndex> indexes;

    /** @param indexes by language code, in the site's language order */
    public Searcher(Map<String, SearchIndex> indexes) {
        this.indexes = new LinkedHashMap<>(indexes);
    }

    public SearchResults search(SearchRequest request) {
        List<String> languages = request.allLanguages() ? List.copyOf(indexes.keySet()) : List.of(request.language());
        // The language facet (all languages) chooses indexes; documents carry no language field to filter on.
        Map<String, List<String>> filters = new java.util.TreeMap<>(request.filters());
        List<String> chosen = filters.remove(SearchFields.LANGUAGE);
        if (chosen != null && request.allLanguages()) languages = languages.stream().filter(chosen::contains).toList();
        QueryText text = QueryText.parse(request.query());
        long wantedLong = (long) request.page() * request.pageSize();
        List<SearchHit> merged = new ArrayList<>();
        Map<String, Map<String, Integer>> facets = new TreeMap<>();
        int total = 0;
        List<String> order = List.copyOf(indexes.keySet());
        Map<String, QueryPlan> plans = new HashMap<>();
        for (String lang : languages) {
            SearchIndex index = indexes.get(lang);
            if (index == null) throw new IllegalArgumentException("no search index for language " + lang);
            QueryPlan plan = index.planner().plan(text, request.prefix(), filters);
            plans.put(lang, plan);
            Query query = LuceneQueries.of(plan);
            int wanted = (int) Math.max(1, Math.min(wantedLong, Math.max(1, index.docCount())));
            try {
                TopDocs top = index.searcher().search(query, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
                total += (int) top.totalHits.value();
                for (ScoreDoc sd : top.scoreDocs) merged.add(index.hit(sd.doc, sd.score));
                countFacets(index, query, facets);
                if (request.allLanguages() && top.totalHits.value() > 0) {
                    facets.computeIfAbsent(SearchFields.LANGUAGE, k -> new TreeMap<>())
                            .merge(lang, (int) top.totalHits.value(), Integer::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        merged.sort(Comparator.comparing(SearchHit::score, Comparator.reverseOrder())
                .thenComparing(h -> order.indexOf(h.language()))
                .thenComparingInt(SearchHit::doc));
        int from = Math.min(merged.size(), (request.page() - 1) * request.pageSize());
        List<SearchHit> page = new ArrayList<>();
        for (SearchHit hit : merged.subList(from, Math.min(merged.size(), from + request.pageSize()))) {
            var a = Excerpts.passageAttachment(indexes.get(hit.language()), hit.doc(), hit.summary(), plans.get(hit.language()));
            page.add(a == null ? hit : hit.withAttachment(new SearchHit.Attachment(a.title(), a.url())));
        }
        List<String> suggestions = total == 0 ? suggest(text, request, languages) : List.of();
        return new SearchResults(total, page, facets, suggestions);
    }

    private static void countFacets(SearchIndex index, Query query, Map<String, Map<String, Integer>> counts) throws IOException {
        if (index.leaf() == null) return;
        FixedBitSet matches = new FixedBitSet(Math.max(1, index.docCount()));
        index.searcher().search(new ConstantScoreQuery(query), new org.apache.lucene.search.CollectorManager<SimpleCollector, Void>() {
            @Override
            public SimpleCollector newCollector() {
                return new SimpleCollector() {
                    private int base;

                    @Override
                    protected void doSetNextReader(LeafReaderContext context) { base = context.docBase; }

                    @Override
                    public void collect(int doc) { matches.set(base + doc); }

                    @Override
                    public ScoreMode scoreMode() { return ScoreMode.COMPLETE_NO_SCORES; }
                };
            }

            @Override
            public Void reduce(java.util.Collection<SimpleCollector> collectors) { return null; }
        });
        for (Map.Entry<String, SortedSetDocValues> e : index.facetValues().entrySet()) {
            SortedSetDocValues values = e.getValue();
            Map<String, Integer> field = counts.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
            for (int doc = values.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (!matches.get(doc)) continue;
                for (int i = 0; i < values.docValueCount(); i++) {
                    field.merge(values.lookupOrd(values.nextOrd()).utf8ToString(), 1, Integer::sum);
                }
            }
            if (field.isEmpty()) counts.remove(e.getKey());
        }
    }

    /**
     * "Did you mean": each word with no term in the index is replaced by the closest index word sharing its
     * first two letters (one edit for words of up to five letters, two beyond), the most frequent on ties.
     */
    private List<String> suggest(QueryText text, SearchRequest request, List<String> languages) {
        SearchIndex index = indexes.get(request.language() != null ? request.language() : languages.getFirst());
        if (index == null) return List.of();
        Map<Integer, String> replacements = new HashMap<>();
        Spelling spelling = new Spelling(index.language(), index.vocabulary());
        for (int i = 0; i < text.parts().size(); i++) {
            QueryText.Part p = text.parts().get(i);
            if (p.phrase() || p.excluded()) continue;
            final int at = i;
            spelling.correction(p.text()).ifPresent(fix -> replacements.put(at, fix));
        }
        if (replacements.isEmpty()) return List.of();
        return List.of(text.write(replacements));
    }
}
