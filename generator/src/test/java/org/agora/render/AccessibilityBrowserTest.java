package org.agora.render;

import com.fasterxml.jackson.databind.JsonNode;
import org.agora.testing.AxeCore;
import org.agora.testing.Chromium;
import org.agora.testing.OutputSite;
import org.agora.testing.ServedSite;
import org.agora.testing.TestPaths;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default theme on the bundled e-library, in a real headless Chromium: axe-core (all its default rules,
 * colour contrast included) finds nothing on each kind of page in each language, in the light and the dark
 * colour scheme, at a phone's width and a desktop's; no page scrolls sideways at 360 px; each page has one
 * h1 and loads nothing from another host. Screenshots of every checked page land in
 * generator/target/screenshots/ (build artifacts, to look at).
 */
class AccessibilityBrowserTest {

    private static final String BASE_PATH = "/elibrary/";
    private static final List<String> LANGUAGES = List.of("en", "fr", "nl");

    /**
     * A kind of page to check, by its English output path (plus a query string); the French and Dutch pages
     * are the ones its language switcher links to. {@code required}: whether the build must have it.
     */
    record Checked(String name, String path, String query, boolean required, List<String> languages) {
        Checked(String name, String path) { this(name, path, "", true, LANGUAGES); }
        Checked(String name, String path, String query, boolean required) { this(name, path, query, required, LANGUAGES); }
    }

    /** The pages checked: one line each. */
    private static final List<Checked> PAGES = List.of(
            new Checked("home", "en/index.html"),
            new Checked("document", "en/resources/annual-report-2025/index.html"),
            new Checked("event", "en/events/general-assembly-2026/index.html"),
            // its French version's original changed since (notice), its Dutch one is a machine translation (notice)
            new Checked("translated guide", "en/guides/community-radio-starter/index.html", "", true, List.of("en", "fr")),
            new Checked("machine-translated guide", "en/guides/open-data-publishing/index.html"),
            new Checked("list", "en/guides/index.html"),
            new Checked("taxonomy", "en/themes/index.html"),
            new Checked("term", "en/themes/open-data/index.html"),
            // Checked once the query has shown results (the READY condition below).
            new Checked("search", "en/search/index.html", "?q=radio", true),
            new Checked("not-found", "en/404.html"),
            // Checked with a filter chosen, once the live filters are drawn (READY).
            new Checked("library", "en/library/index.html", "?types=news", true));

    /** True when a page is ready to be checked: the search page once its results are drawn. */
    private static final String READY = """
            document.readyState === 'complete'
              && (!document.getElementById('search-app')
                  || (document.querySelector('#search-list > li') && !document.querySelector('#search-list[aria-busy]')))
              && (!document.getElementById('library-app') || document.querySelector('#library-facets fieldset input:checked'))""";

    private static final int PHONE = 375, NARROWEST = 360, DESKTOP = 1280;
    private static final List<String> SCHEMES = List.of("light", "dark");

    /** What one page showed: axe's violations (one line each, already described), layout and resources. */
    record PageReport(String label, List<String> violations, int scrollWidth, int clientWidth, int h1s,
                      List<String> foreignResources) {}

    @TempDir
    static Path temp;
    static OutputSite output;
    static ServedSite site;
    static URI base;
    static Chromium browser;
    static String axe;
    static Path screenshots;
    static final List<PageReport> reports = new ArrayList<>();
    /** Rules axe could not decide (it asks a person to look), by id, with how often: printed, not failed. */
    static final Map<String, Integer> incomplete = new TreeMap<>();
    static int rulesRun;

    @BeforeAll
    static void buildServeAndCheckEveryPage() throws IOException {
        axe = AxeCore.source();
        site = ServedSite.build(TestPaths.repoRoot(), temp.resolve("out"), BASE_PATH);
        output = site.output();
        base = site.base();
        screenshots = TestPaths.repoRoot().resolve("generator/target/screenshots");
        Files.createDirectories(screenshots);
        browser = Chromium.start();
        // axe-core is put into each page as a script of its own, which the site's policy would refuse.
        browser.bypassContentSecurityPolicy();
        for (Checked page : PAGES) {
            if (!page.required() && !Files.isRegularFile(temp.resolve("out").resolve(page.path()))) continue;
            for (String lang : page.languages()) reports.add(check(page, lang));
        }
        int violations = reports.stream().mapToInt(r -> r.violations().size()).sum();
        System.out.printf("AccessibilityBrowserTest: %d pages x %d schemes x 2 widths checked with axe-core (up to %d rules"
                + " applied per page): %d violations; undecided by axe: %s; screenshots in %s%n",
                reports.size(), SCHEMES.size(), rulesRun, violations, incomplete, screenshots);
    }

    @AfterAll
    static void stop() { Chromium.closeAll(browser, site); }

