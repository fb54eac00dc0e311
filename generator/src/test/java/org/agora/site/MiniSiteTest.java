package org.agora.site;

import org.agora.diag.Diagnostic;
import org.agora.testing.OutputSite;
import org.agora.testing.TestPaths;
import org.agora.testing.Translations;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small fixture site (src/test/resources/sites/mini) under a sub-path, mixing folder and suffix layouts. */
class MiniSiteTest {

    @TempDir
    static Path temp;
    static Path siteDir;
    static BuildResult result;
    static OutputSite site;

    @BeforeAll
    static void build() {
        siteDir = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        result = new SiteBuilder(BuildListener.NONE).build(BuildOptions.of(siteDir));
        site = new OutputSite(siteDir.resolve("public"), "/sub/path/");
    }

    @Test
    void buildsUnderTheSubPathWithEveryLinkResolving() {
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        assertEquals(List.of(), site.brokenLinks());
        assertEquals(List.of(), Translations.problems(site));
        site.pages().forEach((rel, doc) -> doc.select("a[href^=/]").forEach(a ->
                assertTrue(a.attr("href").startsWith("/sub/path/"), rel + ": " + a.outerHtml())));
    }

    @Test
    void folderAndSuffixLayoutsAndTranslationKeysFormGroups() {
        Document en = site.page("en/events/assembly/index.html");
        Element frAlternate = en.selectFirst("link[rel=alternate][hreflang=fr]");
        assertNotNull(frAlternate, "assembly.md (default language) and assemblee.fr.md share a translationKey");
        assertEquals("https://example.org/sub/path/fr/events/assemblee/", frAlternate.attr("href"));
        assertNull(en.selectFirst("link[rel=alternate][hreflang=nl]"));
    }

    @Test
    void sectionSlugsAreTranslatedForTheirDocuments() {
        assertTrue(site.pages().containsKey("fr/guides-pratiques/animer-un-atelier/index.html"));
        assertTrue(site.pages().containsKey("nl/gidsen/index.html"));
        Document en = site.page("en/guides/facilitation/index.html");
        assertEquals("/sub/path/fr/guides-pratiques/animer-un-atelier/",
                en.selectFirst("nav.lang-switcher a[hreflang=fr]").attr("href"));
        assertNotNull(en.selectFirst("nav.lang-switcher .unavailable[lang=nl]"), "no Dutch facilitation guide");
    }

    @Test
    void markdownLinksFindTheRightLanguageOrTheFallbackWithAMarker() {
        Document fr = site.page("fr/guides-pratiques/animer-un-atelier/index.html");
        Element toChecklist = fr.selectFirst("main a.fallback-link");
        assertNotNull(toChecklist, "the checklist exists only in English");
        assertEquals("/sub/path/en/guides/checklist/", toChecklist.attr("href"));
        assertEquals("en", toChecklist.attr("hreflang"));
        assertTrue(toChecklist.selectFirst(".fallback-marker").text().contains("anglais"), toChecklist.outerHtml());
        Document en = site.page("en/guides/facilitation/index.html");
        assertNotNull(en.selectFirst("main a[href=/sub/path/en/guides/checklist/#the-list]"));
        assertNotNull(en.selectFirst("main a[href=/sub/path/en/events/assembly/]"), "assembly.en.md names the file without suffix");
        assertNotNull(en.selectFirst("main img[src=/sub/path/en/files/diagram.png]"));
    }

    @Test
    void unknownShortcodesStayVisibleAndAreReportedWithTheirLine() {
        Document en = site.page("en/guides/facilitation/index.html");
        assertTrue(en.select("main code").text().contains("{{< gallery abc123 >}}"));
        Diagnostic warning = result.diagnostics().sorted().stream()
                .filter(d -> d.message().contains("shortcode 'gallery'")).findFirst().orElseThrow();
        assertEquals(19, warning.position().line());
        assertTrue(warning.position().file().endsWith(Path.of("content/en/guides/facilitation.md")));
    }

    @Test
    void draftsAreLeftOutUnlessAsked() {
        assertFalse(Files.exists(siteDir.resolve("public/en/guides/draft-idea/index.html")));
        BuildResult withDrafts = new SiteBuilder(BuildListener.NONE)
                .build(new BuildOptions(siteDir, temp.resolve("with-drafts"), true));
        assertTrue(withDrafts.success());
        assertTrue(Files.exists(temp.resolve("with-drafts/en/guides/draft-idea/index.html")));
    }

    @Test
    void longListsArePaginated() {
        Document first = site.page("en/guides/index.html");
        Document second = site.page("en/guides/page/2/index.html");
        assertEquals(2, first.select("main .item").size());
        assertEquals(1, second.select("main .item").size());
        assertNotNull(first.selectFirst("a[href=/sub/path/en/guides/page/2/]"));
    }

    @Test
    void aliasesRedirectToTheirPage() throws IOException {
        Document alias = site.page("en/old-facilitation/index.html");
        assertTrue(alias.selectFirst("meta[http-equiv=refresh]").attr("content").endsWith("url=/sub/path/en/guides/facilitation/"));
        List<String> rules = Files.readAllLines(siteDir.resolve("public/_redirects"));
        assertTrue(rules.contains("/sub/path/en/old-facilitation/ /sub/path/en/guides/facilitation/ 301"), rules.toString());
        // The pages Agora makes moved to their language's folders; their English paths redirect too.
        assertTrue(rules.contains("/sub/path/fr/search/ /sub/path/fr/recherche/ 301"), rules.toString());
    }

    @Test
    void countriesShowWithTheirLocalNamesAndTermPagesAreTranslations() {
        Document fr = site.page("fr/pays/be/index.html");
        assertEquals("Belgique", fr.selectFirst("h1").text());
        assertNotNull(fr.selectFirst("link[rel=alternate][hreflang=en][href$=/en/countries/be/]"));
        Document en = site.page("en/guides/facilitation/index.html");
        assertTrue(en.select("a[href=/sub/path/en/countries/sn/]").text().contains("Senegal"));
    }

    @Test
    void eventDatesAreShownInThePageLocale() {
        Document fr = site.page("fr/events/assemblee/index.html");
        assertTrue(fr.text().contains("18 avril 2026"), fr.text());
        assertTrue(fr.text().contains("Namur"));
    }
}
