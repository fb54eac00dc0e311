package org.agora.render;

import com.fasterxml.jackson.databind.JsonNode;
import org.agora.testing.Chromium;
import org.agora.testing.OutputSite;
import org.agora.testing.ServedSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The French library page of the bundled e-library in headless Chromium: filters chosen with the keyboard
 * change the counts and the list, the URL keeps the choice, and a reload of that URL shows the same state.
 * Expected documents are computed from the term pages the build wrote, not written down here.
 */
class LibraryPageBrowserTest {

    private static final String BASE_PATH = "/elibrary/";

    /** What the library page shows, read in the page. */
    private static final String STATE = """
            (() => {
              const status = document.getElementById('library-status').textContent;
              const count = status.match(/\\d[\\d\\s\\u00a0\\u202f.,]*/);
              return {
                status,
                total: count ? parseInt(count[0].replace(/\\D/g, ''), 10) : null,
                search: location.search,
                results: [...document.querySelectorAll('#library-list .item-title a')].map((a) => a.getAttribute('href')),
                facets: [...document.querySelectorAll('#library-facets input[type=checkbox]')].map((b) => ({
                  field: b.name, value: b.value, checked: b.checked,
                  count: parseInt(b.closest('label').querySelector('.count').textContent, 10) })),
              };
            })()""";

    @TempDir
    static Path temp;
    static ServedSite site;
    static OutputSite output;
    static URI base;
    static Chromium browser;

    @BeforeAll
    static void buildServeAndStartBrowser() {
        site = ServedSite.build(ServedSite.copyOfBundled(temp.resolve("site")), temp.resolve("out"), BASE_PATH);
        output = site.output();
        base = site.base();
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            if (site != null) site.close();
        }
    }

    @AfterEach
    void noScriptErrorsInThePage() {
        assertEquals(List.of(), browser.consoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList(),
                "console errors");
    }

    @Test
    void twoFiltersNarrowTheListAndTheSharedUrlShowsTheSameState() {
        browser.open(base.resolve("fr/library/"));
        JsonNode start = browser.await("the filters", "document.querySelector('#library-facets input') && (" + STATE + ")");
        int all = start.get("total").asInt();
        assertEquals(output.page("fr/library/index.html").select("#library-list .item").size()
                        + otherPagesItems("fr/library/"), all, "the live count equals the plain list's documents");
        assertTrue(start.get("results").size() > 0);

        // A theme, chosen with the keyboard: Tab to its checkbox is simulated by focusing it, Space ticks it.
        String theme = "open-data";
        browser.find("#library-facets input[name=themes][value=" + theme + "]").sendKeys(Keys.SPACE);
        JsonNode one = browser.await("one filter", "(" + STATE + ").search.includes('themes=') && (" + STATE + ")");
        Set<String> themed = termPageDocuments("fr/themes/" + theme + "/");
        assertEquals(themed, new HashSet<>(hrefs(one)), "the theme's documents, as its own page lists them");
        assertEquals(themed.size(), one.get("total").asInt());
        assertTrue(one.get("total").asInt() < all);

        // A second filter from another facet: a type that some but not all of the theme's documents have.
        String type = chooseNarrowingValue(one, "types");
        int expectedCount = countOf(one, "types", type);
        browser.find("#library-facets input[name=types][value=" + type + "]").sendKeys(Keys.SPACE);
        JsonNode two = browser.await("two filters", "(" + STATE + ").search.includes('types=') && (" + STATE + ")");
        Set<String> both = new HashSet<>(themed);
        both.retainAll(termPageDocuments("fr/types/" + type + "/"));
        assertEquals(both, new HashSet<>(hrefs(two)));
        assertEquals(expectedCount, two.get("total").asInt(), "the count shown beside the value was the number it gives");
        assertNotEquals(one.get("facets"), two.get("facets"), "other filters' counts follow the choice");
        assertTrue(two.get("search").asText().contains("themes=" + theme));

        // The shared URL, opened afresh, shows the same choice, counts and documents.
        String shared = browser.currentUrl().toString();
        browser.open("about:blank");
        browser.open(shared);
        JsonNode again = browser.await("the shared state", "document.querySelector('#library-facets input:checked') && (" + STATE + ")");
        assertEquals(two.get("results"), again.get("results"));
        assertEquals(two.get("facets"), again.get("facets"));
        assertEquals(two.get("status"), again.get("status"));

        // Back past the blank page and the two-filter step: the one-filter state again.
        for (int i = 0; i < 3; i++) browser.driver().navigate().back();
        JsonNode back = browser.waitFor("back to one filter", () -> {
            JsonNode state = browser.run("return " + STATE + ";");
            return state.get("search").asText().contains("themes=") && !state.get("search").asText().contains("types=")
                    && state.get("facets").size() > 0 ? state : null;
        });
        assertEquals(new HashSet<>(hrefs(one)), new HashSet<>(hrefs(back)));
    }

    @Test
    void withoutJavaScriptTheLibraryIsAPlainListWithLinksToEachValuesPage() {
        Document page = output.page("fr/library/index.html");
        Element themes = page.selectFirst(".library-facet[data-field=themes]");
        assertFalse(themes.select("a").isEmpty());
        for (Element a : themes.select("a")) {
            String rel = a.attr("href").substring(BASE_PATH.length());
            int shown = Integer.parseInt(a.parent().selectFirst(".count").text());
            assertEquals(termPageDocuments(rel).size(), shown, "count of " + rel);
        }
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
    private static Set<String> termPageDocuments(String dir) {
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
