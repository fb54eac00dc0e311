package org.agora.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agora.search.IndexExporter.Layout.Packing;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export's rarely reached paths, forced with a tiny layout on the bundled site's index: frequent terms'
 * postings and positions as members of many small packs, result data bundled several documents per file
 * across facet shards, many dictionary, word and facet shards. The runtime (run in node) must still return
 * exactly what Lucene returns, whether the host answers Range requests or sends whole files.
 */
class ExportLayoutTest {

    static final int DATA_FILES = 3;
    static final IndexExporter.Layout TINY = new IndexExporter.Layout(4, 8, 16, 16, 2, 200, DATA_FILES, 40, true, 300);
    /** The same without packs (search.packs: never, or auto on a site within the file budget): format 2's files. */
    static final IndexExporter.Layout TINY_FILES = TINY.with(IndexExporter.Layout.Packing.NONE);
    /** Postings and positions in packs, a file per result (auto, where that brings a site within its file budget). */
    static final IndexExporter.Layout TINY_POSTINGS = TINY.with(IndexExporter.Layout.Packing.POSTINGS);

    @TempDir
    Path temp;

    @Test
    void packsAndSmallShardsGiveTheSameResults() throws Exception {
        sameResultsAsLucene(TINY);
    }

    @Test
    void filesInPiecesWithoutPacksGiveTheSameResults() throws Exception {
        sameResultsAsLucene(TINY_FILES);
    }

    @Test
    void postingsPacksWithAFilePerResultGiveTheSameResults() throws Exception {
        sameResultsAsLucene(TINY_POSTINGS);
    }