    @Test
    void axeFindsNoViolationsInEitherColourSchemeAtEitherWidth() {
        List<String> all = reports.stream().flatMap(r -> r.violations().stream()).toList();
        assertTrue(all.isEmpty(), () -> all.size() + " axe-core violations:\n" + String.join("\n", all));
    }

    /** Guards the check itself: zero violations must mean that axe ran and looked, not that it never started. */
    @Test
    void axeReportsProblemsWhenAPageHasThem() {
        viewport(DESKTOP);
        colourScheme("light");
        open(base.resolve("en/"));
        browser.run("""
                document.querySelector('main').insertAdjacentHTML('beforeend',
                  '<p style="color:#aaa;background:#fff">Pale text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');""");
        List<String> found = new ArrayList<>();
        axe().path("violations").forEach(v -> found.add(v.path("id").asText()));
        assertTrue(found.containsAll(List.of("color-contrast", "image-alt")), "axe found " + found);
    }

    @Test
    void nothingScrollsSidewaysOnA360PixelPhone() {
        List<String> wide = reports.stream().filter(r -> r.scrollWidth() > r.clientWidth())
                .map(r -> r.label() + " is " + r.scrollWidth() + " px wide in a " + r.clientWidth() + " px viewport")
                .toList();
        assertEquals(List.of(), wide);
    }

    @Test
    void everyPageHasOneMainHeading() {
        assertEquals(List.of(), reports.stream().filter(r -> r.h1s() != 1).map(r -> r.label() + ": " + r.h1s() + " h1").toList());
    }

    @Test
    void pagesLoadNothingFromAnotherHost() {
        assertEquals(List.of(), reports.stream().flatMap(r -> r.foreignResources().stream().map(u -> r.label() + ": " + u)).toList());
    }

    @Test
    void theColoursFollowTheSystemSetting() {
        viewport(DESKTOP);
        open(base.resolve("nl/"));
        Map<String, String> seen = new TreeMap<>();
        for (String scheme : SCHEMES) {
            colourScheme(scheme);
            // Relative luminance of the page's background and text, as WCAG defines it.
            seen.put(scheme, browser.run("""
                    const lum = (css) => {
                      const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map((v) => {
                        const c = v / 255;
                        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
                      });
                      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                    };
                    const style = getComputedStyle(document.body);
                    return lum(style.backgroundColor) > lum(style.color) ? 'dark on light' : 'light on dark';""").asText());
        }
        colourScheme("light");
        assertEquals(Map.of("light", "dark on light", "dark", "light on dark"), seen);
    }

    @Test
    void noScriptBlocksRendering() {
        List<String> blocking = new ArrayList<>();
        output.pages().forEach((rel, doc) -> {
            for (Element s : doc.select("script[src]")) {
                if (!s.hasAttr("defer") && !s.hasAttr("async") && !s.attr("type").equals("module")) blocking.add(rel + ": " + s.outerHtml());
            }
        });
        assertEquals(List.of(), blocking);
    }

    @Test
    void theFirstTabShowsTheSkipLinkWhichLeadsToTheMainContent() {
        viewport(PHONE);
        for (String scheme : SCHEMES) {
            colourScheme(scheme);
            browser.open(base.resolve("fr/guides-pratiques/"));
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            JsonNode focus = browser.run("""
                    const a = document.activeElement, r = a.getBoundingClientRect(), style = getComputedStyle(a);
                    return { skip: a.matches('a.skip-link'), href: a.getAttribute('href'), top: r.top, bottom: r.bottom,
                             outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) };""");
            assertTrue(focus.path("skip").asBoolean(), scheme + ": the first Tab reaches the skip link");
            assertEquals("#main", focus.path("href").asText());
            assertTrue(focus.path("top").asDouble() >= 0 && focus.path("bottom").asDouble() > 0, scheme + ": the focused skip link is on screen: " + focus);
            assertTrue(!focus.path("outline").asText().equals("none") && focus.path("outlineWidth").asDouble() >= 2,
                    scheme + ": keyboard focus is outlined: " + focus);
        }
        colourScheme("light");
    }

