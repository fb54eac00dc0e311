package org.agora.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.agora.site.BuildOptions;
import org.agora.testing.Chromium;
import org.agora.testing.ServedSite;
import org.agora.testing.SiteInChromium;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page of the bundled e-library in a real headless Chromium: typing, highlighted excerpts,
 * facets, the URL as state and the back button, the header form, and content that tries to be HTML.
 */
class SearchPageBrowserTest extends SiteInChromium {

    private static final String BASE_PATH = "/elibrary/";
    private static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)>";
    private static final String HOSTILE_DOCUMENT = """
            ---
            title: "<img src=x onerror=alert(1)>"
            date: 2026-10-02
            summary: "<script>alert(2)</script> Un titre piégé, pour vérifier que la recherche affiche le contenu comme du texte."
            themes: [open-data]
            ---
            Ce document piégé vérifie que les résultats de recherche restent du texte :
            `<img src=y onerror=alert(3)>` ne doit jamais devenir une image.
            """;

    /** What the search page shows, read in the page; total is the number the status announces. */
    private static final String STATE = """
            (() => {
              const list = document.getElementById('search-list');
              const status = document.getElementById('search-status').textContent;
              const count = status.match(/^\\d[\\d\\s\\u00a0\\u202f.,]*/);
              const params = new URLSearchParams(location.search);
              const active = document.activeElement;
              return {
                busy: list.getAttribute('aria-busy') === 'true',
                status,
                total: count ? parseInt(count[0].replace(/\\D/g, ''), 10) : null,
                q: params.get('q'),
                params: [...params],
                input: document.getElementById('search-q').value,
                history: history.length,
                results: [...list.children].map((li) => {
                  const a = li.querySelector('.item-title a');
                  const badge = li.querySelector('.badge:not(.machine)');
                  return { title: a.textContent, href: a.getAttribute('href'), lang: a.lang || null,
                           badge: badge && { text: badge.textContent, lang: badge.lang },
                           machine: (m => m && m.textContent)(li.querySelector('.badge.machine')),
                           marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
                           attachment: (f => f && { text: f.textContent, href: f.querySelector('a').getAttribute('href') })(
                             li.querySelector('.search-attachment')),
                           excerpt: (li.querySelector('.search-excerpt') || {}).textContent || '' };
                }),
                facets: [...document.querySelectorAll('#search-facet-groups input[type=checkbox]')].map((b) => ({
                  field: b.name, value: b.value, checked: b.checked, visible: b.checkVisibility(),
                  count: parseInt(b.closest('label').querySelector('.count').textContent.replace(/\\D/g, ''), 10) })),
                legends: [...document.querySelectorAll('#search-facet-groups fieldset > legend')].map((l) => l.textContent),
                pages: [...document.querySelectorAll('#search-pages a')].map((a) => ({
                  text: a.textContent, href: a.getAttribute('href'), current: a.getAttribute('aria-current') })),
                suggestions: [...document.querySelectorAll('#search-suggestions a')].map((a) => a.textContent),
                notice: (n => n.hidden ? null : n.textContent)(document.getElementById('search-notice')),
                focus: active && active.matches('#search-facet-groups input') ? active.name + '=' + active.value
                     : active === list ? 'results' : active && active.id || null,
              };
            })()""";

    @BeforeAll
    static void buildServeAndStartBrowser() throws IOException {
        Path copy = ServedSite.copyOfBundled(temp.resolve("site"));
        Files.writeString(copy.resolve("content/fr/news/titre-piege.md"), HOSTILE_DOCUMENT);
        // Packs, which only a site past 20,000 files gets by default: Chromium then reads them from the preview
        // server with Range requests, and imports agora-packs.js (the bundled site's runtime without packs is
        // the one KnownItemSearchTest runs in Chromium).
        org.agora.testing.ServedSite.setSearchPacks(copy, "always");
        serve(copy, BASE_PATH);
        // Before any page script runs: an injected <img onerror=alert(…)> would call this instead of a dialog.
        browser.onEveryDocument("window.__alerts = []; window.alert = (m) => { window.__alerts.push(String(m)); };");
    }

    @Test
    void withoutJavaScriptTheFormsStillLeadToTheSearchPageWhichSaysWhy() {
        Document search = output.page("fr/recherche/index.html");
        Element form = search.selectFirst("main form[role=search]");
        assertNotNull(form);
        assertEquals("get", form.attr("method"));
        assertEquals("/elibrary/fr/recherche/", form.attr("action"));
        Element input = form.selectFirst("input[name=q]");
        assertNotNull(form.selectFirst("label[for=" + input.id() + "]"), "the search box has a label");
        assertTrue(search.select("noscript").text().contains("La recherche a besoin de JavaScript"), search.select("noscript").text());
        assertEquals(1, search.select("[role=search]").size(), "the search page has one search form, not two");

        // Each language's search page in its own words (the theme's slug.search).
        for (var entry : java.util.Map.of("en", "search/", "fr", "recherche/", "nl", "zoeken/").entrySet()) {
            String lang = entry.getKey();
            String folder = lang + "/" + entry.getValue();
            Element app = output.page(folder + "index.html").selectFirst("#search-app");
            app.dataset().forEach((name, text) -> assertFalse(text.isBlank() || text.startsWith("search.") || text.startsWith("pagination."),
                    () -> lang + ": the UI string data-" + name + " is missing from the theme: '" + text + "'"));
            output.pages().forEach((rel, doc) -> {
                if (!rel.startsWith(lang + "/") || rel.startsWith(folder) || doc.selectFirst("meta[http-equiv=refresh]") != null) return;
                Element header = doc.selectFirst("header form[role=search]");
                assertNotNull(header, rel + " has a search box in its header");
                assertEquals(BASE_PATH + folder, header.attr("action"), rel);
                assertEquals("get", header.attr("method"), rel);
                Element q = header.selectFirst("input[name=q]");
                assertNotNull(header.selectFirst("label[for=" + q.id() + "]"), rel);
            });
        }
    }

    @Test
    void typingSearchesHighlightsFiltersAndTheBackButtonRestores() {
        String query = "radio communautaire";
        browser.open(base.resolve("fr/recherche/"));
        JsonNode empty = browser.await("the search page to start", "(s => s.status && s)(" + STATE + ")");
        WebElement box = browser.find("#search-q");
        box.click();
        box.sendKeys(query);
        JsonNode typed = settled(query);

        assertEquals(query, typed.path("input").asText());
        assertEquals(empty.path("history").asInt(), typed.path("history").asInt(), "typing replaces the history entry");
        int total = typed.path("total").asInt();
        assertTrue(total >= 2 && typed.path("results").size() >= 2, () -> "French results for '" + query + "': " + typed);
        for (JsonNode r : typed.path("results")) {
            assertTrue(r.path("href").asText().startsWith(BASE_PATH + "fr/"), () -> "a French page: " + r);
            assertTrue(r.path("badge").isNull(), () -> "no language badge in the page's own language: " + r);
            for (JsonNode mark : r.path("marks")) {
                String word = fold(mark.asText());
                assertTrue(word.startsWith("radio") || word.startsWith("communaut"), () -> "highlighted '" + word + "' in " + r);
            }
        }
        assertTrue(marks(typed) > 0, () -> "the excerpts mark the query words: " + typed);
        assertFalse(typed.path("legends").isEmpty(), "facets have legends");

        // Toggle one facet value with the keyboard: the results become those it counted.
        JsonNode facet = null;
        for (JsonNode f : typed.path("facets")) {
            if (f.path("visible").asBoolean() && f.path("count").asInt() > 0 && f.path("count").asInt() < total) {
                facet = f;
                break;
            }
        }
        assertNotNull(facet, () -> "a facet value that narrows the results: " + typed.path("facets"));
        String field = facet.path("field").asText(), value = facet.path("value").asText();
        WebElement checkbox = checkbox(field, value);
        checkbox.sendKeys(Keys.SPACE);
        JsonNode filtered = browser.await("results filtered by " + field + "=" + value,
                "(s => !s.busy && s.total === arguments[0] && s)(" + STATE + ")", facet.path("count").asInt());
        assertEquals(Math.min(10, facet.path("count").asInt()), filtered.path("results").size());
        assertTrue(params(filtered).contains(field + "=" + value), () -> "the URL holds the facet: " + filtered.path("params"));
        assertEquals(query, firstParam(filtered, "q"), "the URL holds the query");
        assertEquals(typed.path("history").asInt() + 1, filtered.path("history").asInt(), "a facet is a step back can return to");
        assertEquals(field + "=" + value, filtered.path("focus").asText(), "the keyboard stays on the checkbox");
        assertTrue(checked(filtered, field, value));
        assertNotEquals(counts(typed), counts(filtered), "the facet counts follow the results");

        browser.driver().navigate().back();
        JsonNode back = browser.await("the unfiltered results again",
                "(s => !s.busy && s.q === arguments[0] && s.total === arguments[1] && !s.params.some(p => p[0] === arguments[2]) && s)("
                        + STATE + ")", query, total, field);
        assertEquals(query, back.path("input").asText());
        assertFalse(checked(back, field, value));
        assertEquals(titles(typed), titles(back));

        // Follow the first result to its page.
        JsonNode first = back.path("results").get(0);
        browser.find("#search-list li .item-title a").click();
        String path = URI.create(first.path("href").asText()).getPath();
        browser.waitFor("the result's page", () -> browser.currentUrl().getPath().equals(path)
                && "complete".equals(browser.driver().executeScript("return document.readyState")));
        assertEquals(first.path("title").asText(), browser.find("main h1").getText());
    }

    @Test
    void otherLanguagesComeWithABadgeAndPagesWithCurrentMarked() {
        browser.open(base.resolve("fr/recherche/?q=radio"));
        JsonNode french = settled("radio");
        browser.find("input[name=all][value='1']").sendKeys(Keys.SPACE);
        JsonNode all = browser.await("results in every language",
                "(s => !s.busy && s.params.some(p => p[0] === 'all' && p[1] === '1') && s)(" + STATE + ")");
        assertTrue(all.path("total").asInt() > french.path("total").asInt(), () -> french.path("total") + " then " + all);
        // "radio" is in more than one page of documents across the three languages.
        assertTrue(all.path("total").asInt() > 10, () -> "enough results for two pages: " + all.path("total"));
        assertEquals("1", current(all));
        browser.find("#search-pages a[aria-label='Page 2']").click();
        JsonNode second = browser.await("the second page",
                "(s => !s.busy && s.params.some(p => p[0] === 'page' && p[1] === '2') && s)(" + STATE + ")");
        assertEquals("2", current(second));
        assertEquals("results", second.path("focus").asText(), "focus moves to the new results");
        assertTrue(second.path("results").size() > 0);
        assertNotEquals(titles(all), titles(second));

        // The reader's French pages first, then the others with a badge naming their language.
        List<String> badges = new ArrayList<>();
        boolean otherSeen = false;
        for (JsonNode r : List.of(all.path("results"), second.path("results")).stream().flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false)).toList()) {
            if (r.path("badge").isNull()) {
                assertTrue(r.path("href").asText().startsWith(BASE_PATH + "fr/"), r::toString);
                assertFalse(otherSeen, () -> "a French page after another language's: " + r);
            } else {
                otherSeen = true;
                String lang = r.path("badge").path("lang").asText();
                assertNotEquals("fr", lang);
                assertEquals(lang, r.path("lang").asText(), "the title link says its language too");
                assertTrue(r.path("href").asText().startsWith(BASE_PATH + lang + "/"), r::toString);
                badges.add(r.path("badge").path("text").asText());
            }
        }
        assertTrue(badges.contains("English") || badges.contains("Nederlands"), () -> "badges: " + badges);
    }

    @Test
    void machineTranslationsSaySoInTheResultsInTheReadersLanguage() {
        browser.open(base.resolve("nl/zoeken/?q=open+data"));
        JsonNode results = settled("open data").path("results");
        JsonNode machine = null;
        int others = 0;
        for (JsonNode r : results) {
            if (r.path("href").asText().equals("/elibrary/nl/praktijkgidsen/open-data-publiceren/")) machine = r;
            else if (!r.path("machine").isNull()) others++;
        }
        assertNotNull(machine, results::toString);
        assertEquals("Machinevertaling", machine.path("machine").asText(), "the Dutch guide is DeepL's, unreviewed");
        assertEquals(0, others, () -> "the other Dutch pages were written by people: " + results);
        browser.open(base.resolve("fr/recherche/?q=atelier+pairs"));
        JsonNode french = settled("atelier pairs").path("results");
        boolean reviewed = false;
        for (JsonNode r : french) {
            if (r.path("href").asText().equals("/elibrary/fr/guides-pratiques/animer-un-atelier/")) {
                reviewed = "Traduction automatique relue".equals(r.path("machine").asText());
            }
        }
        assertTrue(reviewed, french::toString);
    }

    @Test
    void aMisspeltWordFindsPagesAndSaysSoWithSuggestions() {
        browser.open(base.resolve("fr/recherche/?q=communautiare"));
        JsonNode none = settled("communautiare");
        assertTrue(none.path("results").size() > 0, () -> "the closest words' pages: " + none);
        assertEquals("Aucune page ne contient : « communautiare ».", none.path("notice").asText());
        assertFalse(none.path("suggestions").isEmpty(), () -> "did you mean: " + none);
        String suggestion = none.path("suggestions").get(0).asText();
        browser.find("#search-suggestions a").click();
        JsonNode fixed = settled(suggestion);
        assertTrue(fixed.path("results").size() > 0, fixed::toString);
        assertEquals(suggestion, fixed.path("input").asText());
    }

    @Test
    void wordsNoPageHasTogetherAreSaidPlainlyAndThePagesWithMostOfThemShown() {
        browser.open(base.resolve("fr/recherche/?q=" + java.net.URLEncoder.encode("communautaire zzyzxq", java.nio.charset.StandardCharsets.UTF_8)));
        JsonNode partial = settled("communautaire zzyzxq");
        assertTrue(partial.path("results").size() > 0, partial::toString);
        assertEquals("Aucune page ne contient : « zzyzxq ». Aucune page ne contient tous vos mots : voici celles qui en"
                + " contiennent 1 sur 2.", partial.path("notice").asText(), partial::toString);
        browser.open(base.resolve("fr/recherche/?q=communautaire"));
        JsonNode whole = settled("communautaire");
        assertTrue(whole.path("notice").isNull(), "no notice when pages have every word: " + whole);
        assertEquals(whole.path("results").size(), partial.path("results").size());
    }

    @Test
    void aQueryNothingMatchesGetsAPlainMessage() {
        browser.open(base.resolve("fr/recherche/?q=zzyzxq"));
        JsonNode none = settled("zzyzxq");
        assertEquals(0, none.path("results").size());
        assertEquals("Aucun résultat pour « zzyzxq ».", none.path("status").asText());
        assertEquals("Aucune page ne contient : « zzyzxq ».", none.path("notice").asText());
    }

    @Test
    void excerptsStartWithSomeWordsBeforeTheMatchAndCutNoWord() {
        browser.open(base.resolve("fr/recherche/"));
        JsonNode checked = browser.run("""
                const engine = await (await import(args[0])).open({ lang: 'fr' });
                const out = [];
                for (const q of ['radio', 'communautaire', 'formation', 'réseau', 'données', 'Namur']) {
                  const res = await engine.search(q, { pageSize: 20 });
                  for (const r of res.results) {
                    const data = await (await engine.index(r.language)).fragment(r.doc);
                    if (r.attachment || !data.text) continue;
                    const text = data.text.replace(/\\s+/g, ' ');
                    const pieces = r.excerpt;
                    const whole = pieces.map((p) => p.text).join('');
                    const core = whole.replace(/^… /, '').replace(/ …$/, '');
                    const at = text.indexOf(core);
                    const first = pieces.findIndex((p) => p.match);
                    const before = pieces.slice(0, first).map((p) => p.text).join('').replace(/^… /, '');
                    out.push({ q, url: r.url, excerpt: whole, found: at >= 0,
                      wholeStart: at === 0 || text[at - 1] === ' ', wholeEnd: at + core.length === text.length || text[at + core.length] === ' ',
                      matchAt: first < 0 ? -1 : text.indexOf(pieces[first].text, at), wordsBefore: before.trim() ? before.trim().split(' ').length : 0 });
                  }
                }
                return out;
                """, BASE_PATH + "agora-search/agora-search.js");
        assertTrue(checked.size() >= 10, () -> "results to look at: " + checked);
        int withContext = 0;
        for (JsonNode e : checked) {
            assertTrue(e.path("found").asBoolean(), () -> "the excerpt is a piece of the text: " + e);
            assertTrue(e.path("wholeStart").asBoolean() && e.path("wholeEnd").asBoolean(), () -> "whole words at both ends: " + e);
            if (e.path("matchAt").asInt() > 80) {
                withContext++;
                assertTrue(e.path("wordsBefore").asInt() >= 3, () -> "some words before the match: " + e);
            }
        }
        assertTrue(withContext > 0, () -> "some matches lie deep in their text: " + checked);
    }

    @Test
    void theHeaderFormOfAFrenchPageLeadsToTheFrenchSearchPageWithTheQuery() {
        String page = output.pages().entrySet().stream()
                .filter(e -> e.getKey().startsWith("fr/") && e.getValue().selectFirst("body.kind-page") != null)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        browser.open(base.resolve(page.replace("index.html", "")));
        WebElement box = browser.find("header form[role=search] input[name=q]");
        box.sendKeys("radio");
        box.sendKeys(Keys.ENTER);
        browser.waitFor("the French search page", () -> browser.currentUrl().getPath().equals(BASE_PATH + "fr/recherche/"));
        JsonNode state = settled("radio");
        assertEquals("radio", state.path("input").asText());
        assertTrue(state.path("results").size() > 0, state::toString);
    }

    @Test
    void titlesAndExcerptsFromContentAreShownAsTextNeverAsHtml() {
        browser.open(base.resolve("fr/recherche/?q=onerror"));
        JsonNode state = settled("onerror");
        JsonNode hostile = null;
        for (JsonNode r : state.path("results")) if (r.path("title").asText().equals(HOSTILE_TITLE)) hostile = r;
        assertNotNull(hostile, () -> "the hostile title, as text: " + state);
        assertTrue(hostile.path("excerpt").asText().contains("onerror=alert(3)>"), () -> "the excerpt keeps markup as text: " + state);
        JsonNode dom = browser.run("""
                const main = document.querySelector('main');
                return { images: main.querySelectorAll('img').length, scripts: main.querySelectorAll('script').length,
                         alerts: window.__alerts };""");
        assertEquals(0, dom.path("images").asInt(), "no element made from content");
        assertEquals(0, dom.path("scripts").asInt());
        assertTrue(dom.path("alerts").isArray() && dom.path("alerts").isEmpty(), () -> "alert was called: " + dom);
    }

    @Test
    void aWordOnlyInsideThePdfFindsTheReportAndTheResultNamesTheFile() throws IOException {
        SearcherTest.assertTheWordIsOnlyInsideThePdf();
        String word = SearcherTest.PDF_ONLY_WORD;
        browser.open(base.resolve("fr/recherche/?q=" + word));
        JsonNode state = settled(word);
        assertEquals(1, state.path("total").asInt(), state::toString);
        JsonNode r = state.path("results").get(0);
        assertEquals("Rapport annuel 2025", r.path("title").asText());
        assertEquals(BASE_PATH + "fr/ressources/rapport-annuel-2025/", r.path("href").asText(), "the result leads to the document's page");
        assertEquals("dans : Rapport annuel 2025 (PDF, en anglais)", r.path("attachment").path("text").asText());
        assertEquals(BASE_PATH + "files/annual-report-2025.pdf", r.path("attachment").path("href").asText());
        assertTrue(r.path("excerpt").asText().contains("ledger that every member keeps"), () -> "the excerpt comes from the PDF: " + r);
        assertEquals(List.of(word), fold(r.path("marks")));

        // The runtime's result objects, in each language, against Lucene on the same build.
        JsonNode api = browser.run("""
                const mod = await import(args[0]);
                const out = [];
                for (const lang of ['en', 'fr', 'nl']) {
                  const res = await (await mod.open({ lang })).search(args[1]);
                  out.push(res.results.map((h) => ({ url: h.url, score: h.score, attachment: h.attachment })));
                }
                return out;
                """, BASE_PATH + "agora-search/agora-search.js", word);
        Path cache = org.agora.site.SiteSearchCache.root(BuildOptions.defaultCache(temp.resolve("site")));
        Map<String, SearchIndex> indexes = new java.util.LinkedHashMap<>();
        try {
            for (String lang : List.of("en", "fr", "nl")) indexes.put(lang, SearchIndex.open(lang, cache.resolve(lang)));
            Searcher lucene = new Searcher(indexes);
            int i = 0;
            for (String lang : indexes.keySet()) {
                SearchResults expected = lucene.search(new SearchRequest(word, lang, false, Map.of(), false, 1, 10));
                JsonNode got = api.get(i++);
                assertEquals(1, expected.total());
                assertEquals(1, got.size(), lang);
                SearchHit hit = expected.hits().getFirst();
                assertEquals(hit.url(), got.get(0).path("url").asText(), lang);
                assertEquals(hit.score(), (float) got.get(0).path("score").asDouble(), lang);
                assertEquals(hit.attachment().title(), got.get(0).path("attachment").path("title").asText(), lang);
                assertEquals(hit.attachment().url(), got.get(0).path("attachment").path("url").asText(), lang);
            }
        } finally {
            for (SearchIndex index : indexes.values()) index.close();
        }
    }

    /** The page's state once the search for {@code query} (as the URL holds it) has been drawn. */
    private static JsonNode settled(String query) {
        return browser.await("the results for '" + query + "'",
                "(s => !s.busy && s.q === arguments[0] && s.status && s)(" + STATE + ")", query);
    }

    private static WebElement checkbox(String field, String value) {
        return browser.findAll("#search-facet-groups input[type=checkbox]").stream()
                .filter(b -> field.equals(b.getDomAttribute("name")) && value.equals(b.getDomProperty("value")))
                .findFirst().orElseThrow();
    }

    private static boolean checked(JsonNode state, String field, String value) {
        for (JsonNode f : state.path("facets")) {
            if (f.path("field").asText().equals(field) && f.path("value").asText().equals(value)) return f.path("checked").asBoolean();
        }
        return false;
    }

    private static List<String> counts(JsonNode state) {
        List<String> counts = new ArrayList<>();
        state.path("facets").forEach(f -> counts.add(f.path("field").asText() + "=" + f.path("value").asText() + ":" + f.path("count").asInt()));
        return counts;
    }

    private static List<String> params(JsonNode state) {
        List<String> params = new ArrayList<>();
        state.path("params").forEach(p -> params.add(p.get(0).asText() + "=" + p.get(1).asText()));
        return params;
    }

    private static String firstParam(JsonNode state, String name) {
        for (JsonNode p : state.path("params")) if (p.get(0).asText().equals(name)) return p.get(1).asText();
        return null;
    }

    private static List<String> titles(JsonNode state) {
        List<String> titles = new ArrayList<>();
        state.path("results").forEach(r -> titles.add(r.path("title").asText()));
        return titles;
    }

    private static int marks(JsonNode state) {
        int n = 0;
        for (JsonNode r : state.path("results")) n += r.path("marks").size();
        return n;
    }

    private static String current(JsonNode state) {
        for (JsonNode p : state.path("pages")) if (p.path("current").asText().equals("page")) return p.path("text").asText();
        return null;
    }

    private static List<String> fold(JsonNode words) {
        List<String> out = new ArrayList<>();
        words.forEach(w -> out.add(fold(w.asText())));
        return out;
    }

    private static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
