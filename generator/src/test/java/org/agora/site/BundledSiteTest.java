package org.agora.site;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled e-library (the repository's own content/) built end to end and read back as a reader would. */
class BundledSiteTest {

    @TempDir
    static Path temp;
    static BuildResult result;
    static OutputSite site;

    @BeforeAll
    static void build() {
        result = org.agora.testing.BundledSite.built().result();
        site = org.agora.testing.BundledSite.built().site();
    }

    @Test
    void buildsWithoutErrorsOrWarnings() {
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        assertEquals(List.of(), result.diagnostics().sorted(), "the bundled site should build clean");
        assertEquals(List.of("en", "fr", "nl"), List.copyOf(result.pagesPerLanguage().keySet()));
        result.pagesPerLanguage().values().forEach(n -> assertTrue(n > 20, "pages per language: " + result.pagesPerLanguage()));
    }

    @Test
    void noInternalLinkIsBroken() {
        assertTrue(site.pages().size() > 100);
        assertEquals(List.of(), site.brokenLinks());
    }

    @Test
    void browsingPagesExistInEveryLanguageAndTheirCountsEqualWhatTheyList() {
        assertEquals(List.of(), org.agora.testing.BrowsingPages.problems(site, List.of("en", "fr", "nl")));
        // The data file's labels reach the pages: the French theme page is in French.
        assertEquals("Données ouvertes", site.page("fr/thèmes/open-data/index.html").selectFirst("h1").text());
        assertEquals("Klimaatadaptatie", site.page("nl/themas/climate-adaptation/index.html").selectFirst("h1").text());
    }

    @Test
    void listsShowUntranslatedDocumentsInTheirFallbackLanguageWithABadge() {
        // "Safe online spaces" exists in English and Dutch, not in French: the French guides list shows the
        // English version, marked, and links to it; it is never copied under a French URL.
        var guides = site.page("fr/guides-pratiques/index.html");
        var fallback = guides.select(".item.is-fallback");
        assertFalse(fallback.isEmpty(), "a fallback document in the French guides");
        for (var item : fallback) {
            var link = item.selectFirst(".item-title a");
            assertTrue(link.attr("href").startsWith("/elibrary/en/"), link.toString());
            assertEquals("en", link.attr("hreflang"));
            assertEquals("en anglais", item.selectFirst(".badge.fallback").text());
        }
        assertTrue(site.pages().keySet().stream().noneMatch(p -> p.startsWith("fr/") && p.contains("safe-online")),
                "no French copy of an English document");
        // Dutch falls back to English, then French: the French-only climate toolkit shows in the Dutch library.
        var nlLibrary = site.page("nl/bibliotheek/index.html");
        assertTrue(nlLibrary.select(".item.is-fallback .badge").stream().anyMatch(b -> b.text().equals("in het Frans")),
                nlLibrary.select(".badge").toString());
    }

    @Test
    void documentsShowUpToFiveRelatedOnesTheirLanguageFirstNeverThemselves() {
        int withRelated = 0;
        for (var e : site.pages().entrySet()) {
            var doc = e.getValue();
            if (!doc.body().hasClass("kind-page")) continue;
            String lang = doc.selectFirst("html").attr("lang");
            var related = doc.select(".related .item-title a");
            assertTrue(related.size() <= 5, e.getKey());
            if (!related.isEmpty()) withRelated++;
            var translations = new java.util.HashSet<String>();
            doc.select("link[rel=alternate][hreflang]").forEach(l -> translations.add(java.net.URI.create(l.attr("href")).getPath()));
            translations.add("/elibrary/" + e.getKey().replace("index.html", ""));
            boolean otherLanguageSeen = false;
            for (var a : related) {
                assertFalse(translations.contains(a.attr("href")), e.getKey() + " suggests itself or a translation: " + a);
                boolean own = a.attr("href").startsWith("/elibrary/" + lang + "/");
                assertFalse(own && otherLanguageSeen, e.getKey() + ": the page's language comes first");
                if (!own) otherLanguageSeen = true;
            }
        }
        assertTrue(withRelated > 30, "most documents have related ones: " + withRelated);
    }

    @Test
    void translationLinksPointToExistingPagesReciprocally() {
        assertEquals(List.of(), Translations.problems(site));
    }

    @Test
    void everyPageDeclaresLanguageCanonicalAndAlternates() {
        site.pages().forEach((rel, doc) -> {
            if (doc.selectFirst("meta[http-equiv=refresh]") != null || rel.equals("index.html")) return;
            String lang = rel.substring(0, 2);
            assertEquals(rel.equals("404.html") ? "en" : lang, doc.selectFirst("html").attr("lang"), rel);
            assertNotNull(doc.selectFirst("link[rel=canonical][href^=https://example.org/elibrary/]"), rel);
            assertNotNull(doc.selectFirst("link[rel=alternate][hreflang=x-default]"), rel);
            assertEquals("Agora", doc.selectFirst("meta[name=generator]").attr("content"), rel);
        });
    }

    @Test
    void missingTranslationsShowAsUnavailableNeverAsLinks() {
        // The French climate toolkit exists in French only.
        Document fr = site.page("fr/ressources/boite-a-outils-adaptation-climat/index.html");
        List<Element> switcher = fr.select("nav.lang-switcher li");
        assertEquals(3, switcher.size());
        assertEquals(0, fr.select("nav.lang-switcher a").size(), "no translation, so no link");
        assertEquals(2, fr.select("nav.lang-switcher .unavailable").size());
        assertEquals(0, fr.select("link[rel=alternate][hreflang=en], link[rel=alternate][hreflang=nl]").size());
    }

    @Test
    void translatedSlugsAndLocalisedDates() {
        Document fr = site.page("fr/guides-pratiques/animer-un-atelier/index.html");
        assertTrue(fr.select("time").text().contains("janvier 2026"), fr.select("time").text());
        Document nl = site.page("nl/praktijkgidsen/index.html");
        assertEquals("nl", nl.selectFirst("html").attr("lang"));
        assertTrue(site.pages().keySet().stream().anyMatch(p -> p.startsWith("nl/nieuws/")));
        Document en = site.page("en/guides/facilitation/index.html");
        assertTrue(en.select("time").text().matches(".*\\d{1,2} [A-Z][a-z]+ 2026.*"), en.select("time").text());
    }

    @Test
    void linksToUntranslatedDocumentsGoToTheFallbackWithAVisibleMarker() {
        List<Element> marked = site.pages().entrySet().stream()
                .filter(e -> e.getKey().startsWith("fr/") || e.getKey().startsWith("nl/"))
                .flatMap(e -> e.getValue().select("a.fallback-link").stream()).toList();
        assertFalse(marked.isEmpty(), "the bundled content links French and Dutch pages to English-only documents");
        for (Element a : marked) {
            assertTrue(site.fileFor(a.attr("href")).isPresent(), a.outerHtml());
            assertFalse(a.select(".fallback-marker").text().isBlank(), a.outerHtml());
            assertFalse(a.attr("hreflang").isBlank(), a.outerHtml());
        }
    }

    @Test
    void theRootPageOffersEveryLanguageWithoutJavaScript() {
        Document root = site.page("index.html");
        assertEquals(3, root.select("a[data-lang-choice]").size());
        for (Element a : root.select("a[data-lang-choice]")) assertTrue(site.pageFor(a.attr("href")).isPresent(), a.outerHtml());
    }

    @Test
    void theAttachmentIsCopiedAndDescribed() throws IOException {
        assertTrue(Files.size(org.agora.testing.BundledSite.built().out().resolve("files/annual-report-2025.pdf")) > 1000);
        Document report = site.pages().entrySet().stream().filter(e -> e.getKey().startsWith("en/resources/annual-report"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(report.text().contains("PDF"), "format shown");
    }

    @Test
    void theSameInputGivesByteIdenticalOutput() throws IOException {
        BuildResult again = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(TestPaths.repoRoot(), temp.resolve("again"), false));
        assertTrue(again.success());
        assertEquals(hashes(org.agora.testing.BundledSite.built().out()), hashes(temp.resolve("again")));
    }

    private static Map<String, Integer> hashes(Path root) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
