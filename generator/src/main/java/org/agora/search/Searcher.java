package org.agora.search;

import org.apache.lucene.analysis.Analyzer;
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
 * {@link QueryPlanner}, Lucene's BM25 scores (documents whose title has every word first,
 * {@link LuceneQueries#TITLE_BONUS}), ties broken by document number (newest first, the index's order), and
 * with all languages, each language's own analysis and index, the reader's language first, then the others
 * merged by score, then language order.
 */
public final class Searcher {

    private final Map<String, SearchIndex> indexes;
    /** Each language's query analysis, made when a query first asks which of its words are unknown. */
    private final Map<String, Analyzer> analyzers = new java.util.concurrent.ConcurrentHashMap<>();

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
        Map<String, QueryPlan> plans = new LinkedHashMap<>();
        for (String lang : languages) {
            SearchIndex index = indexes.get(lang);
            if (index == null) throw new IllegalArgumentException("no search index for language " + lang);
            plans.put(lang, index.planner().plan(text, request.prefix(), filters));
        }
        Matches matches = matches(plans, request);
        SearchResults.Partial partial = null;
        List<String> unknown;
        if (matches.total() == 0) {
            // No document has every word: those with the most of them, fewer words missing first.
            int most = plans.values().stream().filter(p -> !p.matchAll()).mapToInt(p -> p.must().size()).max().orElse(0);
            for (int missing = 1; missing < most && matches.total() == 0; missing++) {
                Map<String, QueryPlan> relaxed = relaxed(plans, missing);
                Matches found = matches(relaxed, request);
                if (found.total() == 0) continue;
                matches = found;
                QueryPlan own = relaxed.getOrDefault(request.language(), relaxed.values().iterator().next());
                partial = new SearchResults.Partial(own.required(), own.must().size());
            }
        }
        // Words no page has are named, and a query with one gets "did you mean", even when their closest
        // index words (typo tolerance) found pages.
        unknown = unknownWords(text, languages, request.prefix());
        List<String> suggestions = unknown.isEmpty() && matches.strictTotal() > 0 ? List.of() : suggest(text, request, languages);
        return new SearchResults(matches.total(), matches.page(), matches.facets(), suggestions, partial, unknown);
    }

    /** The plans with {@code missing} clauses fewer required; a language left with none required is not searched. */
    private static Map<String, QueryPlan> relaxed(Map<String, QueryPlan> plans, int missing) {
        Map<String, QueryPlan> out = new LinkedHashMap<>();
        plans.forEach((lang, p) -> {
            if (!p.matchAll() && p.must().size() - missing >= 1) out.put(lang, p.relaxedTo(p.must().size() - missing));
        });
        return out;
    }

    /**
     * A search's matches: their number, the requested page, facet counts.
     * @param strictTotal the matches of the plans as given, before any relaxation
     */
    private record Matches(int total, List<SearchHit> page, Map<String, Map<String, Integer>> facets, int strictTotal) {}

    private Matches matches(Map<String, QueryPlan> plans, SearchRequest request) {
        long wantedLong = (long) request.page() * request.pageSize();
        List<SearchHit> merged = new ArrayList<>();
        Map<String, Map<String, Integer>> facets = new TreeMap<>();
        int total = 0;
        List<String> order = List.copyOf(indexes.keySet());
        for (Map.Entry<String, QueryPlan> e : plans.entrySet()) {
            String lang = e.getKey();
            SearchIndex index = indexes.get(lang);
            Query query = LuceneQueries.of(e.getValue());
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
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        // The reader's language first, then the others (with all languages): a fallback never hides a page the
        // reader can read.
        merged.sort(Comparator.comparing((SearchHit h) -> !h.language().equals(request.language()))
                .thenComparing(SearchHit::score, Comparator.reverseOrder())
                .thenComparing(h -> order.indexOf(h.language()))
                .thenComparingInt(SearchHit::doc));
        int from = Math.min(merged.size(), (request.page() - 1) * request.pageSize());
        List<SearchHit> page = new ArrayList<>();
        for (SearchHit hit : merged.subList(from, Math.min(merged.size(), from + request.pageSize()))) {
            var a = Excerpts.passageAttachment(indexes.get(hit.language()), hit.doc(), hit.summary(), plans.get(hit.language()));
            page.add(a == null ? hit : hit.withAttachment(new SearchHit.Attachment(a.title(), a.url())));
        }
        boolean relaxed = plans.values().stream().anyMatch(QueryPlan::isRelaxed);
        return new Matches(total, page, facets, relaxed ? 0 : total);
    }

    /**
     * The words as the reader typed them that no searched index holds: shown rather than silently dropped.
     * A word made only of stop words is not one of them, nor the last word while typing (a prefix), nor
     * words in quotes or after a minus.
     */
    private List<String> unknownWords(QueryText text, List<String> languages, boolean prefix) {
        List<String> out = new ArrayList<>();
        List<QueryText.Part> parts = text.parts();
        for (int i = 0; i < parts.size(); i++) {
            QueryText.Part p = parts.get(i);
            if (p.phrase() || p.excluded() || (prefix && i == parts.size() - 1)) continue;
            boolean anyTerm = false;
            boolean known = false;
            for (String lang : languages) {
                SearchIndex index = indexes.get(lang);
                Analyzer analyzer = analyzers.computeIfAbsent(lang, l -> Analyzers.forLanguage(l, Analyzers.Mode.FULL));
                for (Token t : Token.analyze(analyzer, p.text())) {
                    anyTerm = true;
                    if (index.vocabulary().hasTerm(t.term())) known = true;
                }
            }
            if (anyTerm && !known && !out.contains(p.text())) out.add(p.text());
        }
        return out;
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