    private void sameResultsAsLucene(IndexExporter.Layout layout) throws Exception {
        Path cache = temp.resolve("cache");
        BuildResult built = new SiteBuilder(BuildListener.NONE)
                .build(new BuildOptions(TestPaths.repoRoot(), temp.resolve("out"), false, cache));
        assertTrue(built.success(), () -> built.diagnostics().sorted().toString());
        Path searchDir = temp.resolve("tiny/search");
        Files.createDirectories(searchDir);
        for (String file : List.of("agora-search.js", "agora-packs.js", "analysis.js", "stem-porter.js", "stem-french-light.js", "stem-dutch.js")) {
            try (InputStream in = ExportLayoutTest.class.getResourceAsStream("/agora/search/" + file)) {
                Files.write(searchDir.resolve(file), in.readAllBytes());
            }
        }
        ObjectMapper json = new ObjectMapper();
        Files.write(searchDir.resolve("unicode.bin"), IndexExporter.gzip(json.writeValueAsBytes(AnalysisTables.unicode())));
        FacetLabels labels = new FacetLabels() {
            public String field(String language, String field) { return field; }
            public String value(String language, String field, String value) { return value; }
        };
        IndexExporter exporter = new IndexExporter(labels, layout);
        Map<String, SearchIndex> indexes = new LinkedHashMap<>();
        Map<String, Map<String, Object>> manifests = new LinkedHashMap<>();
        List<Map<String, String>> languages = new ArrayList<>();
        for (String lang : List.of("en", "fr", "nl")) languages.add(Map.of("code", lang, "label", lang));
        try {
            for (String lang : List.of("en", "fr", "nl")) {
                SearchIndex index = SearchIndex.open(lang, org.agora.site.SiteSearchCache.root(cache).resolve(lang));
                indexes.put(lang, index);
                Map<String, Object> manifest = exporter.export(index, searchDir);
                manifest.put("label", lang);
                manifest.put("languages", languages);
                manifest.put("analysis", AnalysisTables.forLanguage(lang));
                manifest.put("unicode", "unicode.bin");
                manifests.put(lang, manifest);
                Files.write(searchDir.resolve(lang + ".json"), json.writeValueAsBytes(manifest));
            }
            try (Stream<Path> files = Files.walk(searchDir)) {
                List<String> names = files.map(p -> searchDir.relativize(p).toString()).toList();
                if (!layout.packs()) {
                    assertTrue(names.stream().anyMatch(n -> n.matches(".*/p/\\d+-\\d+\\.1\\.bin")), "postings split into pieces");
                    assertTrue(names.stream().anyMatch(n -> n.matches(".*/x/\\d+-\\d+\\.1\\.bin")), "positions split into pieces");
                }
                assertTrue(names.stream().filter(n -> n.matches("fr-.*/f/\\d+\\.bin")).count() > 3, "several facet shards");
                for (String lang : List.of("en", "fr", "nl")) {
                    assertEquals(layout.packs(), manifests.get(lang).get("packs"), lang);
                    boolean bundled = layout.dataFilesMax() == DATA_FILES;
                    if (!bundled) {
                        assertEquals(indexes.get(lang).docCount(), names.stream().filter(n -> n.matches(lang + "-.*/d/\\d+\\.bin")).count(),
                                "a file per result");
                        assertEquals(1, ((Number) manifests.get(lang).get("dataDocsPerFile")).intValue());
                    }
                    if (!layout.packs()) {
                        // format 2's files, as before packs: a file per result and per frequent term, in pieces when large
                        assertEquals(indexes.get(lang).docCount(), names.stream().filter(n -> n.matches(lang + "-.*/d/\\d+\\.bin")).count());
                        assertEquals(List.of(), names.stream().filter(n -> n.matches(lang + "-.*/p/\\d+\\.bin")).toList(), "no packs");
                        continue;
                    }
                    if (!bundled) continue;
                    long data = names.stream().filter(n -> n.matches(lang + "-.*/d/\\d+\\.bin")).count();
                    assertTrue(data > 0 && data <= DATA_FILES, lang + ": result data in at most " + DATA_FILES + " files, not " + data);
                    assertTrue(indexes.get(lang).docCount() > 2 * DATA_FILES, "several documents per data file");
                    Path folder = searchDir.resolve((String) manifests.get(lang).get("folder"));
                    long packs = names.stream().filter(n -> n.matches(lang + "-.*/p/\\d+\\.bin")).count();
                    long packBytes;
                    try (Stream<Path> p = Files.list(folder.resolve("p"))) {
                        packBytes = p.mapToLong(f -> f.toFile().length()).sum();
                    }
                    // A segment is never split, so two neighbouring packs hold more than the cap together.
                    assertTrue(packs > 1 && packs <= 2 * packBytes / TINY.packBytes() + 1, lang + ": " + packs + " packs");
                    assertEquals(List.of(), names.stream().filter(n -> n.startsWith(lang + "-") && n.contains("/x/")).toList());
                }
            }
            List<SearchRequest> requests = new ArrayList<>();
            for (String q : List.of("réseau", "radio communautaire", "\"assemblée générale\"", "réseau -Namur", "données",
                    "\"le réseau\"", "reseua")) {
                requests.add(new SearchRequest(q, "fr", false, Map.of(), false, 1, 10));
            }
            requests.add(new SearchRequest("rés", "fr", false, Map.of(), true, 1, 10));
            requests.add(new SearchRequest("réseau", "fr", false, Map.of("type", List.of("news", "events")), false, 1, 10));
            requests.add(new SearchRequest("network", "en", false, Map.of(), false, 1, 10));
            requests.add(new SearchRequest("\"open data\"", "en", false, Map.of(), false, 1, 10));
            requests.add(new SearchRequest("netwerk", "nl", false, Map.of(), false, 1, 10));
            requests.add(new SearchRequest("radio", "nl", true, Map.of(), false, 1, 10));
            requests.add(new SearchRequest("radio", "fr", true, Map.of("language", List.of("fr", "nl")), false, 1, 10));
            requests.add(new SearchRequest("réseau réseaux Réseau", "fr", false, Map.of(), false, 1, 10));
            requests.add(new SearchRequest("running runs run network", "en", false, Map.of(), false, 1, 10));
            requests.add(new SearchRequest(String.join(" ", java.util.Collections.nCopies(40, "réseau Namur")), "fr", false,
                    Map.of(), true, 1, 10));
            // Words of the annual report's PDF attachment: alone, with the pages' words, as a phrase, excluded, typed.
            int firstAttachmentQuery = requests.size();
            for (String q : List.of("ledger", "rainfall records", "\"grant ledger\"", "Thies", "coordination rotates",
                    "attendance", "rainfall -ledger", "Mechelen receipts")) {
                requests.add(new SearchRequest(q, "en", false, Map.of(), false, 1, 10));
            }
            requests.add(new SearchRequest("ledger", "fr", false, Map.of(), false, 1, 10));
            requests.add(new SearchRequest("ledger", "nl", true, Map.of(), false, 1, 10));
            requests.add(new SearchRequest("receipts led", "en", false, Map.of(), true, 1, 10));
            Searcher lucene = new Searcher(indexes);
            for (String host : List.of("range", "norange")) {
                Path log = temp.resolve(host + "-requests.json");
                JsonNode actual = runNode(searchDir, requests, host, log);
                assertSameAsLucene(lucene, requests, actual, firstAttachmentQuery);
                List<String> ranged = new ArrayList<>();
                new ObjectMapper().readTree(log.toFile()).forEach(r -> { if (!r.get("range").isNull()) ranged.add(r.get("url").asText()); });
                if (!layout.packs()) {
                    assertEquals(List.of(), ranged, "no Range request without packs");
                } else if (host.equals("range")) {
                    assertEquals(layout.dataFilesMax() == DATA_FILES, ranged.stream().anyMatch(u -> u.matches(".*/d/\\d+\\.bin")),
                            "result data read by range when bundled");
                    assertTrue(ranged.stream().anyMatch(u -> u.matches(".*/p/\\d+\\.bin")), "postings read by range");
                } else {
                    // Told by its first answer that the host ignores Range, each language stops asking for ranges.
                    assertTrue(ranged.size() <= 3 * indexes.size(), "ranges asked of a host that ignores them: " + ranged);
                }
            }
        } finally {
            for (SearchIndex i : indexes.values()) i.close();
        }
    }

