package org.agora.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.agora.model.Page;
import org.agora.testing.Chromium;
import org.agora.testing.RealCorpus;
import org.agora.testing.StaticServer;
import org.agora.testing.TestPaths;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known-item search over every page of the three real corpora, in the browser: for every document with at
 * least {@value #MIN_WORDS} words of text (the text Agora indexes), a query made of two of its rarest words
 * (fewest documents of its corpus and language hold them in their text; never a word of its title) must
 * return it in the top ten of the search runtime, running in headless Chromium on the built files. A
 * document with text that is not in the index at all counts as not found.
 *
 * <p>Prints MRR@10 and success@1 per corpus and language, and writes them with every query and the rank
 * Agora gave it to {@code generator/target/known-item-CORPUS.json}, for {@code bench/known-item-pagefind.sh},
 * which asks Pagefind the same queries on the same output (and gives it the same documents: their links are there
 * too).
 */
class KnownItemSearchTest {

    static final int MIN_WORDS = 40;
    static final int TOP = 10;
    /** Queries per call into the page: Chromium's script timeout is 30 s on two busy cores. */
    static final int BATCH = 40;
    /** A word as readers type one: letters, with an inner apostrophe (l'avion, John's); at least three letters. */
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:['’][\\p{L}\\p{M}]+)*");

    static Chromium browser;

    @BeforeAll
    static void start() { browser = Chromium.start(); }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    /** One known item: a document, the query made for it and, once asked, its rank (0: not in the top ten). */
    record Probe(String language, String path, String url, String title, int words, int doc, String query, String rarity) {}

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealCorpus.class)
    void everyDocumentIsFoundByTwoOfItsRarestWords(RealCorpus corpus) throws IOException {
        RealCorpus.Build build = corpus.built().requireOutput();
        List<String> languages = build.languages();
        Map<String, List<Probe>> probes = new LinkedHashMap<>();
        Map<String, int[]> skipped = new LinkedHashMap<>();   // language → [short, without two rare words]
        Map<String, List<String>> indexed = new LinkedHashMap<>();   // language → URL of every document in the index
        for (String lang : languages) {
            probes.put(lang, probes(build, lang, skipped.computeIfAbsent(lang, k -> new int[2]),
                    indexed.computeIfAbsent(lang, k -> new ArrayList<>())));
        }

        Map<Probe, Integer> ranks = new HashMap<>();
        String runtime = runtime(build);
        try (StaticServer server = StaticServer.serve(build.out(), "/")) {
            browser.open(server.base().resolve(startPage(build)));
            for (String lang : languages) {
                List<Probe> asked = probes.get(lang).stream().filter(p -> p.doc() >= 0).toList();
                for (int from = 0; from < asked.size(); from += BATCH) {
                    List<Probe> batch = asked.subList(from, Math.min(asked.size(), from + BATCH));
                    JsonNode found = browser.run("""
                            const [runtime, lang, queries, top] = args;
                            const mod = await import(runtime);
                            window.__knownItem ??= {};
                            window.__knownItem[lang] ??= await mod.open({ lang });
                            const engine = window.__knownItem[lang];
                            const out = [];
                            for (const q of queries) {
                              const res = await engine.search(q, { page: 1, pageSize: top });
                              out.push(res.results.map((h) => h.language === lang ? h.doc : -1));
                            }
                            return out;
                            """, runtime, lang, batch.stream().map(Probe::query).toList(), TOP);
                    for (int i = 0; i < batch.size(); i++) {
                        int rank = 0;
                        JsonNode docs = found.get(i);
                        for (int k = 0; k < docs.size() && rank == 0; k++) if (docs.get(k).asInt() == batch.get(i).doc()) rank = k + 1;
                        ranks.put(batch.get(i), rank);
                    }
                }
            }
        }

        // Figures, per language and for the corpus.
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (String lang : languages) {
            List<Probe> list = probes.get(lang);
            double rr = 0;
            int first = 0, top = 0, unindexed = 0;
            for (Probe p : list) {
                int rank = ranks.getOrDefault(p, 0);
                if (p.doc() < 0) unindexed++;
                if (rank == 1) first++;
                if (rank > 0) {
                    top++;
                    rr += 1.0 / rank;
                } else {
                    failures.add(String.format("[%s] %s  \"%s\"  (%s; %d words%s)", lang, p.url(), p.query(), p.rarity(), p.words(),
                            p.doc() < 0 ? "; NOT IN THE INDEX" : ""));
                }
            }
            int n = list.size();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("documents", n);
            m.put("notIndexed", unindexed);
            m.put("skippedShort", skipped.get(lang)[0]);
            m.put("skippedNoRareWords", skipped.get(lang)[1]);
            m.put("mrr10", n == 0 ? 0 : rr / n);
            m.put("success1", n == 0 ? 0 : (double) first / n);
            m.put("success10", n == 0 ? 0 : (double) top / n);
            metrics.put(lang, m);
            table.append(String.format("  %-3s %4d documents (%d not indexed; %d under %d words, %d without two rare words)"
                            + "  MRR@10 %.3f  success@1 %.3f  success@10 %.3f%n", lang, n, unindexed, skipped.get(lang)[0],
                    MIN_WORDS, skipped.get(lang)[1], (double) m.get("mrr10"), (double) m.get("success1"), (double) m.get("success10")));
        }
        System.out.print("KnownItemSearchTest: " + corpus + " (Agora's runtime in Chromium, top " + TOP + ")\n" + table);
        write(corpus, metrics, probes, ranks, indexed);

        int total = probes.values().stream().mapToInt(List::size).sum();
        assertTrue(total > 0, corpus + ": no document to look for");
        assertTrue(failures.isEmpty(), corpus + ": " + failures.size() + " of " + total + " documents are not in the top "
                + TOP + " for two of their rarest words; the first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** The URL of the search runtime the build wrote ("/agora-search/agora-search.js"). */
    private static String runtime(RealCorpus.Build build) throws IOException {
        try (var walk = Files.walk(build.out())) {
            return "/" + build.out().relativize(walk.filter(p -> p.getFileName().toString().equals("agora-search.js")).findFirst()
                    .orElseThrow(() -> new AssertionError("the build wrote no agora-search.js"))).toString().replace('\\', '/');
        }
    }

    /** A page of the site to run the runtime from (same origin): the home page, else any page. */
    private static String startPage(RealCorpus.Build build) throws IOException {
        if (Files.isRegularFile(build.out().resolve("index.html"))) return "/";
        try (var walk = Files.walk(build.out())) {
            return "/" + build.out().relativize(walk.filter(p -> p.toString().endsWith(".html")).sorted().findFirst().orElseThrow())
                    .toString().replace('\\', '/');
        }
    }

    // --- the queries ----------------------------------------------------------------------------------------

    /** The known items of one language: every document with enough text, and the query for it. */
    static List<Probe> probes(RealCorpus.Build build, String lang, int[] skipped, List<String> indexed) throws IOException {
        List<Probe> out = new ArrayList<>();
        Path dir = build.searchIndex(lang);
        Map<String, Integer> docOfPath = new HashMap<>();
        try (SearchIndex index = Files.isDirectory(dir) ? SearchIndex.open(lang, dir) : null) {
            LeafReader leaf = index == null ? null : index.leaf();
            if (index != null) {
                for (int d = 0; d < index.docCount(); d++) {
                    SearchHit hit = index.hit(d, 0);
                    docOfPath.put(hit.path(), d);
                    indexed.add(hit.url());
                }
            }
            try (Analyzer full = Analyzers.forLanguage(lang, Analyzers.Mode.FULL);
                 Analyzer surface = Analyzers.forLanguage(lang, Analyzers.Mode.SURFACE)) {
                List<Page> pages = build.library().pages().stream()
                        .filter(p -> p.document() != null && p.language().equals(lang))
                        .sorted(Comparator.comparing(Page::path)).toList();
                for (Page page : pages) {
                    Integer doc = docOfPath.get(page.path());
                    String text = doc != null ? index.text(doc) : markdownText(page.document().body());
                    if (text == null) text = "";
                    int words = tokens(surface, text).size();
                    if (words < MIN_WORDS) {
                        skipped[0]++;
                        continue;
                    }
                    String[] query = rarestTwo(full, leaf, text, page.title());
                    if (query == null) {
                        skipped[1]++;
                        continue;
                    }
                    out.add(new Probe(lang, page.path(), url(page.outputPath()), page.title(), words, doc == null ? -1 : doc,
                            query[0], query[1]));
                }
            }
        }
        return out;
    }

    /**
     * Two words of the text whose terms the fewest documents of the language hold in their body (then the
     * fewest times in all, then the first in the text), none of the title's terms: {query, "df a/b"}.
     */
    static String[] rarestTwo(Analyzer analyzer, LeafReader leaf, String text, String title) throws IOException {
        Set<String> titleTerms = new HashSet<>();
        for (String[] t : tokens(analyzer, title == null ? "" : title)) titleTerms.add(t[0]);
        Map<String, String> surfaceOfTerm = new LinkedHashMap<>();   // first surface form of each term, in text order
        for (String[] t : tokens(analyzer, text)) {
            if (titleTerms.contains(t[0]) || surfaceOfTerm.containsKey(t[0])) continue;
            if (!WORD.matcher(t[1]).matches() || t[1].codePointCount(0, t[1].length()) < 3) continue;
            surfaceOfTerm.put(t[0], t[1]);
        }
        record Candidate(String term, String surface, int df, long ttf, int order) {}
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, String> e : surfaceOfTerm.entrySet()) {
            Term term = new Term(SearchFields.BODY.name(), e.getKey());
            int df = leaf == null ? 0 : leaf.docFreq(term);
            long ttf = leaf == null ? 0 : leaf.totalTermFreq(term);
            candidates.add(new Candidate(e.getKey(), e.getValue(), df, ttf, order++));
        }
        if (candidates.size() < 2) return null;
        candidates.sort(Comparator.comparingInt(Candidate::df).thenComparingLong(Candidate::ttf).thenComparingInt(Candidate::order));
        Candidate a = candidates.get(0), b = candidates.get(1);
        return new String[] {a.surface() + " " + b.surface(), "df " + a.df() + "/" + b.df()};
    }

    /** {term, surface form} of every token the analyzer keeps. */
    static List<String[]> tokens(Analyzer analyzer, String text) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(SearchFields.BODY.name(), text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(new String[] {term.toString(), text.substring(offset.startOffset(), offset.endOffset())});
            ts.end();
        }
        return out;
    }

    /** The words of a Markdown body that is not in the index, roughly as a reader sees them. */
    static String markdownText(String body) {
        return body.replaceAll("(?s)\\{\\{[<%].*?[%>]}}", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\]\\([^)]*\\)", "] ");
    }

    /** The URL of an output file below the site's root, as a search engine over the files would give it. */
    static String url(String outputPath) {
        String path = "/" + outputPath;
        return path.endsWith("/index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
    }

    // --- the report -----------------------------------------------------------------------------------------

    private static void write(RealCorpus corpus, Map<String, Object> metrics, Map<String, List<Probe>> probes,
                              Map<Probe, Integer> ranks, Map<String, List<String>> indexed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("corpus", corpus.id());
        json.put("engine", "agora");
        json.put("top", TOP);
        json.put("minWords", MIN_WORDS);
        json.put("metrics", metrics);
        List<Map<String, Object>> queries = new ArrayList<>();
        probes.forEach((lang, list) -> list.forEach(p -> {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("language", lang);
            q.put("url", p.url());
            q.put("title", p.title());
            q.put("words", p.words());
            q.put("query", p.query());
            q.put("indexed", p.doc() >= 0);
            q.put("rank", ranks.getOrDefault(p, 0));
            queries.add(q);
        }));
        json.put("queries", queries);
        // Every document of the index, so that another engine can be given the same documents (links, as the index has them).
        json.put("indexed", indexed);
        try {
            Path file = TestPaths.repoRoot().resolve("generator/target/known-item-" + corpus.id() + ".json");
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
