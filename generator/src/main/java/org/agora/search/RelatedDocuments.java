package org.agora.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Related resources" for the documents of one language's index, in the manner of Lucene's MoreLikeThis: a
 * document's most telling words (term frequency × inverse document frequency over its title, summary and
 * text) score the other documents as a BM25 query of the text field would, and that likeness is mixed with
 * the share of its themes they have.
 *
 * <p>Why in memory and not as Lucene queries: the lists depend on the whole index (idf, average length), so
 * one edited document can in principle change any list, and a build must give exactly the lists a build
 * from scratch gives (the cache never changes the output). Tracking which lists an edit reaches through
 * those global statistics is fragile; computing every list again is exact by construction, so it is made
 * cheap instead. Everything comes from the settled index the export needs anyway, read once per language:
 * the text field's postings of the words that can be telling (in 2 to a fifth of the documents), its
 * length norms, and the title and summary postings for the same words. Those postings, turned around, are
 * every document's words with their frequencies, so no text is analysed again (the old way analysed the
 * opening of every document, 23 % of the stage) and no query runs through Lucene (another 31 %): a list
 * costs a few thousand additions over arrays, on every core. The scoring is Lucene's BM25 with the same
 * length norms, so the text likeness is the one a {@code BooleanQuery} of boosted term queries gave.
 *
 * <p>Two differences from the Lucene-query version, both to the lists' benefit: words are counted over the
 * whole document rather than its first 300 words (they came from the postings, whole, at no cost), and the
 * mix of likeness and themes is ranked over every document that shares a telling word or a theme, not over
 * the best 30 of each, so a document strong on both never falls between the two cut-offs.
 */
public final class RelatedDocuments implements AutoCloseable {

    /** How much shared themes count against text likeness (0..1). */
    static final float THEME_WEIGHT = 0.3f;
    static final int MAX_QUERY_TERMS = 25;
    /** Lucene's BM25Similarity defaults, as the index is scored. */
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;

    /** A candidate with its combined score, by path. */
    public record Related(String path, float score) {}

    /** What a document is about in this index's words: its telling words with their boosts, and its themes. */
    public record Profile(int[] terms, float[] boosts, List<String> themes) {}

    private final DirectoryReader reader;
    private final Analyzer analyzer;
    private final int maxDoc;
    private final String[] pathOfDoc;
    private final Map<String, Integer> docByPath = new HashMap<>();
    /** The words that can be telling, numbered in dictionary order. */
    private final Map<BytesRef, Integer> termIds = new HashMap<>();
    private final List<BytesRef> terms = new ArrayList<>();
    /** Per word: MoreLikeThis's idf (choosing the telling words) and BM25's idf (scoring). */
    private final float[] tellingIdf;
    private final float[] scoringIdf;
    /** Per word, the text field's postings: documents and frequencies. */
    private final int[][] postingDocs;
    private final int[][] postingFreqs;
    /** Per document, {@code k1 × (1 − b + b × length / average length)} from its text field's norm. */
    private final float[] lengthNorm;
    /** Per document, the words that can be telling with their frequency over title, summary and text. */
    private final int[][] docTerms;
    private final int[][] docFreqs;
    private final Map<String, int[]> docsOfTheme = new HashMap<>();
    private final ThreadLocal<Scratch> scratch;