    private static void assertSameAsLucene(Searcher lucene, List<SearchRequest> requests, JsonNode actual, int firstAttachmentQuery) {
        {
            for (int i = 0; i < requests.size(); i++) {
                SearchResults expected = lucene.search(requests.get(i));
                JsonNode a = actual.get(i);
                String what = requests.get(i).query();
                assertEquals(expected.total(), a.get("total").asInt(), what);
                assertEquals(expected.hits().size(), a.get("hits").size(), what);
                for (int k = 0; k < expected.hits().size(); k++) {
                    assertEquals(expected.hits().get(k).url(), a.get("hits").get(k).get("url").asText(), what + " #" + k);
                    assertEquals(expected.hits().get(k).score(), (float) a.get("hits").get(k).get("score").asDouble(), what + " #" + k);
                    // The attachment a result names: compared where the tiny layout's 300 characters of body text
                    // cannot change which passage is best (the report's page has none of these words early on).
                    if (i >= firstAttachmentQuery) {
                        SearchHit.Attachment named = expected.hits().get(k).attachment();
                        JsonNode got = a.get("hits").get(k).get("attachment");
                        assertEquals(named == null ? "null" : named.title() + " " + named.url(),
                                got == null || got.isNull() ? "null" : got.get("title").asText() + " " + got.get("url").asText(),
                                what + " #" + k);
                    }
                }
                List<String> suggestions = new ArrayList<>();
                a.get("suggestions").forEach(s -> suggestions.add(s.asText()));
                assertEquals(expected.suggestions(), suggestions, what);
            }
            assertTrue(actual.get(0).get("total").asInt() > 3);
            assertEquals("Annual report 2025 (PDF)",
                    actual.get(firstAttachmentQuery).get("hits").get(0).get("attachment").get("title").asText(), "ledger names the PDF");
        }
    }

