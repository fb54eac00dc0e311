package org.agora.search;

import org.agora.site.BuildListener;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search semantics, on the Lucene indexes of the bundled trilingual site. */
class SearcherTest {

    @TempDir
    static Path temp;
    static final Map<String, SearchIndex> indexes = new LinkedHashMap<>();
    static Searcher searcher;

    @BeforeAll
    static void build() throws IOException {
        Path cache = temp.resolve("cache");
        BuildResult result = new SiteBuilder(BuildListener.NONE)
                .build(new BuildOptions(TestPaths.repoRoot(), temp.resolve("out"), false, cache));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        for (String lang : List.of("en", "fr", "nl")) indexes.put(lang, SearchIndex.open(lang, org.agora.site.SiteSearchCache.root(cache).resolve(lang)));
        searcher = new Searcher(indexes);
    }

    @AfterAll
    static void close() throws IOException {
        for (SearchIndex i : indexes.values()) i.close();
    }

    static SearchResults search(String query, String lang) { return search(query, lang, false, Map.of(), false); }

    static SearchResults search(String query, String lang, boolean prefix, Map<String, List<String>> filters, boolean all) {
        return searcher.search(new SearchRequest(query, lang, all, filters, prefix, 1, 100));
    }

    static String text(SearchHit hit) {
        SearchIndex index = indexes.get(hit.language());
        return fold(hit.title() + "\n" + (hit.summary() == null ? "" : hit.summary()) + "\n" + index.text(hit.doc()));
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    static Set<String> urls(SearchResults r) { return r.hits().stream().map(SearchHit::url).collect(Collectors.toSet()); }

    @Test
    void accentsDoNotMatter() {
        SearchResults accented = search("réseau", "fr");
        assertTrue(accented.total() > 3);
        assertEquals(urls(accented), urls(search("reseau", "fr")));
        assertEquals(urls(accented), urls(search("RÉSEAU", "fr")));
    }

    @Test
    void dutchEenAloneFindsEenWithAccents() {
        // "een" is a stop word, "één" (one) is not: a query of stop words only keeps them.
        SearchResults r = search("een", "nl");
        assertTrue(r.total() > 0, "een finds documents with één");
        for (SearchHit h : r.hits()) assertTrue(text(h).contains("een"), h.url());
        java.util.regex.Pattern accented = java.util.regex.Pattern.compile("(?iu)(?<!\\p{L})(?:é[eé]|eé)n(?!\\p{L})");
        assertTrue(r.hits().stream().allMatch(h -> accented.matcher(h.title() + " " + h.summary() + " "
                        + indexes.get("nl").text(h.doc())).find()),
                "only documents with één match: the article een is not indexed");
    }

    @Test
    void everyWordMustMatchAndScoresDescend() {
        SearchResults one = search("réseau", "fr");
        SearchResults two = search("réseau Namur", "fr");
        assertTrue(two.total() > 0 && two.total() < one.total());
        for (SearchHit h : two.hits()) assertTrue(text(h).contains("namur") && text(h).contains("reseau"), h.url());
        for (int i = 1; i < one.hits().size(); i++) assertTrue(one.hits().get(i - 1).score() >= one.hits().get(i).score());
    }

    @Test
    void phrasesMatchInOrderAndExclusionsRemove() {
        SearchResults phrase = search("\"assemblée générale\"", "fr");
        assertTrue(phrase.total() > 0);
        for (SearchHit h : phrase.hits()) assertTrue(text(h).contains("assemblee generale"), h.url());
        SearchResults words = search("générale assemblée", "fr");
        assertTrue(words.total() >= phrase.total());

        SearchResults without = search("réseau -Namur", "fr");
        assertEquals(search("réseau", "fr").total() - search("réseau Namur", "fr").total(), without.total());
        for (SearchHit h : without.hits()) assertFalse(text(h).contains("namur"), h.url());
    }

    @Test
    void theLastWordIsAPrefixWhileTyping() {
        SearchResults typing = search("rés", "fr", true, Map.of(), false);
        assertFalse(urls(search("rés", "fr")).containsAll(urls(search("réseau", "fr"))),
                "without prefix, three letters find only the words one letter away, not the words they begin");
        assertTrue(urls(typing).containsAll(urls(search("réseau", "fr"))));
        assertTrue(urls(search("rése", "fr")).containsAll(urls(search("réseau", "fr"))),
                "from four letters, a word no page has finds the words it begins, typing or not");
        SearchResults twoWords = search("assemblée Nam", "fr", true, Map.of(), false);
        assertEquals(urls(search("assemblée Namur", "fr")), urls(twoWords));
    }

    @Test
    void filtersKeepTheirValuesAndFacetsCountTheResults() {
        SearchResults all = search("réseau", "fr");
        int events = all.facets().get("type").get("events");
        SearchResults filtered = search("réseau", "fr", false, Map.of("type", List.of("events")), false);
        assertEquals(events, filtered.total());
        for (SearchHit h : filtered.hits()) assertEquals(List.of("events"), h.facets().get("type"));
        int sum = all.facets().get("type").values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(all.total(), sum, "every document has one type");
        SearchResults either = search("réseau", "fr", false, Map.of("type", List.of("events", "news")), false);
        assertEquals(events + all.facets().get("type").getOrDefault("news", 0), either.total());
    }

    @Test
    void aWordNoPageHasIsNamedAndThePagesWithTheOtherWordsAreShown() {
        SearchResults strict = search("réseau Namur", "fr");
        assertTrue(strict.total() > 0);
        assertEquals(null, strict.partial());
        assertEquals(List.of(), strict.unknownWords());
        SearchResults r = search("réseau Namur zzyzxq", "fr");
        assertEquals(new SearchResults.Partial(2, 3), r.partial());
        assertEquals(List.of("zzyzxq"), r.unknownWords());
        assertEquals(strict.total(), r.total(), "no page has the unknown word: the pages with both others");
        assertEquals(strict.hits().stream().map(SearchHit::url).toList(), r.hits().stream().map(SearchHit::url).toList());
        for (int i = 0; i < r.hits().size(); i++) {
            // Scored as the words they have; no title has every word, as no page has them all.
            float expected = strict.hits().get(i).score();
            if (expected >= LuceneQueries.TITLE_BONUS) expected -= LuceneQueries.TITLE_BONUS;
            assertEquals(expected, r.hits().get(i).score(), 1e-3f, r.hits().get(i).url());
            assertTrue(r.hits().get(i).score() < LuceneQueries.TITLE_BONUS);
        }
        SearchResults alone = search("zzyzxq", "fr");
        assertEquals(0, alone.total());
        assertEquals(null, alone.partial(), "one word is never relaxed");
        assertEquals(List.of("zzyzxq"), alone.unknownWords());
        assertEquals(List.of(), search("Namur zzyz", "fr", true, Map.of(), false).unknownWords(),
                "the word being typed is a prefix, not an unknown word");
    }

    @Test
    void aMisspeltWordFindsThePagesOfItsClosestIndexWords() {
        SearchResults right = search("réseau Namur", "fr");
        SearchResults typo = search("reseua Namur", "fr");
        assertEquals(null, typo.partial(), "the misspelt word matched, through its closest words");
        assertTrue(urls(typo).containsAll(urls(right)), () -> urls(right) + " within " + urls(typo));
        assertEquals(urls(right), urls(search("réseau Namur", "fr")), "a known word is not expanded");
        // (Not "comunautaire": the French stemmer folds double letters, so that one is the word itself.)
        SearchResults oneEdit = search("communautare", "fr");
        assertEquals(urls(search("communautaire", "fr")), urls(oneEdit), "one letter missing: the word's own pages");
        assertEquals(List.of("communautare"), oneEdit.unknownWords());
        assertEquals(0, search("qq", "fr").total(), "too short to stand for another word");
    }

    @Test
    void aPartOfAnIdentifierFindsIt() {
        // The English guide names the columns MarketPriceLocal, rainfall_mm and site.code.
        Set<String> guide = urls(search("MarketPriceLocal", "en"));
        assertEquals(1, guide.size(), "one page names the column");
        assertEquals(guide, urls(search("marketpricelocal", "en")), "case does not matter");
        for (String part : List.of("market price local", "rainfall", "rainfall_mm", "site.code")) {
            assertTrue(urls(search(part, "en")).containsAll(guide), part);
        }
    }

    @Test
    void aWordOfADutchCompoundFindsTheCompound() {
        // The Dutch pages have "datawoordenboek" and "neerslagmetingen", never "woordenboek" or "neerslag" alone.
        Set<String> guide = urls(search("datawoordenboek", "nl"));
        assertFalse(guide.isEmpty());
        assertTrue(urls(search("woordenboek", "nl")).containsAll(guide), "the compound's last word");
        assertTrue(urls(search("neerslag", "nl")).containsAll(urls(search("neerslagmetingen", "nl"))), "its first word");
    }

    @Test
    void aWordNoPageHasFindsTheWordsItBegins() {
        SearchResults cut = search("neerslagme", "nl");
        assertEquals(urls(search("neerslagmetingen", "nl")), urls(cut), "a word cut short, without typing mode");
        assertEquals(null, cut.partial());
        assertEquals(List.of("neerslagme"), cut.unknownWords(), "the word itself is in no page");
    }

    @Test
    void twoKnownWordsNoPageHasTogetherShowThePagesWithEither() {
        Set<String> namur = urls(search("Namur", "fr"));
        String other = null;
        Set<String> otherPages = Set.of();
        for (SearchHit hit : search("réseau", "fr").hits()) {
            if (namur.contains(hit.url())) continue;
            for (String word : indexes.get("fr").text(hit.doc()).split("[^\\p{L}]+")) {
                if (word.length() < 6) continue;
                Set<String> pages = urls(search(word, "fr"));
                if (!pages.isEmpty() && pages.stream().noneMatch(namur::contains)) {
                    other = word;
                    otherPages = pages;
                    break;
                }
            }
            if (other != null) break;
        }
        assertTrue(other != null, "the bundled French pages have a word never beside Namur");
        SearchResults r = search("Namur " + other, "fr");
        assertEquals(new SearchResults.Partial(1, 2), r.partial());
        assertEquals(List.of(), r.unknownWords(), "both words are known");
        Set<String> either = new java.util.HashSet<>(namur);
        either.addAll(otherPages);
        assertEquals(either, urls(r));
    }

    @Test
    void aMisspeltWordGetsACorrectionFromTheIndex() {
        SearchResults r = search("reseua Namur", "fr");
        assertEquals(List.of("reseua"), r.unknownWords());
        assertEquals(List.of("reseau Namur"), r.suggestions(), "said even when the closest words found pages");
        assertTrue(search(r.suggestions().getFirst(), "fr").total() > 0);
        assertEquals(List.of(), search("réseau", "fr").suggestions(), "no suggestion when something matched");
    }

    @Test
    void allLanguagesMergesEachLanguageWithItsOwnAnalysis() {
        SearchResults all = search("radio", "fr", false, Map.of(), true);
        int sum = 0;
        for (String lang : indexes.keySet()) sum += search("radio", lang).total();
        assertEquals(sum, all.total());
        assertTrue(all.hits().stream().map(SearchHit::language).distinct().count() >= 2);
        assertEquals(sum, all.facets().get("language").values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theSitesSynonymsFindThePagesOfEachOther() throws IOException {
        var config = new org.agora.config.ConfigLoader().load(TestPaths.repoRoot(), new org.agora.diag.Diagnostics()).orElseThrow();
        Map<String, SearchIndex> withSynonyms = new LinkedHashMap<>();
        try {
            for (String lang : indexes.keySet()) {
                withSynonyms.put(lang, SearchIndex.open(lang, org.agora.site.SiteSearchCache.root(temp.resolve("cache")).resolve(lang),
                        Synonyms.parse(lang, config.searchSynonyms().getOrDefault(lang, List.of()))));
            }
            Searcher synonyms = new Searcher(withSynonyms);
            // The bundled site-config.yml: "données ouvertes, open data, opendata"; no page says "opendata".
            Set<String> expected = new java.util.HashSet<>(urls(search("\"données ouvertes\"", "fr")));
            expected.addAll(urls(search("\"open data\"", "fr")));
            assertFalse(expected.isEmpty());
            SearchResults opendata = synonyms.search(new SearchRequest("opendata", "fr", false, Map.of(), false, 1, 100));
            assertEquals(expected, urls(opendata));
            assertEquals(List.of("opendata"), opendata.unknownWords(), "the word itself is still in no page");
            assertEquals(urls(opendata), urls(synonyms.search(new SearchRequest("données ouvertes", "fr", false, Map.of(), false, 1, 100))),
                    "each of a group finds the pages of all");
            assertFalse(urls(search("opendata", "fr")).containsAll(expected), "without synonyms, not those pages");
            // Beside other words, the synonyms are one clause: every word must still match.
            SearchResults two = synonyms.search(new SearchRequest("opendata Kinshasa", "fr", false, Map.of(), false, 1, 100));
            assertTrue(two.total() > 0 && expected.containsAll(urls(two)), () -> urls(two).toString());
            for (SearchHit h : two.hits()) assertTrue(text(h).contains("kinshasa"), h.url());
        } finally {
            for (SearchIndex i : withSynonyms.values()) i.close();
        }
    }

    @Test
    void theLargestPlanStaysWithinLucenesClauseLimit() throws IOException {
        // A pasted passage of words cut short: each stands for the most index words a plan allows, each looked
        // up in every field and in the title for its bonus.
        List<QueryPlan.Clause> must = new java.util.ArrayList<>();
        for (int i = 0; i < QueryText.MAX_PARTS; i++) {
            List<String> terms = new java.util.ArrayList<>();
            for (int t = 0; t < QueryPlanner.PREFIX_MAX_TERMS; t++) terms.add("w" + i + "x" + t);
            must.add(new QueryPlan.AnyOfClause(terms));
        }
        QueryPlan widest = QueryPlanner.bounded(new QueryPlan(must, List.of(), Map.of(), false, false));
        int terms = widest.must().stream().mapToInt(c -> ((QueryPlan.AnyOfClause) c).terms().size()).sum();
        assertTrue(terms <= QueryPlanner.MAX_TERMS, terms + " terms");
        assertEquals(QueryText.MAX_PARTS, widest.must().size(), "every word keeps a clause");
        indexes.get("en").searcher().search(LuceneQueries.of(widest), 10);   // Lucene's own check throws past its limit
        indexes.get("en").searcher().search(LuceneQueries.of(widest.relaxedTo(1)), 10);
    }

    @Test
    void allLanguagesListTheReadersLanguageFirst() {
        for (String reader : indexes.keySet()) {
            List<String> languages = search("radio", reader, false, Map.of(), true).hits().stream().map(SearchHit::language).toList();
            int firstOther = 0;
            while (firstOther < languages.size() && languages.get(firstOther).equals(reader)) firstOther++;
            assertEquals(search("radio", reader).total(), firstOther, reader + ": " + languages);
            assertFalse(languages.subList(firstOther, languages.size()).contains(reader), reader + ": " + languages);
            assertTrue(firstOther < languages.size(), "other languages follow");
        }
    }

    @Test
    void aDocumentsTitleFindsItFirst() {
        int checked = 0;
        for (var e : indexes.entrySet()) {
            SearchIndex index = e.getValue();
            Map<String, Integer> sameTitle = new java.util.HashMap<>();
            for (int d = 0; d < index.docCount(); d++) sameTitle.merge(fold(index.hit(d, 0).title()), 1, Integer::sum);
            for (int d = 0; d < index.docCount(); d++) {
                SearchHit doc = index.hit(d, 0);
                if (sameTitle.get(fold(doc.title())) > 1) continue;
                SearchResults r = search(doc.title(), e.getKey());
                assertFalse(r.hits().isEmpty(), doc.title());
                assertEquals(doc.url(), r.hits().getFirst().url(), e.getKey() + ": \"" + doc.title() + "\" found " + r.hits().getFirst().title() + " first");
                checked++;
            }
        }
        assertTrue(checked > 40, checked + " titles");
    }

    @Test
    void theLanguageFacetChoosesTheLanguagesSearched() {
        SearchResults fr = search("radio", "fr", false, Map.of("language", List.of("fr")), true);
        assertEquals(search("radio", "fr").total(), fr.total());
        assertTrue(fr.hits().stream().allMatch(h -> h.language().equals("fr")));
        SearchResults two = search("radio", "en", false, Map.of("language", List.of("fr", "nl")), true);
        assertEquals(search("radio", "fr").total() + search("radio", "nl").total(), two.total());
    }

    @Test
    void aRepeatedWordCountsOnceAndLongQueriesAreCut() {
        SearchResults once = search("réseau", "fr");
        SearchResults thrice = search("réseau réseaux Réseau", "fr");
        assertEquals(once.hits().stream().map(SearchHit::score).toList(), thrice.hits().stream().map(SearchHit::score).toList());
        String pasted = String.join(" ", java.util.Collections.nCopies(60, "assemblée générale réseau Namur décisions"));
        assertTrue(search(pasted, "fr").total() > 0, "a pasted passage is searched by its first words, without failing");
    }

    /** A word of the bundled annual report's PDF that no Markdown file of the bundled content has. */
    static final String PDF_ONLY_WORD = "ledger";

    static void assertTheWordIsOnlyInsideThePdf() throws IOException {
        Path content = TestPaths.repoRoot().resolve("content");
        PdfText.Result pdf = PdfText.read(content.resolve("files/annual-report-2025.pdf"));
        assertTrue(pdf.ok() && pdf.text().contains(PDF_ONLY_WORD), "the PDF has the word");
        try (var files = java.nio.file.Files.walk(content)) {
            for (Path md : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                // any word starting with "ledg": no English, French or Dutch form of it either
                assertFalse(java.util.regex.Pattern.compile("(?<!\\p{L})ledg").matcher(fold(java.nio.file.Files.readString(md))).find(),
                        md + " must not have the word");
            }
        }
    }

    @Test
    void aWordOnlyInsideAPdfAttachmentFindsTheDocumentAndNamesTheAttachment() throws IOException {
        assertTheWordIsOnlyInsideThePdf();
        Map<String, String> pages = Map.of("en", "/elibrary/en/resources/annual-report-2025/",
                "fr", "/elibrary/fr/ressources/rapport-annuel-2025/", "nl", "/elibrary/nl/bronnen/jaarverslag-2025/");
        Map<String, String> titles = Map.of("en", "Annual report 2025 (PDF)", "fr", "Rapport annuel 2025 (PDF, en anglais)",
                "nl", "Jaarverslag 2025 (PDF, in het Engels)");
        for (String lang : List.of("en", "fr", "nl")) {
            SearchResults r = search(PDF_ONLY_WORD, lang);
            assertEquals(1, r.total(), lang);
            SearchHit hit = r.hits().getFirst();
            assertEquals(pages.get(lang), hit.url(), "the result is the document's page");
            assertEquals(new SearchHit.Attachment(titles.get(lang), "/elibrary/files/annual-report-2025.pdf"), hit.attachment());
        }
        SearchHit typed = search("ledg", "en", true, Map.of(), false).hits().getFirst();
        assertEquals(pages.get("en"), typed.url(), "the words of attachments complete what the reader types");
        assertEquals(3, search(PDF_ONLY_WORD, "en", false, Map.of(), true).total(), "one document per language");
        assertEquals(0, search("rainfall -" + PDF_ONLY_WORD, "en").hits().stream()
                .filter(h -> h.url().equals(pages.get("en"))).count(), "a word of an attachment excludes like any other");
    }

    @Test
    void theDocumentsOwnTextNamesNoAttachmentWhenItHoldsTheWordsToo() {
        // "open data" is in the report's page and in its PDF: the page's own passage wins the tie.
        SearchHit report = search("\"open data\"", "en").hits().stream()
                .filter(h -> h.url().endsWith("/annual-report-2025/")).findFirst().orElseThrow();
        assertEquals(null, report.attachment());
        for (SearchHit h : search("radio", "en").hits()) {
            if (!h.url().endsWith("/annual-report-2025/")) assertEquals(null, h.attachment(), "documents without attachments");
        }
    }

    @Test
    void nothingToSearchForFindsNothingAndFiltersAloneBrowse() {
        assertEquals(0, search("", "en").total());
        assertEquals(0, search("the", "en").total(), "stop words are not in the index");
        SearchResults browse = search("", "en", false, Map.of("type", List.of("news")), false);
        assertTrue(browse.total() > 0);
        for (int i = 1; i < browse.hits().size(); i++) {
            // Undated documents (a section page with text of its own) come after the dated ones.
            String before = java.util.Objects.requireNonNullElse(browse.hits().get(i - 1).date(), "");
            String after = java.util.Objects.requireNonNullElse(browse.hits().get(i).date(), "");
            assertTrue(before.compareTo(after) >= 0, "browsing lists the newest first");
        }
    }
}
