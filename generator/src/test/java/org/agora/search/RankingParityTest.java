package org.agora.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agora.serve.PreviewServer;
import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import org.agora.testing.Chromium;
import org.agora.testing.TestPaths;
import org.apache.lucene.index.SortedSetDocValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of the browser search: for the same query, the runtime running in headless Chromium on
 * the exported files returns what Lucene's IndexSearcher returns on the Lucene index (same total, same
 * top ten in the same order, the same scores, the same facet counts, the same "did you mean").
 * Queries are drawn, with a fixed seed, from the real osmbe corpus: one, two and three words as they
 * are written in its documents (capitals, accents, elisions, punctuation), phrases taken from its
 * text, prefixes, exclusions, facet filters, searches over all languages, and words that no page has
 * together (the results then have most of them).
 */
class RankingParityTest {

    static final int QUERIES_PER_LANGUAGE = 240;
    static final List<String> LANGUAGES = List.of("en", "fr", "nl");

    @TempDir
    static Path temp;
    static Map<String, SearchIndex> indexes = new LinkedHashMap<>();
    static Chromium browser;
    static PreviewServer server;
    static URI base;

    /** The synonym lines given to the corpus, for every language. */
    static List<String> synonymLines = List.of();

    @BeforeAll
    static void buildOsmbe() throws IOException {
        Path site = TestPaths.osmbeSite(temp);
        synonymLines = synonymsFromTheCorpus(site.resolve("content"), new Random(7));
        Files.writeString(site.resolve("site-config.yml"), "\nsearch:\n  synonyms:\n    all:\n"
                + synonymLines.stream().map(l -> "      - \"" + l + "\"\n").collect(java.util.stream.Collectors.joining()),
                java.nio.file.StandardOpenOption.APPEND);
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("out"), false));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        for (String lang : LANGUAGES) {
            indexes.put(lang, SearchIndex.open(lang, org.agora.site.SiteSearchCache.root(BuildOptions.defaultCache(site)).resolve(lang),
                    Synonyms.parse(lang, synonymLines)));
        }
        server = new PreviewServer(temp.resolve("out"), "/", 0);
        base = server.start();
        browser = Chromium.start();
        browser.open(base.resolve("/"));   // the home page, whatever the corpus settings make of /en/
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) browser.close();
        if (server != null) server.close();
        for (SearchIndex i : indexes.values()) i.close();
    }

    @Test
    void browserTopTenEqualsLuceneTopTen() throws IOException {
        Searcher lucene = new Searcher(indexes);
        List<SearchRequest> requests = new ArrayList<>();
        for (String lang : LANGUAGES) requests.addAll(queries(lang, new Random(42 + lang.hashCode())));
        List<SearchResults> expected = requests.stream().map(lucene::search).toList();

        JsonNode actual = browser.run("""
                const [requests] = args;
                const mod = await import('/agora-search/agora-search.js');
                const engines = {};
                const out = [];
                for (const r of requests) {
                  engines[r.language] ??= await mod.open({ lang: r.language });
                  const res = await engines[r.language].search(r.query, { allLanguages: r.allLanguages,
                    filters: r.filters, prefix: r.prefix, page: 1, pageSize: 10 });
                  out.push({ total: res.total, suggestions: res.suggestions, partial: res.partial, unknownWords: res.unknownWords,
                    hits: res.results.map((h) => ({ language: h.language, doc: h.doc, score: h.score, url: h.url })),
                    facets: Object.fromEntries(res.facets.map((f) => [f.field,
                      Object.fromEntries(f.values.filter((v) => v.count > 0).map((v) => [v.value, v.count]))])) });
                }
                return out;
                """, new ObjectMapper().convertValue(requests.stream().map(RankingParityTest::asJson).toList(), List.class));

        Map<String, int[]> kinds = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            SearchRequest r = requests.get(i);
            String problem = compare(expected.get(i), actual.get(i));
            int[] c = kinds.computeIfAbsent(r.language() + (r.allLanguages() ? "+all" : ""), k -> new int[2]);
            c[0]++;
            if (expected.get(i).total() > 0) c[1]++;
            if (problem != null) failures.add(describe(r) + ": " + problem);
        }
        System.out.println("RankingParityTest: " + requests.size() + " queries (language: queries, with results) " + kinds.entrySet()
                .stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).toList());
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests.size() + " queries differ; the first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
        for (String lang : LANGUAGES) {
            assertTrue(requests.stream().filter(r -> r.language().equals(lang)).count() >= 200, "at least 200 queries in " + lang);
            List<SearchResults> own = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) if (requests.get(i).language().equals(lang)) own.add(expected.get(i));
            long withResults = own.stream().filter(r -> r.total() > 0).count();
            long partial = own.stream().filter(r -> r.partial() != null).count();
            assertTrue(withResults * 3 > own.size() * 2, lang + ": most queries have results, " + withResults + " of " + own.size());
            assertTrue(partial >= 5, lang + ": some queries have results with only some of their words, " + partial);
        }
    }

    /** Null when equal; exact score ties may come in either order. */
    private static String compare(SearchResults expected, JsonNode actual) {
        if (expected.total() != actual.get("total").asInt()) {
            return "total " + actual.get("total").asInt() + " in the browser, " + expected.total() + " in Lucene";
        }
        JsonNode hits = actual.get("hits");
        if (hits.size() != expected.hits().size()) return "hits " + hits.size() + " vs " + expected.hits().size();
        for (int k = 0; k < hits.size(); k++) {
            SearchHit e = expected.hits().get(k);
            JsonNode a = hits.get(k);
            float score = (float) a.get("score").asDouble();
            if (score != e.score()) {
                return "rank " + (k + 1) + ": score " + score + " in the browser, " + e.score() + " in Lucene (" + e.url() + ")";
            }
            boolean same = a.get("doc").asInt() == e.doc() && a.get("language").asText().equals(e.language());
            if (!same && !tiedWithNeighbour(expected.hits(), k, score, a)) {
                return "rank " + (k + 1) + ": " + a.get("url").asText() + " in the browser, " + e.url() + " in Lucene";
            }
        }
        Map<String, Map<String, Integer>> facets = new TreeMap<>();
        actual.get("facets").fields().forEachRemaining(f -> {
            Map<String, Integer> values = new TreeMap<>();
            f.getValue().fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().asInt()));
            if (!values.isEmpty()) facets.put(f.getKey(), values);
        });
        if (!facets.equals(new TreeMap<>(expected.facets()))) return "facets " + facets + " vs " + expected.facets();
        List<String> suggestions = new ArrayList<>();
        actual.get("suggestions").forEach(s -> suggestions.add(s.asText()));
        if (!suggestions.equals(expected.suggestions())) return "suggestions " + suggestions + " vs " + expected.suggestions();
        JsonNode partial = actual.get("partial");
        SearchResults.Partial actualPartial = partial == null || partial.isNull() ? null
                : new SearchResults.Partial(partial.get("matched").asInt(), partial.get("of").asInt());
        if (!java.util.Objects.equals(actualPartial, expected.partial())) return "partial " + actualPartial + " vs " + expected.partial();
        List<String> unknown = new ArrayList<>();
        actual.get("unknownWords").forEach(w -> unknown.add(w.asText()));
        if (!unknown.equals(expected.unknownWords())) return "unknown words " + unknown + " vs " + expected.unknownWords();
        return null;
    }

    private static boolean tiedWithNeighbour(List<SearchHit> hits, int k, float score, JsonNode a) {
        for (SearchHit h : hits) {
            if (h.score() == score && h.doc() == a.get("doc").asInt() && h.language().equals(a.get("language").asText())) return true;
        }
        return false;
    }

    /** A request as the runtime's search() options take it (shared with ExportLayoutTest). */
    static Map<String, Object> asJson(SearchRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", r.query());
        m.put("language", r.language());
        m.put("allLanguages", r.allLanguages());
        m.put("filters", r.filters());
        m.put("prefix", r.prefix());
        return m;
    }

    private static String describe(SearchRequest r) {
        return "[" + r.language() + (r.allLanguages() ? " all" : "") + (r.prefix() ? " prefix" : "")
                + (r.filters().isEmpty() ? "" : " " + r.filters()) + "] " + r.query();
    }

    // --- the queries -----------------------------------------------------------------------------------

    /**
     * Lines of synonyms as a site would write them, from the corpus's own words: two or three words or pairs of
     * neighbouring words taken anywhere in its Markdown, so that a group often joins pages that share no word.
     */
    static List<String> synonymsFromTheCorpus(Path content, Random random) throws IOException {
        List<String> words = new ArrayList<>();
        try (var files = Files.walk(content)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                for (String w : Files.readString(f).split("[^\\p{L}]+")) if (w.length() >= 4) words.add(w);
            }
        }
        List<String> lines = new ArrayList<>();
        for (int g = 0; g < 60; g++) {
            List<String> entries = new ArrayList<>();
            int size = 2 + random.nextInt(2);
            for (int e = 0; e < size; e++) {
                int at = random.nextInt(words.size() - 1);
                entries.add(random.nextInt(3) == 0 ? words.get(at) + " " + words.get(at + 1) : words.get(at));
            }
            lines.add(String.join(", ", entries));
        }
        return lines;
    }

    /** Queries of every kind, built from words and passages of the language's own documents. */
    static List<SearchRequest> queries(String lang, Random random) throws IOException {
        SearchIndex index = indexes.get(lang);
        List<List<String>> texts = new ArrayList<>();
        for (int d = 0; d < index.docCount(); d++) {
            List<String> words = List.of(index.text(d).split("\\s+"));
            if (words.size() > 5) texts.add(words);
        }
        List<SearchRequest> out = new ArrayList<>();
        Map<String, List<String>> facetValues = facetValues(index);
        // Four letters that begin many index words and are no word themselves: each stands for ten words.
        Map<String, Integer> completions = new TreeMap<>();
        for (Vocabulary.Surface w : index.vocabulary().withPrefix("")) {
            if (w.word().length() > 4 && w.word().chars().allMatch(Character::isLetter)) completions.merge(w.word().substring(0, 4), 1, Integer::sum);
        }
        List<String> beginnings = completions.entrySet().stream().filter(e -> e.getValue() >= 10 && !index.vocabulary().hasTerm(e.getKey()))
                .map(Map.Entry::getKey).toList();
        assertTrue(beginnings.size() >= 10, lang + ": " + beginnings);
        while (out.size() < QUERIES_PER_LANGUAGE) {
            List<String> words = texts.get(random.nextInt(texts.size()));
            int at = random.nextInt(words.size() - 4);
            String one = words.get(at);
            String two = one + " " + words.get(at + 2);
            String query;
            Map<String, List<String>> filters = Map.of();
            boolean prefix = false;
            boolean all = false;
            int kind = out.size() % 16;
            switch (kind) {
                case 0, 1, 2 -> query = one;
                case 3, 4 -> query = two;
                case 5 -> query = two + " " + words.get(at + 4);
                case 6 -> query = "\"" + words.get(at) + " " + words.get(at + 1) + (random.nextBoolean() ? " " + words.get(at + 2) : "") + "\"";
                case 7 -> {
                    String w = words.get(at + 1);
                    query = (random.nextBoolean() ? one + " " : "") + w.substring(0, Math.min(w.length(), 2 + random.nextInt(4)));
                    prefix = true;
                }
                case 8 -> {
                    List<String> other = texts.get(random.nextInt(texts.size()));
                    query = one + " -" + other.get(random.nextInt(other.size()));
                }
                case 9 -> {
                    query = random.nextBoolean() ? one : two;
                    List<String> fields = new ArrayList<>(facetValues.keySet());
                    String field = fields.get(random.nextInt(fields.size()));
                    List<String> values = facetValues.get(field);
                    filters = Map.of(field, List.of(values.get(random.nextInt(values.size()))));
                }
                case 10 -> {
                    query = random.nextBoolean() ? one : two;
                    all = true;
                }
                case 11 -> query = misspell(one, random);
                case 12 -> query = pieceOf(words.get(at + random.nextInt(4)), random) + (random.nextBoolean() ? " " + one : "");
                case 14 -> {
                    // A pasted run of words cut short: more prefix expansions than a plan keeps (QueryPlanner.bounded).
                    List<String> pieces = new ArrayList<>();
                    for (int k = 0; k < QueryText.MAX_PARTS; k++) pieces.add(beginnings.get(random.nextInt(beginnings.size())));
                    query = String.join(" ", pieces);
                }
                case 13 -> {
                    // One of a synonym line's words or phrases, alone or beside a word of the page.
                    String[] entries = synonymLines.get(random.nextInt(synonymLines.size())).split(", ");
                    query = entries[random.nextInt(entries.length)] + (random.nextInt(3) == 0 ? " " + one : "");
                    all = random.nextInt(4) == 0;
                }
                default -> {
                    // Words that seldom meet, and perhaps one no page has: the results have most of them.
                    List<String> other = texts.get(random.nextInt(texts.size()));
                    query = two + " " + other.get(random.nextInt(other.size()))
                            + (random.nextBoolean() ? " " + misspell(other.get(random.nextInt(other.size())), random) : "");
                    prefix = random.nextInt(4) == 0;
                    all = random.nextInt(4) == 0;
                }
            }
            out.add(new SearchRequest(query, lang, all, filters, prefix, 1, 10));
        }
        return out;
    }

    /**
     * A piece of a word, as readers type one: a part of an identifier, or the beginning or the end of a long
     * word (a compound's first or last word, a word cut short); the word itself when it is short.
     */
    private static String pieceOf(String word, Random random) {
        List<WordParts.Part> parts = WordParts.of(word);
        if (!parts.isEmpty() && random.nextBoolean()) {
            WordParts.Part p = parts.get(random.nextInt(parts.size()));
            return word.substring(p.start(), p.end());
        }
        String letters = word.replaceAll("\\P{L}+", "");
        if (letters.length() < 9) return word;
        int length = 4 + random.nextInt(4);
        return random.nextBoolean() ? letters.substring(0, length) : letters.substring(letters.length() - length);
    }

    private static String misspell(String word, Random random) {
        if (word.length() < 5) return word + "x";
        int i = 2 + random.nextInt(word.length() - 3);
        return word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
    }

    private static Map<String, List<String>> facetValues(SearchIndex index) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, SortedSetDocValues> e : index.facetValues().entrySet()) {
            List<String> values = new ArrayList<>();
            for (long ord = 0; ord < e.getValue().getValueCount(); ord++) values.add(e.getValue().lookupOrd(ord).utf8ToString());
            if (!values.isEmpty()) out.put(e.getKey(), values);
        }
        assertEquals(false, out.isEmpty(), "the corpus has facets");
        return out;
    }
}
