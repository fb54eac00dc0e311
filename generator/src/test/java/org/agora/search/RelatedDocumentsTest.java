package org.agora.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Related documents from a real index: the in-memory scoring against Lucene's own, and who may be suggested. */
class RelatedDocumentsTest {

    @TempDir
    Path dir;

    /**
     * Texts drawn from a vocabulary of 1,500 made-up words with a strong skew, so some words are in most
     * documents and most in a few, as in a library.
     */
    private static List<SearchDocument> library(int count, long seed) {
        Random random = new Random(seed);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder();
            int length = 20 + random.nextInt(200);
            for (int w = 0; w < length; w++) body.append(word(random)).append(' ');
            String theme = "t" + random.nextInt(4);
            docs.add(new SearchDocument("/en/d" + i + "/", "en", "/en/d" + i + "/", "Notes on " + word(random),
                    "", null, body.toString(), null, null, Long.MIN_VALUE, Map.of("themes", List.of(theme)), List.of()));
        }
        return docs;
    }

    private static String word(Random random) {
        int n = (int) (1500 * Math.pow(random.nextDouble(), 3));
        StringBuilder w = new StringBuilder("k");
        for (; n > 0; n /= 20) w.append((char) ('a' + n % 20));
        return w.append("o").toString();
    }

    private RelatedDocuments index(List<SearchDocument> docs, String themeField) throws IOException {
        IndexBuilder builder = IndexBuilder.open("en", dir);
        docs.forEach(builder::add);
        RelatedDocuments related = new RelatedDocuments("en", builder.settledReader(), themeField);
        builder.close();
        return related;
    }

    /**
     * Without themes, the in-memory likeness is Lucene's: the profile as a query of boosted term queries over the
     * text field, searched with Lucene's BM25, gives the same documents in the same order with the same scores
     * (relative to the best), for every document.
     */
    @Test
    void textLikenessIsWhatLuceneScoresForTheSameTerms() throws IOException {
        List<SearchDocument> docs = library(80, 7);
        IndexBuilder builder = IndexBuilder.open("en", dir);
        docs.forEach(builder::add);
        try (var reader = builder.settledReader();
             RelatedDocuments related = new RelatedDocuments("en", builder.settledReader(), null)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            boolean[] all = new boolean[reader.maxDoc()];
            Arrays.fill(all, true);
            int compared = 0;
            for (SearchDocument d : docs) {
                var profile = related.profile(d.path(), List.of());
                if (profile.terms().length == 0) continue;
                BooleanQuery.Builder q = new BooleanQuery.Builder();
                for (int i = 0; i < profile.terms().length; i++) {
                    q.add(new BoostQuery(new TermQuery(new Term(SearchFields.BODY.name(), related.term(profile.terms()[i]))),
                            profile.boosts()[i]), BooleanClause.Occur.SHOULD);
                }
                List<ScoreDoc> hits = new ArrayList<>();
                for (ScoreDoc h : searcher.search(q.build(), reader.maxDoc()).scoreDocs) {
                    if (!path(reader, h.doc).equals(d.path())) hits.add(h);
                }
                var ours = related.like(profile, all, Set.of(d.path()), 5);
                assertEquals(Math.min(5, hits.size()), ours.size(), d.path());
                float best = hits.getFirst().score;
                for (int i = 0; i < ours.size(); i++) {
                    float theirs = (1 - RelatedDocuments.THEME_WEIGHT) * hits.get(i).score / best;
                    assertEquals(theirs, ours.get(i).score(), 1e-5, d.path() + " rank " + i);
                    boolean tied = (i > 0 && Math.abs(hits.get(i - 1).score - hits.get(i).score) < 1e-4 * best)
                            || (i + 1 < hits.size() && Math.abs(hits.get(i + 1).score - hits.get(i).score) < 1e-4 * best);
                    if (!tied) assertEquals(path(reader, hits.get(i).doc), ours.get(i).path(), d.path() + " rank " + i);
                }
                compared++;
            }
            assertTrue(compared > 70, "compared " + compared);
        } finally {
            builder.close();
        }
    }

    private static String path(org.apache.lucene.index.IndexReader reader, int doc) throws IOException {
        return reader.storedFields().document(doc).get(SearchFields.PATH);
    }

    @Test
    void onlyVisibleDocumentsAreSuggestedNeverExcludedOnesAndSharedThemesCount() throws IOException {
        List<SearchDocument> docs = new ArrayList<>(library(40, 11));
        // Shares no word with any other document, only a theme.
        docs.add(new SearchDocument("/en/lonely/", "en", "/en/lonely/", "Zzyzx", "", null, "qwerty uiop", null, null,
                Long.MIN_VALUE, Map.of("themes", List.of("t1")), List.of()));
        try (RelatedDocuments related = index(docs, "themes")) {
            Set<String> hidden = new HashSet<>();
            for (int i = 0; i < 40; i += 3) hidden.add("/en/d" + i + "/");
            List<String> shown = docs.stream().map(SearchDocument::path).filter(p -> !hidden.contains(p)).toList();
            boolean[] visible = related.docsAmong(shown);
            for (SearchDocument d : docs) {
                Set<String> excluded = new HashSet<>(List.of(d.path(), "/en/d1/", "/en/d2/"));
                var list = related.like(related.profile(d.path(), d.facets().get("themes")), visible, excluded, 5);
                assertFalse(list.isEmpty(), d.path());
                for (var r : list) {
                    assertFalse(excluded.contains(r.path()), d.path() + " suggests " + r.path());
                    assertFalse(hidden.contains(r.path()), d.path() + " suggests the hidden " + r.path());
                }
                for (int i = 1; i < list.size(); i++) assertTrue(list.get(i - 1).score() >= list.get(i).score());
            }
            // Its theme alone relates it: the documents of t1, all of them equal, first by path.
            var lonely = related.like(related.profile("/en/lonely/", List.of("t1")), visible, Set.of("/en/lonely/"), 5);
            List<String> t1 = docs.stream().filter(d -> d.facets().get("themes").equals(List.of("t1")))
                    .map(SearchDocument::path).filter(p -> !p.equals("/en/lonely/") && !hidden.contains(p)).sorted().limit(5).toList();
            assertEquals(t1, lonely.stream().map(RelatedDocuments.Related::path).toList());
        }
    }
}
