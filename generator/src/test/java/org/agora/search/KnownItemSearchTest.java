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
 * Known-item search over every page of the bundled site and the three real corpora, in the browser: for every
 * document with at least {@value #MIN_WORDS} words of text (the text Agora indexes), queries as readers type
 * them ({@link Kind}): two of its rarest words (fewest documents of its corpus and language hold them; never
 * a word of its title), which must return it in the top ten of the search runtime running in headless Chromium
 * on the built files; the same words with one misspelt, one cut short, a part of an identifier or of a Dutch
 * compound beside a rare word, each of which must find most documents. A document with text that is not in the
 * index at all counts as not found.
 *
 * <p>Prints MRR@10, success@1, success@10 and the queries without any result per corpus, language and kind,
 * and writes them with every query and the rank Agora gave it to {@code generator/target/known-item-CORPUS.json},
 * for {@code bench/known-item-pagefind.sh}, which asks Pagefind the same queries on the same output (and gives
 * it the same documents: their links are there too).
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

    /** How a reader asks for a document they know. */
    enum Kind {
        /** Two of its rarest words. */
        RARE,
        /** The same two words, the longer misspelt (two neighbouring letters swapped, or one left out). */
        TYPO,
        /** The same two words, the longer (seven letters or more) cut to its first 60 per cent. */
        PREFIX,
        /** A part of one of its identifiers (ScaleType.ShrinkToFit, rainfall_mm) and its rarest other word. */
        IDENTIFIER,
        /** The last word of one of its Dutch compounds (woordenboek for datawoordenboek) and its rarest other word. */
        COMPOUND
    }

    /** Per kind, the share of documents at least found in the top ten; RARE must find every one. */
    static final Map<Kind, Double> FLOORS = Map.of(Kind.RARE, 1.0, Kind.TYPO, 0.6, Kind.PREFIX, 0.6,
            Kind.IDENTIFIER, 0.5, Kind.COMPOUND, 0.5);

    /** One known item: a document, a query made for it and, once asked, its rank (0: not in the top ten). */
    record Probe(String language, String path, String url, String title, int words, int doc, Kind kind, String query,
                 String rarity) {}

    /** The answer to a probe: its rank and whether the query found anything at all. */
    record Answer(int rank, int total) {}

    static java.util.stream.Stream<String> sites() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("bundled"),
                java.util.Arrays.stream(RealCorpus.values()).map(RealCorpus::id));
    }

    @org.junit.jupiter.api.io.TempDir
    static Path temp;

    /** The bundled site, built as the corpora are. */
    static RealCorpus.Build bundled() {
        Path site = org.agora.testing.ServedSite.copyOfBundled(temp.resolve("bundled"));
        Path out = temp.resolve("bundled-out");
        var result = new org.agora.site.SiteBuilder(org.agora.site.BuildListener.NONE)
                .build(new org.agora.site.BuildOptions(site, out, false));
        return new RealCorpus.Build(null, site, out, result, null);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("sites")
    void everyDocumentIsFoundByTwoOfItsRarestWords(String id) throws IOException {
        RealCorpus.Build build = id.equals("bundled") ? bundled().requireOutput()
                : RealCorpus.valueOf(id.toUpperCase(java.util.Locale.ROOT)).built().requireOutput();
        List<String> languages = build.languages();
        Map<String, List<Probe>> probes = new LinkedHashMap<>();
        Map<String, int[]> skipped = new LinkedHashMap<>();   // language → [short, without two rare words]
        Map<String, List<String>> indexed = new LinkedHashMap<>();   // language → URL of every document in the index
        for (String lang : languages) {
            probes.put(lang, probes(build, lang, skipped.computeIfAbsent(lang, k -> new int[2]),
                    indexed.computeIfAbsent(lang, k -> new ArrayList<>())));
        }

        Map<Probe, Answer> ranks = new HashMap<>();
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
                              out.push({ total: res.total, docs: res.results.map((h) => h.language === lang ? h.doc : -1) });
                            }
                            return out;
                            """, runtime, lang, batch.stream().map(Probe::query).toList(), TOP);
                    for (int i = 0; i < batch.size(); i++) {
                        int rank = 0;
                        JsonNode docs = found.get(i).get("docs");
                        for (int k = 0; k < docs.size() && rank == 0; k++) if (docs.get(k).asInt() == batch.get(i).doc()) rank = k + 1;
                        ranks.put(batch.get(i), new Answer(rank, found.get(i).get("total").asInt()));
                    }
                }
            }
        }

        // Figures, per language and kind.
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (String lang : languages) {
            Map<String, Object> perKind = new LinkedHashMap<>();
            for (Kind kind : Kind.values()) {
                List<Probe> list = probes.get(lang).stream().filter(p -> p.kind() == kind).toList();
                double rr = 0;
                int first = 0, top = 0, unindexed = 0, zero = 0;
                List<String> missed = new ArrayList<>();
                for (Probe p : list) {
                    Answer a = ranks.getOrDefault(p, new Answer(0, 0));
                    if (p.doc() < 0) unindexed++;
                    if (a.total() == 0) zero++;
                    if (a.rank() == 1) first++;
                    if (a.rank() > 0) {
                        top++;
                        rr += 1.0 / a.rank();
                    } else {
                        missed.add(String.format("[%s %s] %s  \"%s\"  (%s; %d words%s)", lang, kind, p.url(), p.query(), p.rarity(),
                                p.words(), p.doc() < 0 ? "; NOT IN THE INDEX" : ""));
                    }
                }
                int n = list.size();
                if (n == 0) continue;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("documents", n);
                m.put("notIndexed", unindexed);
                m.put("mrr10", rr / n);
                m.put("success1", (double) first / n);
                m.put("success10", (double) top / n);
                m.put("zeroResults", zero);
                perKind.put(kind.name().toLowerCase(java.util.Locale.ROOT), m);
                if ((double) top / n < FLOORS.get(kind)) {
                    failures.add(String.format("%s %s: %d of %d documents in the top %d, under %.0f%%", lang, kind, top, n, TOP,
                            100 * FLOORS.get(kind)));
                    failures.addAll(missed.subList(0, Math.min(15, missed.size())));
                }
                table.append(String.format("  %-3s %-10s %4d documents (%d not indexed)  MRR@10 %.3f  success@1 %.3f  success@10 %.3f"
                        + "  no result %d%n", lang, kind, n, unindexed, rr / n, (double) first / n, (double) top / n, zero));
            }
            perKind.put("skippedShort", skipped.get(lang)[0]);
            perKind.put("skippedNoRareWords", skipped.get(lang)[1]);
            metrics.put(lang, perKind);
        }
        System.out.print("KnownItemSearchTest: " + id + " (Agora's runtime in Chromium, top " + TOP + ")\n" + table);
        write(id, metrics, probes, ranks, indexed);

        int total = probes.values().stream().mapToInt(List::size).sum();
        assertTrue(total > 0, id + ": no document to look for");
        assertTrue(failures.isEmpty(), id + ": documents not found by their queries:\n" + String.join("\n", failures));
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
                    int d = doc == null ? -1 : doc;
                    String url = url(page.outputPath());
                    String[] pair = query[0].split(" ");
                    out.add(new Probe(lang, page.path(), url, page.title(), words, d, Kind.RARE, query[0], query[1]));
                    int longer = pair[0].length() >= pair[1].length() ? 0 : 1;
                    String[] typo = pair.clone();
                    typo[longer] = misspelt(pair[longer]);
                    out.add(new Probe(lang, page.path(), url, page.title(), words, d, Kind.TYPO, String.join(" ", typo), query[1]));
                    if (pair[longer].codePointCount(0, pair[longer].length()) >= 7) {
                        String[] cut = pair.clone();
                        cut[longer] = pair[longer].substring(0, pair[longer].offsetByCodePoints(0,
                                (int) Math.ceil(0.6 * pair[longer].codePointCount(0, pair[longer].length()))));
                        out.add(new Probe(lang, page.path(), url, page.title(), words, d, Kind.PREFIX, String.join(" ", cut), query[1]));
                    }
                    String identifierPart = identifierPart(full, leaf, text);
                    if (identifierPart != null) {
                        out.add(new Probe(lang, page.path(), url, page.title(), words, d, Kind.IDENTIFIER,
                                identifierPart + " " + otherThan(pair, identifierPart), query[1]));
                    }
                    String compoundWord = lang.equals("nl") ? compoundWord(full, leaf, text) : null;
                    if (compoundWord != null) {
                        out.add(new Probe(lang, page.path(), url, page.title(), words, d, Kind.COMPOUND,
                                compoundWord + " " + otherThan(pair, compoundWord), query[1]));
                    }
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

    /** The rare word of the pair that is not {@code word}'s own (the first unless it contains the word). */
    static String otherThan(String[] pair, String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return pair[0].toLowerCase(java.util.Locale.ROOT).contains(w) ? pair[1] : pair[0];
    }

    /** A typing slip: the two letters in the middle swapped, or when they are the same, one of them left out. */
    static String misspelt(String word) {
        int i = word.length() / 2;
        if (word.length() < 4) return word + word.charAt(word.length() - 1);
        char a = word.charAt(i - 1), b = word.charAt(i);
        return a != b ? word.substring(0, i - 1) + b + a + word.substring(i + 1) : word.substring(0, i) + word.substring(i + 1);
    }

    /**
     * The longest part (three letters or more) of the text's rarest identifier ({@link WordParts}), as a reader
     * would type it; null when the text has none.
     */
    static String identifierPart(Analyzer full, LeafReader leaf, String text) throws IOException {
        String best = null;
        int bestDf = Integer.MAX_VALUE;
        for (String word : text.split("[\\s,;()\\[\\]{}<>\"'`]+")) {
            word = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            List<WordParts.Part> parts = WordParts.of(word);
            if (parts.isEmpty() || word.contains("/") || word.contains("@")) continue;
            List<String[]> terms = tokens(full, word);
            if (terms.size() != 1) continue;
            int df = leaf == null ? 0 : leaf.docFreq(new Term(SearchFields.BODY.name(), terms.getFirst()[0]));
            String longest = null;
            for (WordParts.Part p : parts) {
                String part = word.substring(p.start(), p.end());
                if (part.codePointCount(0, part.length()) >= 3 && part.chars().allMatch(Character::isLetter)
                        && (longest == null || part.length() > longest.length())) longest = part;
            }
            if (longest != null && df < bestDf) {
                best = longest;
                bestDf = df;
            }
        }
        return best;
    }

    /** The last word of the text's rarest Dutch compound (as {@link DutchCompounds} splits it); null when none. */
    static String compoundWord(Analyzer full, LeafReader leaf, String text) throws IOException {
        String best = null;
        int bestDf = Integer.MAX_VALUE;
        try (Analyzer parts = Analyzers.forLanguage("nl", Analyzers.Mode.SURFACE, Analyzers.Parts.IDENTIFIERS_AND_COMPOUNDS)) {
            List<Token> tokens = Token.analyze(parts, text);
            for (int i = 0; i + 1 < tokens.size(); i++) {
                Token word = tokens.get(i);
                int last = i;
                while (last + 1 < tokens.size() && tokens.get(last + 1).position() == word.position()
                        && tokens.get(last + 1).start() == word.start() && tokens.get(last + 1).end() == word.end()) last++;
                if (last == i || !WORD.matcher(text.substring(word.start(), word.end())).matches()) continue;
                List<String[]> terms = tokens(full, text.substring(word.start(), word.end()));
                if (terms.size() != 1) continue;
                int df = leaf == null ? 0 : leaf.docFreq(new Term(SearchFields.BODY.name(), terms.getFirst()[0]));
                if (df < bestDf) {
                    best = tokens.get(last).term();
                    bestDf = df;
                }
                i = last;
            }
        }
        return best;
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

    private static void write(String id, Map<String, Object> metrics, Map<String, List<Probe>> probes,
                              Map<Probe, Answer> ranks, Map<String, List<String>> indexed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("corpus", id);
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
            q.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
            q.put("query", p.query());
            q.put("indexed", p.doc() >= 0);
            q.put("rank", ranks.getOrDefault(p, new Answer(0, 0)).rank());
            q.put("total", ranks.getOrDefault(p, new Answer(0, 0)).total());
            queries.add(q);
        }));
        json.put("queries", queries);
        // Every document of the index, so that another engine can be given the same documents (links, as the index has them).
        json.put("indexed", indexed);
        try {
            Path file = TestPaths.repoRoot().resolve("generator/target/known-item-" + id + ".json");
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
