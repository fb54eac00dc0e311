package org.agora.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * "Related resources" for the documents of one language's index, in the manner of Lucene's MoreLikeThis:
 * a document's most telling words (term frequency × inverse document frequency, over the opening of its
 * title, summary and text, analysed as the index was) become a query of the index, and its hits are mixed
 * with the documents that share its themes. MoreLikeThis itself looks every word up in the term dictionary
 * for every document it is asked about, which took 2-3 ms a document; here the dictionary of the text
 * field is read once, and a document costs a fraction of a millisecond. Text likeness is normalised to the
 * best candidate before mixing, so a shared theme weighs the same on a short page as on a long one.
 */
public final class RelatedDocuments implements AutoCloseable {

    /** How much shared themes count against text likeness (0..1). */
    static final float THEME_WEIGHT = 0.3f;
    private static final int CANDIDATES = 30;

    /** A candidate with its combined score, by path. */
    public record Related(String path, float score) {}

    /** Words read from the opening of a document: enough to say what it is about, and analysis is the cost. */
    static final int MAX_TOKENS = 300;
    static final int MAX_QUERY_TERMS = 25;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final String themeField;
    private final Map<String, Integer> docByPath = new HashMap<>();
    private final String[] pathOfDoc;
    /** Document frequency of every word of the text field. */
    private final Map<String, Integer> docFreq = new HashMap<>();
    private final int numDocs;
    private final int maxDocFreq;

    /**
     * @param reader a settled reader of the language's index ({@link IndexBuilder#settledReader()}), closed with this
     * @param themeField the facet whose shared values make documents related ("themes"), or null
     */
    public RelatedDocuments(String language, DirectoryReader reader, String themeField) throws IOException {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.themeField = themeField;
        this.analyzer = IndexBuilder.analyzer(language);
        this.numDocs = reader.numDocs();
        // A word in more than a fifth of the documents says little about any of them, and its long list of
        // documents is most of a query's cost.
        this.maxDocFreq = Math.max(5, numDocs / 5);
        // Paths from doc values, read once: a stored-field read decompresses a whole block of documents' text.
        this.pathOfDoc = new String[reader.maxDoc()];
        for (var leaf : reader.leaves()) {
            var paths = leaf.reader().getSortedDocValues(SearchFields.PATH);
            if (paths != null) {
                for (int doc = paths.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = paths.nextDoc()) {
                    String path = paths.lookupOrd(paths.ordValue()).utf8ToString();
                    pathOfDoc[leaf.docBase + doc] = path;
                    docByPath.put(path, leaf.docBase + doc);
                }
            }
            Terms terms = leaf.reader().terms(SearchFields.BODY.name());
            if (terms == null) continue;
            TermsEnum words = terms.iterator();
            for (BytesRef word = words.next(); word != null; word = words.next()) {
                docFreq.merge(word.utf8ToString(), words.docFreq(), Integer::sum);
            }
        }
    }

    public boolean has(String path) { return docByPath.containsKey(path); }

    /**
     * Documents of this index like the one at {@code sourcePath} (which may be in another language's index:
     * {@code source} is then that document's text), best first.
     * @param allowed which paths may be suggested (not the document itself, nor its translations)
     */
    public List<Related> like(Source source, Predicate<String> allowed, int max) throws IOException {
        Map<String, Float> likeness = new HashMap<>();
        Query textQuery = telling(source);
        float best = 0;
        if (textQuery != null) {
            // Counting exactly no more hits than are kept lets Lucene skip documents that cannot make the top.
            for (ScoreDoc hit : searcher.search(textQuery, new TopScoreDocCollectorManager(CANDIDATES, CANDIDATES)).scoreDocs) {
                String path = path(hit.doc);
                if (!allowed.test(path)) continue;
                best = Math.max(best, hit.score);
                likeness.put(path, hit.score);
            }
        }
        Map<String, Float> themes = new HashMap<>();
        if (themeField != null && !source.themes().isEmpty()) {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String theme : source.themes()) {
                q.add(new ConstantScoreQuery(new TermQuery(new Term(themeField, theme))), BooleanClause.Occur.SHOULD);
            }
            for (ScoreDoc hit : searcher.search(q.build(), new TopScoreDocCollectorManager(CANDIDATES, CANDIDATES)).scoreDocs) {
                String path = path(hit.doc);
                if (allowed.test(path)) themes.put(path, hit.score / source.themes().size());
            }
        }
        Map<String, Float> combined = new HashMap<>();
        for (var e : likeness.entrySet()) combined.put(e.getKey(), (1 - THEME_WEIGHT) * e.getValue() / best);
        for (var e : themes.entrySet()) combined.merge(e.getKey(), THEME_WEIGHT * e.getValue(), Float::sum);
        List<Related> out = new ArrayList<>();
        combined.forEach((path, score) -> out.add(new Related(path, score)));
        out.sort(Comparator.comparing(Related::score).reversed().thenComparing(Related::path));
        return out.size() > max ? List.copyOf(out.subList(0, max)) : List.copyOf(out);
    }

    /**
     * The document's most telling words as a query: each word's frequency in its opening times its inverse
     * document frequency (as MoreLikeThis and ClassicSimilarity compute it), the best {@value #MAX_QUERY_TERMS},
     * each boosted by its weight relative to the best. Null when no word is telling.
     */
    Query telling(Source source) throws IOException {
        Map<String, int[]> frequency = new HashMap<>();
        int tokens = 0;
        for (String text : new String[] {source.title(), source.summary(), source.body()}) {
            if (text == null || tokens >= MAX_TOKENS) continue;
            try (TokenStream stream = analyzer.tokenStream(SearchFields.BODY.name(), text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (tokens < MAX_TOKENS && stream.incrementToken()) {
                    frequency.computeIfAbsent(term.toString(), k -> new int[1])[0]++;
                    tokens++;
                }
                stream.end();
            }
        }
        // The best words kept in a small heap, weakest on top: most of a document's words are never sorted.
        Comparator<Map.Entry<String, Float>> strength = Map.Entry.<String, Float>comparingByValue()
                .thenComparing(Map.Entry.<String, Float>comparingByKey().reversed());
        java.util.PriorityQueue<Map.Entry<String, Float>> best = new java.util.PriorityQueue<>(strength);
        for (var e : frequency.entrySet()) {
            Integer df = docFreq.get(e.getKey());
            if (df == null || df < 2 || df > maxDocFreq) continue;   // only this document has it, or too many do
            float idf = (float) (Math.log((numDocs + 1) / (double) (df + 1)) + 1.0);
            best.add(Map.entry(e.getKey(), e.getValue()[0] * idf));
            if (best.size() > MAX_QUERY_TERMS) best.poll();
        }
        if (best.isEmpty()) return null;
        List<Map.Entry<String, Float>> weights = new ArrayList<>(best);
        weights.sort(strength.reversed());
        float top = weights.getFirst().getValue();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (var w : weights) {
            query.add(new BoostQuery(new TermQuery(new Term(SearchFields.BODY.name(), w.getKey())), w.getValue() / top),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /** The text of a document of this index, to find documents like it in another language's index. */
    public Source source(String path, List<String> themes) throws IOException {
        Document d = reader.storedFields().document(docByPath.get(path));
        return new Source(d.get(SearchFields.TITLE.name()), d.get(SearchFields.SUMMARY.name()),
                d.get(SearchFields.TEXT_STORED), themes);
    }

    /** What a document is about: its text and its themes. */
    public record Source(String title, String summary, String body, List<String> themes) {}

    private String path(int doc) { return pathOfDoc[doc]; }

    @Override
    public void close() throws IOException { reader.close(); }
}
