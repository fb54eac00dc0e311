package org.agora.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * "Related resources" for the documents of one language's index: Lucene's MoreLikeThis over the text
 * (title, summary, body), combined with the themes documents share. Scores are mixed after normalising
 * MoreLikeThis to the best candidate, so a shared theme weighs the same on a short page as on a long one.
 */
public final class RelatedDocuments implements AutoCloseable {

    /** How much shared themes count against text likeness (0..1). */
    static final float THEME_WEIGHT = 0.3f;
    private static final int CANDIDATES = 30;

    /** A candidate with its combined score, by path. */
    public record Related(String path, float score) {}

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final MoreLikeThis mlt;
    private final String themeField;
    private final Map<String, Integer> docByPath = new HashMap<>();

    /**
     * @param reader a settled reader of the language's index ({@link IndexBuilder#settledReader()}), closed with this
     * @param themeField the facet whose shared values make documents related ("themes"), or null
     */
    public RelatedDocuments(String language, DirectoryReader reader, String themeField) throws IOException {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.themeField = themeField;
        this.mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(IndexBuilder.analyzer(language));
        // One field: MoreLikeThis looks every word up in every field it is given, and the title and summary
        // are read as part of the text instead (three fields took three times as long, for the same lists).
        mlt.setFieldNames(new String[] {SearchFields.BODY.name()});
        // Small libraries are normal: a word seen in two documents already says something about both.
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMaxDocFreqPct(50);
        mlt.setMaxQueryTerms(25);
        mlt.setMaxNumTokensParsed(300);   // the opening of a text says what it is about, and analysis is the cost
        // Paths from doc values, read once: a stored-field read decompresses a whole block of documents' text.
        this.pathOfDoc = new String[reader.maxDoc()];
        for (var leaf : reader.leaves()) {
            var paths = leaf.reader().getSortedDocValues(SearchFields.PATH);
            if (paths == null) continue;
            for (int doc = paths.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = paths.nextDoc()) {
                String path = paths.lookupOrd(paths.ordValue()).utf8ToString();
                pathOfDoc[leaf.docBase + doc] = path;
                docByPath.put(path, leaf.docBase + doc);
            }
        }
    }

    private final String[] pathOfDoc;

    public boolean has(String path) { return docByPath.containsKey(path); }

    /**
     * Documents of this index like the one at {@code sourcePath} (which may be in another language's index:
     * {@code source} is then that document's text), best first.
     * @param allowed which paths may be suggested (not the document itself, nor its translations)
     */
    public List<Related> like(Source source, Predicate<String> allowed, int max) throws IOException {
        Map<String, Collection<Object>> fields = new LinkedHashMap<>();
        List<Object> text = new ArrayList<>();
        text.add(source.title());
        if (source.summary() != null) text.add(source.summary());
        text.add(source.body());
        fields.put(SearchFields.BODY.name(), text);
        Map<String, Float> likeness = new HashMap<>();
        Query textQuery = mlt.like(fields);
        float best = 0;
        for (ScoreDoc hit : searcher.search(textQuery, CANDIDATES).scoreDocs) {
            String path = path(hit.doc);
            if (!allowed.test(path)) continue;
            best = Math.max(best, hit.score);
            likeness.put(path, hit.score);
        }
        Map<String, Float> themes = new HashMap<>();
        if (themeField != null && !source.themes().isEmpty()) {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String theme : source.themes()) {
                q.add(new ConstantScoreQuery(new TermQuery(new Term(themeField, theme))), BooleanClause.Occur.SHOULD);
            }
            for (ScoreDoc hit : searcher.search(q.build(), CANDIDATES).scoreDocs) {
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