    /**
     * @param reader a settled reader of the language's index ({@link IndexBuilder#settledReader()}), closed with this
     * @param themeField the facet whose shared values make documents related ("themes"), or null
     */
    public RelatedDocuments(String language, DirectoryReader reader, String themeField) throws IOException {
        this.reader = reader;
        this.analyzer = IndexBuilder.analyzer(language);
        this.maxDoc = reader.maxDoc();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(maxDoc));
        Bits live = MultiBits.getLiveDocs(reader);
        // Paths from doc values, read once: a stored-field read decompresses a whole block of documents' text.
        this.pathOfDoc = new String[maxDoc];
        for (var leaf : reader.leaves()) {
            SortedDocValues paths = leaf.reader().getSortedDocValues(SearchFields.PATH);
            if (paths == null) continue;
            Bits leafLive = leaf.reader().getLiveDocs();
            for (int doc = paths.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = paths.nextDoc()) {
                if (leafLive != null && !leafLive.get(doc)) continue;
                String path = paths.lookupOrd(paths.ordValue()).utf8ToString();
                pathOfDoc[leaf.docBase + doc] = path;
                docByPath.put(path, leaf.docBase + doc);
            }
        }
        int numDocs = reader.numDocs();
        // A word in more than a fifth of the documents says little about any of them; one in a single document
        // relates it to nothing. Only the words between are read: the frequent ones are most of the postings.
        int maxDocFreq = Math.max(5, numDocs / 5);
        List<int[]> docs = new ArrayList<>();
        List<int[]> freqs = new ArrayList<>();
        List<Float> telling = new ArrayList<>();
        List<Float> scoring = new ArrayList<>();
        Terms body = MultiTerms.getTerms(reader, SearchFields.BODY.name());
        if (body != null) {
            long docCount = body.getDocCount();
            TermsEnum words = body.iterator();
            PostingsEnum postings = null;
            for (BytesRef word = words.next(); word != null; word = words.next()) {
                int df = words.docFreq();
                if (df < 2 || df > maxDocFreq) continue;
                BytesRef term = BytesRef.deepCopyOf(word);
                termIds.put(term, docs.size());
                terms.add(term);
                telling.add((float) (Math.log((numDocs + 1) / (double) (df + 1)) + 1.0));
                scoring.add((float) Math.log(1 + (docCount - df + 0.5D) / (df + 0.5D)));
                postings = words.postings(postings, PostingsEnum.FREQS);
                int[][] read = read(postings, live, df);
                docs.add(read[0]);
                freqs.add(read[1]);
            }
        }
        this.postingDocs = docs.toArray(int[][]::new);
        this.postingFreqs = freqs.toArray(int[][]::new);
        this.tellingIdf = floats(telling);
        this.scoringIdf = floats(scoring);
        this.lengthNorm = lengthNorms(reader, body);

