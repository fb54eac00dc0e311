package org.agora.render;

import com.fasterxml.jackson.databind.JsonNode;
import org.agora.testing.Chromium;
import org.agora.testing.ServedSite;
import org.agora.testing.SiteInChromium;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The French library page of the bundled e-library in headless Chromium: filters chosen with the keyboard
 * change the counts and the list, the URL keeps the choice, and a reload of that URL shows the same state;
 * the page opens on its entry file and fetches the rest of the library's data as the reader asks for it.
 * Expected documents and counts are computed from the plain list's pages and the term pages the build
 * wrote, not from the data files the script reads, nor written down here.
 */
class LibraryPageBrowserTest extends SiteInChromium {

    private static final String BASE_PATH = "/elibrary/";
    /** Four documents a page, so the French library (21 documents) is six pages and a filter's results cross them. */
    private static final int PAGE_SIZE = 4;

    /** What the library page shows, read in the page. */
    private static final String STATE = """
            (() => {
              const status = document.getElementById('library-status').textContent;
              const count = status.match(/\\d[\\d\\s\\u00a0\\u202f.,]*/);
              return {
                ready: !document.getElementById('library-list').hasAttribute('aria-busy'),
                status,
                total: count ? parseInt(count[0].replace(/\\D/g, ''), 10) : null,
                search: location.search,
                results: [...document.querySelectorAll('#library-list .item-title a')].map((a) => a.getAttribute('href')),
                facets: [...document.querySelectorAll('#library-facets input[type=checkbox]')].map((b) => ({
                  field: b.name, value: b.value, checked: b.checked,
                  count: parseInt(b.closest('label').querySelector('.count').textContent, 10) })),
                data: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
                  .filter((p) => p.includes('/biblioth%C3%A8que/data')),
              };
            })()""";