    /**
     * search.packs: auto packs postings past 20,000 files, and bundles result data (which a first query pays
     * for) only past 100,000, with figures of the bench's corpora (files besides search, and documents of all
     * languages, from their builds on main).
     */
    @Test
    void packsPayOnlyPastTheFileBudgets() {
        assertEquals(Packing.NONE, IndexExporter.Layout.packingFor(2_731, 2_554, 3), "1,000 groups: 11,752 files with format 2's layout");
        assertEquals(Packing.POSTINGS, IndexExporter.Layout.packingFor(26_685, 25_496, 3), "10,000 groups: 86,178 files, a file per result stays");
        assertEquals(Packing.ALL, IndexExporter.Layout.packingFor(267_000, 255_000, 3), "100,000 groups");
        assertEquals(Packing.NONE, IndexExporter.Layout.packingFor(0, 8_000, 1), "8,000 documents: 20,000 search files");
        assertEquals(Packing.POSTINGS, IndexExporter.Layout.packingFor(0, 8_001, 1), "8,001 documents: a file per result still fits");
        assertEquals(Packing.POSTINGS, IndexExporter.Layout.packingFor(8_100, 7_600, 3), "about 3,000 groups");
        assertEquals(Packing.POSTINGS, IndexExporter.Layout.packingFor(0, 98_999, 1), "98,999 result files and a language's shards still fit");
        assertEquals(Packing.ALL, IndexExporter.Layout.packingFor(0, 99_001, 1), "99,001 result files and a language's shards do not");
        assertEquals(Packing.ALL, IndexExporter.Layout.packingFor(100_001, 0, 1), "past both budgets without search, packs still spare files");
    }

    /** The site setting reaches the export: the bundled site is small, so auto writes no packs; always does. */
    @Test
    void theSiteSettingChoosesPacks() throws Exception {
        for (String setting : List.of("", "always", "never")) {
            Path site = org.agora.testing.ServedSite.copyOfBundled(temp.resolve("site" + setting));
            if (!setting.isEmpty()) org.agora.testing.ServedSite.setSearchPacks(site, setting);
            Path out = site.resolve("public");
            BuildResult built = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, out, false, site.resolve(".cache")));
            assertTrue(built.success(), () -> built.diagnostics().sorted().toString());
            Path searchDir = out.resolve(SearchLayout.OUTPUT_FOLDER);
            JsonNode manifest = new ObjectMapper().readTree(searchDir.resolve("fr.json").toFile());
            boolean packs = setting.contains("always");
            assertEquals(packs, manifest.get("packs").asBoolean(), setting);
            Path folder = searchDir.resolve(manifest.get("folder").asText());
            try (Stream<Path> d = Files.list(folder.resolve("d"))) {
                assertEquals(packs ? Math.min(manifest.get("docCount").asInt(), 1024) : manifest.get("docCount").asInt(), d.count(), setting);
            }
            try (Stream<Path> p = Files.list(folder.resolve("p"))) {
                assertEquals(packs, p.anyMatch(f -> f.getFileName().toString().matches("\\d+\\.bin")), setting);
            }
            assertEquals(packs, Files.exists(searchDir.resolve("agora-packs.js")),
                    setting + ": the Range reader is published only with packs");
        }
    }

    /** The bound on result-data files holds whatever the number of documents; small sites keep a file each. */
    @Test
    void resultDataFilesStayUnderTheirBound() {
        IndexExporter.Layout layout = IndexExporter.Layout.DEFAULT;
        assertEquals(1, layout.dataDocsPerFile(layout.dataFilesMax()), "a file per result up to the bound");
        for (int docs : new int[] {1, 500, 1_025, 8_400, 84_000, 1_000_000, 10_000_000}) {
            int per = layout.dataDocsPerFile(docs);
            long files = (docs + per - 1) / per;
            assertTrue(files <= layout.dataFilesMax(), docs + " documents: " + files + " files");
        }
    }

    private JsonNode runNode(Path searchDir, List<SearchRequest> requests, String host, Path requestLog) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> plain = requests.stream().map(RankingParityTest::asJson).toList();
        Path in = temp.resolve("requests.json");
        Path out = temp.resolve("results.json");
        json.writeValue(in.toFile(), plain);
        Path script = TestPaths.repoRoot().resolve("generator/src/test/js/search-queries.mjs");
        Process p = new ProcessBuilder("node", script.toString(), searchDir.toString(), in.toString(), out.toString(), host, requestLog.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, p.exitValue(), "node failed: " + log);
        return json.readTree(out.toFile());
    }
}