        // The same postings turned around: each document's words. Title and summary count too (their words
        // describe a document best), with the text field's statistics, as the old analysis of all three did.
        int[] count = new int[maxDoc];
        List<int[][]> extra = new ArrayList<>();
        for (int t = 0; t < postingDocs.length; t++) for (int d : postingDocs[t]) count[d]++;
        for (String field : List.of(SearchFields.TITLE.name(), SearchFields.SUMMARY.name())) {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) continue;
            TermsEnum words = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef word = words.next(); word != null; word = words.next()) {
                Integer id = termIds.get(word);
                if (id == null) continue;
                postings = words.postings(postings, PostingsEnum.FREQS);
                int[][] read = read(postings, live, words.docFreq());
                extra.add(new int[][] {{id}, read[0], read[1]});
                for (int d : read[0]) count[d]++;
            }
        }
        this.docTerms = new int[maxDoc][];
        this.docFreqs = new int[maxDoc][];
        for (int d = 0; d < maxDoc; d++) {
            docTerms[d] = new int[count[d]];
            docFreqs[d] = new int[count[d]];
        }
        int[] filled = new int[maxDoc];
        for (int t = 0; t < postingDocs.length; t++) {
            for (int i = 0; i < postingDocs[t].length; i++) {
                int d = postingDocs[t][i];
                docTerms[d][filled[d]] = t;
                docFreqs[d][filled[d]++] = postingFreqs[t][i];
            }
        }
        for (int[][] e : extra) {
            for (int i = 0; i < e[1].length; i++) {
                int d = e[1][i];
                docTerms[d][filled[d]] = e[0][0];
                docFreqs[d][filled[d]++] = e[2][i];
            }
        }

        if (themeField != null) {
            Terms themes = MultiTerms.getTerms(reader, themeField);
            if (themes != null) {
                TermsEnum values = themes.iterator();
                PostingsEnum postings = null;
                for (BytesRef value = values.next(); value != null; value = values.next()) {
                    postings = values.postings(postings, PostingsEnum.NONE);
                    docsOfTheme.put(value.utf8ToString(), read(postings, live, values.docFreq())[0]);
                }
            }
        }
    }

    private static int[][] read(PostingsEnum postings, Bits live, int expected) throws IOException {
        int[] docs = new int[expected];
        int[] freqs = new int[expected];
        int n = 0;
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
            if (live != null && !live.get(d)) continue;
            if (n == docs.length) {
                docs = Arrays.copyOf(docs, n * 2 + 1);
                freqs = Arrays.copyOf(freqs, n * 2 + 1);
            }
            docs[n] = d;
            freqs[n++] = postings.freq();
        }
        return new int[][] {Arrays.copyOf(docs, n), Arrays.copyOf(freqs, n)};
    }

    /** BM25's length part per document, from the same one-byte norms Lucene scores with. */
    private float[] lengthNorms(DirectoryReader reader, Terms body) throws IOException {
        float[] out = new float[maxDoc];
        if (body == null) return out;
        double avgLength = body.getSumTotalTermFreq() / (double) body.getDocCount();
        NumericDocValues norms = MultiDocValues.getNormValues(reader, SearchFields.BODY.name());
        if (norms == null) return out;
        for (int d = norms.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = norms.nextDoc()) {
            int length = SmallFloat.byte4ToInt((byte) norms.longValue());
            out[d] = (float) (K1 * ((1 - B) + B * length / avgLength));
        }
        return out;
    }

    private static float[] floats(List<Float> list) {
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = list.get(i);
        return out;
    }

    /** A word of {@link Profile#terms()}. */
    String term(int id) { return terms.get(id).utf8ToString(); }

    public boolean has(String path) { return docByPath.containsKey(path); }

    /** Which documents of this index are among {@code paths}: what a language's readers may be shown. */
    public boolean[] docsAmong(Collection<String> paths) {
        boolean[] out = new boolean[maxDoc];
        for (String p : paths) {
            Integer d = docByPath.get(p);
            if (d != null) out[d] = true;
        }
        return out;
    }

    /** A document of this index, by what its own words say. */
    public Profile profile(String path, List<String> themes) {
        int d = docByPath.get(path);
        Scratch s = scratch.get();
        int n = 0;
        for (int i = 0; i < docTerms[d].length; i++) {
            int t = docTerms[d][i];
            if (s.tf[t] == 0) s.terms[n++] = t;
            s.tf[t] += docFreqs[d][i];
        }
        return best(s, n, themes);
    }

    /**
     * A document of another language's index as this index's words see it: its text analysed as this
     * language's, for a document with no translation here.
     */
    public Profile profile(Source source) throws IOException {
        Scratch s = scratch.get();
        int n = 0;
        for (String text : new String[] {source.title(), source.summary(), source.body()}) {
            if (text == null) continue;
            try (TokenStream stream = analyzer.tokenStream(SearchFields.BODY.name(), text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    Integer t = termIds.get(new BytesRef(term));
                    if (t == null) continue;
                    if (s.tf[t] == 0) s.terms[n++] = t;
                    s.tf[t]++;
                }
                stream.end();
            }
        }
        return best(s, n, source.themes());
    }

    /**
     * The best {@value #MAX_QUERY_TERMS} words by frequency × MoreLikeThis's idf (ties: the first in the
     * dictionary), each boosted by its weight relative to the best, as MoreLikeThis builds its query.
     */
    private Profile best(Scratch s, int n, List<String> themes) {
        // Weight and word in one long, so one primitive sort orders them: the weight's bits (positive floats
        // order as their bits do) above, the word's number turned around below, so equal weights put the
        // first word of the dictionary last, that is first once read from the end.
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int t = s.terms[i];
            float weight = s.tf[t] * tellingIdf[t];
            s.tf[t] = 0;
            keys[i] = ((long) Float.floatToIntBits(weight) << 32) | (Integer.MAX_VALUE - t);
        }
        Arrays.sort(keys);
        int k = Math.min(n, MAX_QUERY_TERMS);
        int[] chosen = new int[k];
        float[] boosts = new float[k];
        float top = k == 0 ? 0 : Float.intBitsToFloat((int) (keys[n - 1] >>> 32));
        for (int i = 0; i < k; i++) {
            long key = keys[n - 1 - i];
            chosen[i] = Integer.MAX_VALUE - (int) (key & 0xFFFFFFFFL);
            boosts[i] = Float.intBitsToFloat((int) (key >>> 32)) / top;
        }
        return new Profile(chosen, boosts, themes);
    }

    /**
     * Documents of this index like the profiled one, best first.
     * @param visible the documents that may be suggested ({@link #docsAmong})
     * @param excluded paths never suggested: the document itself and its translations
     */
    public List<Related> like(Profile profile, boolean[] visible, Collection<String> excluded, int max) {
        Scratch s = scratch.get();
        int touched = 0;
        for (int q = 0; q < profile.terms().length; q++) {
            int t = profile.terms()[q];
            float weight = profile.boosts()[q] * scoringIdf[t];
            int[] docs = postingDocs[t];
            int[] freqs = postingFreqs[t];
            for (int i = 0; i < docs.length; i++) {
                int d = docs[i];
                if (!s.seen[d]) {
                    s.seen[d] = true;
                    s.touched[touched++] = d;
                }
                float freq = freqs[i];
                // BM25Scorer's own arithmetic: weight − weight / (1 + freq / norm)
                s.text[d] += weight - weight / (1f + freq / lengthNorm[d]);
            }
        }
        int themeCount = 0;
        for (String theme : profile.themes()) {
            int[] docs = docsOfTheme.get(theme);
            if (docs == null) continue;
            themeCount++;
            for (int d : docs) {
                if (!s.seen[d]) {
                    s.seen[d] = true;
                    s.touched[touched++] = d;
                }
                s.shared[d]++;
            }
        }
        for (String path : excluded) {
            Integer d = docByPath.get(path);
            if (d != null && s.seen[d]) s.shared[d] = -1; // marks it out; cleared below with the rest
        }
        float best = 0;
        for (int i = 0; i < touched; i++) {
            int d = s.touched[i];
            if (visible[d] && s.shared[d] >= 0) best = Math.max(best, s.text[d]);
        }
        int themes = profile.themes().size();
        // The best few in plain arrays, weakest last: most candidates are compared once with the weakest and
        // leave, with no object made for them.
        float[] keptScore = new float[max];
        int[] keptDoc = new int[max];
        int kept = 0;
        for (int i = 0; i < touched; i++) {
            int d = s.touched[i];
            if (visible[d] && s.shared[d] >= 0) {
                float score = (best > 0 ? (1 - THEME_WEIGHT) * s.text[d] / best : 0)
                        + (themes > 0 ? THEME_WEIGHT * s.shared[d] / themes : 0);
                if (score > 0 && (kept < max || before(score, d, keptScore[kept - 1], keptDoc[kept - 1]))) {
                    int at = kept < max ? kept++ : max - 1;
                    while (at > 0 && before(score, d, keptScore[at - 1], keptDoc[at - 1])) {
                        keptScore[at] = keptScore[at - 1];
                        keptDoc[at] = keptDoc[at - 1];
                        at--;
                    }
                    keptScore[at] = score;
                    keptDoc[at] = d;
                }
            }
            s.seen[d] = false;
            s.text[d] = 0;
            s.shared[d] = 0;
        }
        List<Related> out = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) out.add(new Related(pathOfDoc[keptDoc[i]], keptScore[i]));
        return List.copyOf(out);
    }

    /** Higher scores first; between equal scores, the path first in order, so the lists do not hang on document numbers. */
    private boolean before(float score, int doc, float otherScore, int other) {
        return score != otherScore ? score > otherScore : pathOfDoc[doc].compareTo(pathOfDoc[other]) < 0;
    }

    /** The text of a document of this index, to find documents like it in another language's index. */
    public Source source(String path, List<String> themes) throws IOException {
        Document d = reader.storedFields().document(docByPath.get(path));
        return new Source(d.get(SearchFields.TITLE.name()), d.get(SearchFields.SUMMARY.name()),
                d.get(SearchFields.TEXT_STORED), themes);
    }

    /** What a document is about: its text and its themes. */
    public record Source(String title, String summary, String body, List<String> themes) {}

    /** One thread's working arrays, cleared after each use: allocating them per document would cost more than the work. */
    private final class Scratch {
        final float[] text;
        final int[] shared;
        final boolean[] seen;
        final int[] touched;
        final int[] tf;
        final int[] terms;

        Scratch(int maxDoc) {
            text = new float[maxDoc];
            shared = new int[maxDoc];
            seen = new boolean[maxDoc];
            touched = new int[maxDoc];
            tf = new int[postingDocs.length];
            terms = new int[postingDocs.length];
        }
    }

    @Override
    public void close() throws IOException { reader.close(); }
}