    @BeforeAll
    static void buildServeAndStartBrowser() {
        Path copy = ServedSite.copyOfBundled(temp.resolve("site"));
        try {
            Path config = copy.resolve("site-config.yml");
            String text = Files.readString(config);
            assertTrue(text.contains("pageSize: 20"));
            Files.writeString(config, text.replace("pageSize: 20", "pageSize: " + PAGE_SIZE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serve(copy, BASE_PATH);
    }

    @Test
    void twoFiltersNarrowTheListAndTheSharedUrlShowsTheSameState() {
        browser.open(base.resolve("fr/bibliothèque/"));
        JsonNode start = browser.await("the filters", "document.querySelector('#library-facets input') && (" + STATE + ").ready && (" + STATE + ")");
        int all = start.get("total").asInt();
        assertEquals(output.page("fr/bibliothèque/index.html").select("#library-list .item").size()
                        + otherPagesItems("fr/bibliothèque/"), all, "the live count equals the plain list's documents");
        assertTrue(start.get("results").size() > 0);

        // A theme, chosen with the keyboard: Tab to its checkbox is simulated by focusing it, Space ticks it.
        String theme = "open-data";
        browser.find("#library-facets input[name=themes][value=" + theme + "]").sendKeys(Keys.SPACE);
        JsonNode one = browser.await("one filter", "(" + STATE + ").search.includes('themes=') && (" + STATE + ").ready && (" + STATE + ")");
        Set<String> themed = termPageDocuments("fr/thèmes/" + theme + "/");
        assertEquals(themed.size(), one.get("total").asInt(), "the theme's documents, as its own page lists them");
        assertTrue(themed.containsAll(hrefs(one)), hrefs(one).toString());
        assertTrue(one.get("total").asInt() < all);

        // A second filter from another facet: a type that some but not all of the theme's documents have.
        String type = chooseNarrowingValue(one, "types");
        int expectedCount = countOf(one, "types", type);
        browser.find("#library-facets input[name=types][value=" + type + "]").sendKeys(Keys.SPACE);
        JsonNode two = browser.await("two filters", "(" + STATE + ").search.includes('types=') && (" + STATE + ").ready && (" + STATE + ")");
        Set<String> both = new HashSet<>(themed);
        both.retainAll(termPageDocuments("fr/types/" + type + "/"));
        assertEquals(both.size(), two.get("total").asInt());
        assertTrue(both.containsAll(hrefs(two)), hrefs(two).toString());
        assertEquals(expectedCount, two.get("total").asInt(), "the count shown beside the value was the number it gives");
        assertNotEquals(one.get("facets"), two.get("facets"), "other filters' counts follow the choice");
        assertTrue(two.get("search").asText().contains("themes=" + theme));

        // The shared URL, opened afresh, shows the same choice, counts and documents.
        String shared = browser.currentUrl().toString();
        browser.open("about:blank");
        browser.open(shared);
        JsonNode again = browser.await("the shared state", "document.querySelector('#library-facets input:checked') && (" + STATE + ").ready && (" + STATE + ")");
        assertEquals(two.get("results"), again.get("results"));
        assertTrue(again.get("data").toString().contains("/data/filters."), "a URL with a filter fetches the filters at once");
        assertEquals(two.get("facets"), again.get("facets"));
        assertEquals(two.get("status"), again.get("status"));

        // Back past the blank page and the two-filter step: the one-filter state again.
        for (int i = 0; i < 3; i++) browser.driver().navigate().back();
        JsonNode back = browser.waitFor("back to one filter", () -> {
            JsonNode state = browser.run("return " + STATE + ";");
            return state.get("ready").asBoolean() && state.get("search").asText().contains("themes=")
                    && !state.get("search").asText().contains("types=") && state.get("facets").size() > 0 ? state : null;
        });
        assertEquals(new HashSet<>(hrefs(one)), new HashSet<>(hrefs(back)));
    }

    @Test
    void withoutJavaScriptTheLibraryIsAPlainListWithLinksToEachValuesPage() {
        Document page = output.page("fr/bibliothèque/index.html");
        Element themes = page.selectFirst(".library-facet[data-field=themes]");
        assertFalse(themes.select("a").isEmpty());
        for (Element a : themes.select("a")) {
            String rel = a.attr("href").substring(BASE_PATH.length());
            int shown = Integer.parseInt(a.parent().selectFirst(".count").text());
            assertEquals(termPageDocuments(rel).size(), shown, "count of " + rel);
        }
    }

    @Test
    void thePageOpensOnItsEntryFileAndEachPageOfTheListFetchesOnlyItsOwnCards() {
        FullList full = FullList.read("fr/bibliothèque/");
        assertTrue(full.documents().size() > 3 * PAGE_SIZE, "the library is several pages: " + full.documents().size());
        browser.open(base.resolve("fr/bibliothèque/"));
        JsonNode start = browser.await("the filters", "document.querySelector('#library-facets input') && (" + STATE + ").ready && (" + STATE + ")");
        String entry = output.page("fr/bibliothèque/index.html").selectFirst("#library-app").attr("data-library");
        assertEquals(List.of(entry), texts(start.get("data")), "only the entry file, however large the library");
        full.assertShows(Map.of(), 1, start);

        browser.find("#library-list .pagination .next a").click();
        JsonNode second = browser.await("page 2", "(" + STATE + ").search.includes('page=2') && (" + STATE + ").ready && (" + STATE + ")");
        assertEquals(output.page("fr/bibliothèque/page/2/index.html").select("#library-list .item-title a").eachAttr("href"),
                hrefs(second), "the plain list's second page");
        full.assertShows(Map.of(), 2, second);
        List<String> fetched = texts(second.get("data"));
        assertEquals(2, fetched.size(), "the entry and the second page's cards: " + fetched);
        assertTrue(fetched.get(1).contains("/fr/biblioth%C3%A8que/data/items."), fetched.toString());
    }

    @Test
    void aFilterWhoseDocumentsCrossThePagesOfTheListShowsTheCountsAndPagesOfTheFullList() {
        FullList full = FullList.read("fr/bibliothèque/");
        // A type with more than a page of documents: they lie on several of the list's pages.
        String type = full.values("types").stream()
                .filter(v -> full.count(Map.of(), "types", v) > PAGE_SIZE).findFirst().orElseThrow();
        browser.open(base.resolve("fr/bibliothèque/"));
        browser.await("the filters", "document.querySelector('#library-facets input') && (" + STATE + ").ready");
        browser.find("#library-facets input[name=types][value=" + type + "]").sendKeys(Keys.SPACE);
        JsonNode one = browser.await("one filter", "(" + STATE + ").search.includes('types=') && (" + STATE + ").ready && (" + STATE + ")");
        Map<String, Set<String>> chosen = Map.of("types", Set.of(type));
        full.assertShows(chosen, 1, one);
        assertEquals(1, texts(one.get("data")).stream().filter(p -> p.contains("/data/filters.")).count(), one.get("data").toString());

        browser.find("#library-list .pagination .next a").click();
        JsonNode two = browser.await("the filter's page 2", "(" + STATE + ").search.includes('page=2') && (" + STATE + ").ready && (" + STATE + ")");
        full.assertShows(chosen, 2, two);
        long cardFiles = texts(two.get("data")).stream().filter(p -> p.contains("/data/items.")).distinct().count();
        assertTrue(cardFiles >= 2, "the filter's documents came from several pages of the list: " + two.get("data"));

        // A second filter, from another facet, that keeps some of the type's documents: counts follow it.
        String theme = full.values("themes").stream().filter(v -> {
            int n = full.count(chosen, "themes", v);
            return n > 0 && n < full.matching(chosen).size();
        }).findFirst().orElseThrow();
        browser.find("#library-facets input[name=themes][value=" + theme + "]").sendKeys(Keys.SPACE);
        JsonNode both = browser.await("two filters", "(" + STATE + ").search.includes('themes=') && (" + STATE + ").ready && (" + STATE + ")");
        full.assertShows(Map.of("types", Set.of(type), "themes", Set.of(theme)), 1, both);
    }

    /**
     * The library as its plain pages list it, in order, and each filter value's documents as the value's own
     * page lists them (a language's: the documents whose address is under it): what the live filters must
     * agree with, read without the data files.
     */
    private record FullList(List<String> documents, Map<String, Map<String, Set<String>>> valueDocuments) {

        static FullList read(String dir) {
            List<String> documents = new ArrayList<>(output.page(dir + "index.html").select("#library-list .item-title a").eachAttr("href"));
            for (int n = 2; output.pages().containsKey(dir + "page/" + n + "/index.html"); n++) {
                documents.addAll(output.page(dir + "page/" + n + "/index.html").select("#library-list .item-title a").eachAttr("href"));
            }
            Map<String, Map<String, Set<String>>> values = new LinkedHashMap<>();
            for (Element facet : output.page(dir + "index.html").select(".library-facet[data-field]")) {
                String field = facet.attr("data-field");
                Map<String, Set<String>> byValue = new TreeMap<>();
                if (field.equals("language")) {
                    for (String d : documents) byValue.computeIfAbsent(d.substring(BASE_PATH.length()).split("/")[0], k -> new HashSet<>()).add(d);
                } else {
                    for (Element a : facet.select("a")) {
                        String rel = a.attr("href").substring(BASE_PATH.length());
                        String[] parts = rel.split("/");
                        byValue.put(parts[parts.length - 1], termPageDocuments(rel));
                    }
                }
                values.put(field, byValue);
            }
            return new FullList(documents, values);
        }

        Set<String> values(String field) { return valueDocuments.get(field).keySet(); }

        /** Has document {@code d} one of the chosen values of every filter but {@code skip}? */
        private boolean passes(String d, Map<String, Set<String>> chosen, String skip) {
            for (var e : chosen.entrySet()) {
                if (e.getKey().equals(skip) || e.getValue().isEmpty()) continue;
                if (e.getValue().stream().noneMatch(v -> valueDocuments.get(e.getKey()).get(v).contains(d))) return false;
            }
            return true;
        }

        List<String> matching(Map<String, Set<String>> chosen) {
            return documents.stream().filter(d -> passes(d, chosen, null)).toList();
        }

        int count(Map<String, Set<String>> chosen, String field, String value) {
            Set<String> has = valueDocuments.get(field).get(value);
            return (int) documents.stream().filter(d -> has.contains(d) && passes(d, chosen, field)).count();
        }

        /** The page shows the total, the page's documents and every value's count of this choice. */
        void assertShows(Map<String, Set<String>> chosen, int page, JsonNode state) {
            List<String> matching = matching(chosen);
            assertEquals(matching.size(), state.get("total").asInt(), "total of " + chosen);
            assertEquals(matching.subList((page - 1) * PAGE_SIZE, Math.min(matching.size(), page * PAGE_SIZE)), hrefs(state),
                    "page " + page + " of " + chosen);
            Map<String, Integer> shown = new TreeMap<>();
            for (JsonNode f : state.get("facets")) {
                String field = f.get("field").asText(), value = f.get("value").asText();
                assertEquals(chosen.getOrDefault(field, Set.of()).contains(value), f.get("checked").asBoolean(), field + "=" + value);
                shown.put(field + "=" + value, f.get("count").asInt());
            }
            Map<String, Integer> expected = new TreeMap<>();
            valueDocuments.forEach((field, values) -> values.keySet().forEach(value -> {
                int n = count(chosen, field, value);
                if (n > 0 || chosen.getOrDefault(field, Set.of()).contains(value)) expected.put(field + "=" + value, n);
            }));
            assertEquals(expected, shown, "every value's count under " + chosen);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> hrefs(JsonNode state) {
        List<String> out = new ArrayList<>();
        state.get("results").forEach(r -> out.add(r.asText()));
        return out;
    }

    private static int countOf(JsonNode state, String field, String value) {
        for (JsonNode f : state.get("facets")) {
            if (f.get("field").asText().equals(field) && f.get("value").asText().equals(value)) return f.get("count").asInt();
        }
        throw new AssertionError("no value " + field + "=" + value + " in " + state);
    }

    /** A value of {@code field} whose count is above zero and below the current total. */
    private static String chooseNarrowingValue(JsonNode state, String field) {
        int total = state.get("total").asInt();
        for (JsonNode f : state.get("facets")) {
            int count = f.get("count").asInt();
            if (f.get("field").asText().equals(field) && count > 0 && count < total) return f.get("value").asText();
        }
        throw new AssertionError("no " + field + " value narrows " + state);
    }

    /** The documents a term page lists, across its pages, as hrefs. */
    /** @param dir a folder as a link gives it, percent-encoded ("fr/th%C3%A8mes/x/") or not */
    private static Set<String> termPageDocuments(String link) {
        String dir = java.net.URI.create(link).getPath();
        Set<String> out = new HashSet<>();
        for (int n = 1; ; n++) {
            String rel = dir + (n == 1 ? "" : "page/" + n + "/") + "index.html";
            if (!output.pages().containsKey(rel)) break;
            output.page(rel).select("main .items .item-title a").forEach(a -> out.add(a.attr("href")));
        }
        return out;
    }

    private static int otherPagesItems(String dir) {
        int count = 0;
        for (int n = 2; output.pages().containsKey(dir + "page/" + n + "/index.html"); n++) {
            count += output.page(dir + "page/" + n + "/index.html").select("#library-list .item").size();
        }
        return count;
    }
}
