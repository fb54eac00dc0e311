package org.agora.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index kept in the build cache: reused for unchanged documents, in an order that does not depend on arrival. */
class IndexBuilderTest {

    @TempDir
    Path dir;

    static SearchDocument doc(String path, String date, String body) {
        return new SearchDocument(path, "en", path, "Title of " + path, "", null, body, date, date,
                date == null ? Long.MIN_VALUE : java.time.LocalDate.parse(date).toEpochDay(), Map.of("type", List.of("news")), List.of());
    }

    int build(List<SearchDocument> docs) throws IOException {
        try (IndexBuilder b = IndexBuilder.open("en", dir)) {
            docs.forEach(b::add);
            return b.finish();
        }
    }

    List<String> paths() throws IOException {
        try (SearchIndex index = SearchIndex.open("en", dir)) {
            return java.util.stream.IntStream.range(0, index.docCount()).mapToObj(d -> index.hit(d, 0).path()).toList();
        }
    }

    @Test
    void unchangedDocumentsAreNotAnalysedAgainAndGoneOnesAreRemoved() throws IOException {
        SearchDocument a = doc("/en/a/", "2024-01-01", "community radio");
        SearchDocument b = doc("/en/b/", "2025-06-01", "open data");
        SearchDocument c = doc("/en/c/", null, "no date");
        assertEquals(3, build(List.of(a, b, c)));
        assertTrue(IndexBuilder.isCurrent(dir, "en"));
        assertFalse(IndexBuilder.isCurrent(dir, "fr"));
        assertEquals(0, build(List.of(c, b, a)), "nothing changed: nothing analysed");
        assertEquals(1, build(List.of(a, doc("/en/b/", "2025-06-01", "open data, revised"), c)));
        assertEquals(0, build(List.of(a, doc("/en/b/", "2025-06-01", "open data, revised"))));
        assertEquals(List.of("/en/b/", "/en/a/"), paths(), "c is gone; newest first");
    }

    @Test
    void documentNumbersFollowDatesNotArrival() throws IOException {
        build(List.of(doc("/en/old/", "2020-01-01", "x"), doc("/en/undated/", null, "x"), doc("/en/new/", "2026-01-01", "x"),
                doc("/en/mid/", "2023-01-01", "x")));
        assertEquals(List.of("/en/new/", "/en/mid/", "/en/old/", "/en/undated/"), paths());
    }

    @Test
    void aWordItselfRanksBeforeTheSameWordInsideAnother() throws IOException {
        // Same length, same number of words: only the part differs.
        List<SearchDocument> docs = List.of(
                new SearchDocument("/nl/a/", "nl", "/nl/a/", "Een", "", null, "het datawoordenboek van de gemeente", null, null,
                        Long.MIN_VALUE, Map.of(), List.of()),
                new SearchDocument("/nl/b/", "nl", "/nl/b/", "Twee", "", null, "het woordenboek van de gemeente", null, null,
                        Long.MIN_VALUE, Map.of(), List.of()));
        try (IndexBuilder b = IndexBuilder.open("nl", dir)) {
            docs.forEach(b::add);
            b.finish();
        }
        try (SearchIndex index = SearchIndex.open("nl", dir)) {
            Searcher searcher = new Searcher(Map.of("nl", index));
            List<SearchHit> hits = searcher.search(new SearchRequest("woordenboek", "nl", false, Map.of(), false, 1, 10)).hits();
            assertEquals(List.of("/nl/b/", "/nl/a/"), hits.stream().map(SearchHit::path).toList(), "both, the word itself first");
            assertTrue(hits.get(1).score() < hits.get(0).score(), "the part's field weighs half the body's");
            assertEquals(List.of("/nl/a/"), searcher.search(new SearchRequest("datawoordenboek", "nl", false, Map.of(), false, 1, 10))
                    .hits().stream().map(SearchHit::path).toList(), "the compound finds only itself");
        }
    }

    @Test
    void anIndexOfAnotherFormatIsRebuilt() throws IOException {
        build(List.of(doc("/en/a/", "2024-01-01", "x")));
        Files.writeString(dir.resolve("agora-index-key"), "agora-search-0 lucene-9");
        assertEquals(1, build(List.of(doc("/en/a/", "2024-01-01", "x"))), "not reused");
        assertTrue(IndexBuilder.isCurrent(dir, "en"));
    }
}