    @Test
    void printingDropsTheSiteChromeAndShowsWhereExternalLinksLead() {
        viewport(DESKTOP);
        browser.open(base.resolve("en/resources/annual-report-2025/"));
        // Printed from a system in dark mode: paper stays black on white all the same.
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            JsonNode shown = browser.run("""
                    document.querySelector('main .content p').insertAdjacentHTML('beforeend',
                      ' <a id="outside" href="https://example.com/report">a report elsewhere</a>');
                    const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.checkVisibility());
                    return { chrome: ['.site-header', '.main-nav', '.site-search', '.lang-switcher', '.skip-link', '.site-footer']
                                        .filter(visible),
                             main: visible('main h1'),
                             after: getComputedStyle(document.getElementById('outside'), '::after').content,
                             background: getComputedStyle(document.body).backgroundColor,
                             text: getComputedStyle(document.body).color };""");
            assertEquals(0, shown.path("chrome").size(), "hidden in print: " + shown.path("chrome"));
            assertTrue(shown.path("main").asBoolean());
            assertTrue(shown.path("after").asText().contains("https://example.com/report"), "printed after the link: " + shown.path("after"));
            assertEquals("rgb(0, 0, 0)", shown.path("text").asText());
            assertEquals("rgb(255, 255, 255)", shown.path("background").asText());
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    // ---- the sweep

    private static PageReport check(Checked page, String lang) {
        URI url = urlOf(page, lang);
        String label = lang + " " + page.name() + " (" + base.relativize(url) + ")";
        List<String> violations = new ArrayList<>();
        for (int width : List.of(DESKTOP, PHONE)) {
            viewport(width);
            open(url);
            for (String scheme : SCHEMES) {
                colourScheme(scheme);
                JsonNode result = axe();
                rulesRun = Math.max(rulesRun, result.path("rules").asInt());
                result.path("incomplete").forEach(id -> incomplete.merge(id.asText(), 1, Integer::sum));
                for (JsonNode v : result.path("violations")) {
                    for (JsonNode node : v.path("nodes")) {
                        violations.add("%s [%s, %d px]: %s (%s) %s at %s — %s".formatted(label, scheme, width, v.path("id").asText(),
                                v.path("impact").asText(), v.path("help").asText(), node.path("target").asText(),
                                node.path("summary").asText().replace('\n', ' ')));
                    }
                }
                screenshot(lang + "-" + page.name() + "-" + width + (scheme.equals("light") ? "" : "-dark"));
            }
            colourScheme("light");
        }
        viewport(NARROWEST);
        open(url);
        JsonNode layout = browser.run("""
                return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
                         h1s: document.querySelectorAll('h1').length,
                         foreign: performance.getEntriesByType('resource').map((e) => e.name)
                                    .filter((u) => new URL(u).origin !== location.origin) };""");
        List<String> foreign = new ArrayList<>();
        layout.path("foreign").forEach(u -> foreign.add(u.asText()));
        return new PageReport(label, violations, layout.path("scrollWidth").asInt(), layout.path("clientWidth").asInt(),
                layout.path("h1s").asInt(), foreign);
    }

    /**
     * axe-core's default rules on the page as it is now: its violations (id, impact, help, the nodes' selectors
     * and what is wrong), the ids of the rules it could not decide (incomplete) and how many rules applied.
     */
    private static JsonNode axe() {
        return browser.run("""
                if (!window.axe) {
                  const s = document.createElement('script');
                  s.textContent = arguments[0];
                  document.head.append(s);
                  s.remove();
                }
                // What a disclosure hides (the Cite box's references, a details shortcode) is checked open too.
                document.querySelectorAll('details').forEach((d) => { d.open = true; });
                // Let a colour-scheme change reach the computed styles before axe reads them.
                await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
                const result = await axe.run(document);
                return {
                  rules: result.passes.length + result.violations.length + result.incomplete.length,
                  incomplete: result.incomplete.map((v) => v.id),
                  violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) })) };""", axe);
    }

    /** The page's URL in a language: the English page's own, or the one its language switcher links to. */
    private static URI urlOf(Checked page, String lang) {
        Document english = output.page(page.path());
        String path;
        if (lang.equals("en")) {
            path = BASE_PATH + page.path().replaceFirst("index\\.html$", "");
        } else {
            Element link = english.selectFirst("nav.lang-switcher a[hreflang=" + lang + "]");
            if (link == null) throw new AssertionError(page.path() + " has no " + lang + " page in its language switcher");
            path = link.attr("href");
        }
        return base.resolve(path.substring(BASE_PATH.length()) + page.query());
    }

    private static void open(URI url) {
        browser.open(url);
        browser.await("the page to be ready", READY);
    }

    /** A viewport of this width: a phone's (the viewport meta tag applies) below 1000 px, else a desktop's. */
    private static void viewport(int width) {
        boolean phone = width < 1000;
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", phone ? 800 : 900, "deviceScaleFactor", 1, "mobile", phone));
    }

    private static void colourScheme(String scheme) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The whole page as a PNG in generator/target/screenshots/. */
    private static void screenshot(String name) {
        Map<String, Object> metrics = browser.driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = new LinkedHashMap<>();
        clip.put("x", 0);
        clip.put("y", 0);
        clip.put("width", ((Number) size.get("width")).doubleValue());
        clip.put("height", Math.min(((Number) size.get("height")).doubleValue(), 12_000));
        clip.put("scale", 1);
        Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot",
                new TreeMap<>(Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)));
        try {
            Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
