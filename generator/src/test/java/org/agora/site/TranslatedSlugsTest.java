package org.agora.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.agora.diag.Diagnostic;
import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.testing.BundledSite;
import org.agora.testing.TestSite;
import org.agora.testing.OutputSite;
import org.agora.testing.TestPaths;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages Agora makes (taxonomies and their terms, library, search, types, years) are in their readers'
 * language's folders (/fr/recherche/, /nl/themas/), from the theme's strings or site-config.yml's slugs:, and
 * their English paths keep working as redirects. The expected words are read from the theme's and the site's
 * YAML as plain data, not through the code under test.
 */
class TranslatedSlugsTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Set<PageKind> GENERATED = Set.of(PageKind.TAXONOMY, PageKind.TERM, PageKind.SEARCH, PageKind.LIBRARY);

    @TempDir
    static Path temp;
    static BuildResult bundled;
    static OutputSite bundledSite;
    static Path bundledOut;

    @BeforeAll
    static void buildBundledSite() {
        bundled = BundledSite.built().result();
        bundledSite = BundledSite.built().site();
        bundledOut = BundledSite.built().out();
    }

    @Test
    void frenchAndDutchReadersSeeTheirWordsForEveryGeneratedPageAndEnglishPathsRedirect() throws IOException {
        assertTrue(bundled.success(), () -> bundled.diagnostics().sorted().toString());
        JsonNode siteSlugs = YAML.readTree(TestPaths.repoRoot().resolve("site-config.yml").toFile()).path("slugs");
        List<String> redirectRules = Files.readAllLines(bundledOut.resolve("_redirects"));
        Map<String, Integer> translatedPerLanguage = new TreeMap<>();
        int laterPages = 0;
        for (String lang : List.of("fr", "nl")) {
            JsonNode theme = YAML.readTree(TestPaths.repoRoot().resolve("themes/default/i18n/" + lang + ".yml").toFile());
            for (Page page : bundled.library().pages()) {
                if (!page.language().equals(lang) || !GENERATED.contains(page.kind())) continue;
                String name = switch (page.kind()) {
                    case SEARCH -> "search";
                    case LIBRARY -> "library";
                    default -> page.taxonomy();
                };
                String word = siteSlugs.path(name).path(lang).asText(theme.path("slug." + name).asText(name));
                String folder = "/" + lang + "/" + word + "/";
                assertTrue(page.path().startsWith(folder), page.kind() + " " + page.path() + " should be under " + folder);
                if (word.equals(name)) continue;
                translatedPerLanguage.merge(lang, 1, Integer::sum);
                // The English path is a redirect page to the translated one, and a rule for hosts that read _redirects.
                String english = "/" + lang + "/" + name + page.path().substring(folder.length() - 1);
                Document redirect = bundledSite.page(english.substring(1) + "index.html");
                assertTrue(redirect.selectFirst("meta[http-equiv=refresh]").attr("content")
                        .endsWith("url=" + href(page.path())), english);
                assertTrue(redirectRules.contains(href(english) + " " + href(page.path()) + " 301"), english);
                // Every later page of the list too: a bookmark of /fr/library/page/2/ keeps working.
                for (int n = 2; bundledSite.pages().containsKey(page.path().substring(1) + "page/" + n + "/index.html"); n++) {
                    String later = english + "page/" + n + "/";
                    assertTrue(bundledSite.page(later.substring(1) + "index.html").selectFirst("meta[http-equiv=refresh]")
                            .attr("content").endsWith("url=" + href(page.path() + "page/" + n + "/")), later);
                    assertTrue(redirectRules.contains(href(later) + " " + href(page.path() + "page/" + n + "/") + " 301"), later);
                    laterPages++;
                }
            }
        }
        // Every kind is translated in both languages: search, library, years, four taxonomies and their terms.
        assertTrue(translatedPerLanguage.getOrDefault("fr", 0) > 20 && translatedPerLanguage.getOrDefault("nl", 0) > 20,
                translatedPerLanguage::toString);
        assertTrue(laterPages >= 2, "the French and Dutch libraries are several pages long: " + laterPages);
        Document frenchHome = bundledSite.page("fr/index.html");
        assertEquals("/elibrary/fr/recherche/", frenchHome.selectFirst("form[role=search], form[action*=recherche]").attr("action"));
        assertNotNull(bundledSite.page("nl/zoeken/index.html").selectFirst("h1"));
        assertNotNull(bundledSite.page("nl/bibliotheek/index.html").selectFirst("h1"));
        assertNotNull(bundledSite.page("fr/années/index.html").selectFirst("h1"));
        assertNotNull(bundledSite.page("fr/mots-clés/index.html").selectFirst("h1"), "the site's own word for tags");
    }

    @Test
    void aFeedWhoseFolderMovedStaysWhereItWasForFeedReaders() throws IOException {
        Path out = bundledOut;
        // Feed readers do not follow a page's redirect: a host rule where hosts read them, the same feed everywhere.
        assertEquals(Files.readString(out.resolve("nl/soorten/news/feed.xml")), Files.readString(out.resolve("nl/types/news/feed.xml")));
        List<String> rules = Files.readAllLines(out.resolve("_redirects"));
        assertTrue(rules.contains("/elibrary/nl/types/news/feed.xml /elibrary/nl/soorten/news/feed.xml 301"), rules::toString);
        assertTrue(rules.contains(href("/fr/themes/open-data/feed.xml") + " " + href("/fr/thèmes/open-data/feed.xml") + " 301"),
                rules::toString);
    }

    @Test
    void theSitesWordWinsAndAHugoSitesOwnSearchPageKeepsItsPath() throws IOException {
        Path dir = temp.resolve("own");
        TestSite.write(dir, "site-config.yml", CONFIG + """
                slugs:
                  library: { fr: catalogue }
                  tags: { nl: labels }
                """);
        TestSite.write(dir, "content/en/a.md", "---\ntitle: A\ntags: [maps]\n---\nText.\n");
        TestSite.write(dir, "content/fr/a.md", "---\ntitle: A fr\ntags: [maps]\n---\nTexte.\n");
        // As Hugo sites have it: the French search page is a content page at /fr/search/.
        TestSite.write(dir, "content/fr/search.md", "---\ntitle: Chercher dans le site\n---\nTapez vos mots.\n");
        TestSite.write(dir, "content/fr/themes/_index.md", "---\ntitle: Nos thématiques\n---\nLes grands thèmes du réseau.\n");
        BuildResult result = build(dir);
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        Map<String, Page> byPath = result.library().byPath();
        assertEquals(PageKind.LIBRARY, byPath.get("/fr/catalogue/").kind(), "the site's word over the theme's");
        assertEquals(PageKind.TAXONOMY, byPath.get("/nl/labels/").kind());
        assertEquals(PageKind.TAXONOMY, byPath.get("/fr/tags/").kind(), "Hugo's tags keep their name unless the site says");
        Page search = byPath.get("/fr/search/");
        assertEquals(PageKind.SEARCH, search.kind());
        assertEquals("Chercher dans le site", search.title());
        assertFalse(byPath.containsKey("/fr/recherche/"), "one search page in French, where the site has it");
        assertEquals("/fr/search/", result.library().searchPath("fr"));
        assertEquals("/nl/zoeken/", result.library().searchPath("nl"));
        // content/fr/themes/_index.md is the French themes page's text, under the French folder.
        Page themes = byPath.get("/fr/thèmes/");
        assertEquals("Nos thématiques", themes.title());
        assertTrue(result.library().aliases().stream().anyMatch(a -> a.path().equals("/fr/themes/") && a.target() == themes));
        assertFalse(byPath.containsKey("/fr/themes/"));
    }

    @Test
    void theSitesOwnContentInATranslatedFolderKeepsItAndThePageAgoraMakesKeepsItsEnglishFolder() throws IOException {
        Path dir = temp.resolve("taken");
        TestSite.write(dir, "site-config.yml", CONFIG.replace("[tags, themes]", "[tags, themes, countries]"));
        // "recherche" is French for research; "pays" is a section of this site.
        TestSite.write(dir, "content/fr/recherche.md", "---\ntitle: Notre recherche\n---\nNos travaux de recherche.\n");
        TestSite.write(dir, "content/fr/pays/be.md", "---\ntitle: La Belgique\ncountries: [be]\n---\nTexte.\n");
        // An alias and a static file in translated folders are the site's too.
        TestSite.write(dir, "content/en/a.md", "---\ntitle: A\ncountries: [be]\naliases: [/nl/zoeken/oud/]\n---\nText.\n");
        TestSite.write(dir, "static/fr/bibliothèque/plan.pdf", "%PDF-1.4\n");
        BuildResult result = build(dir);
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        Map<String, Page> byPath = result.library().byPath();
        assertEquals("Notre recherche", byPath.get("/fr/recherche/").title());
        assertEquals(PageKind.PAGE, byPath.get("/fr/recherche/").kind());
        assertEquals(PageKind.SEARCH, byPath.get("/fr/search/").kind());
        assertEquals(PageKind.PAGE, byPath.get("/fr/pays/be/").kind());
        assertEquals(PageKind.TERM, byPath.get("/fr/countries/be/").kind());
        assertEquals(PageKind.SEARCH, byPath.get("/nl/search/").kind());
        assertEquals(PageKind.LIBRARY, byPath.get("/fr/library/").kind());
        assertEquals(PageKind.LIBRARY, byPath.get("/nl/bibliotheek/").kind(), "what is free still gets its word");
        assertTrue(Files.exists(dir.resolve("public/fr/bibliothèque/plan.pdf")));
        assertEquals("/fr/search/", result.library().searchPath("fr"));
        List<String> warnings = result.diagnostics().sorted().stream().filter(d -> d.code().equals("slug.taken"))
                .map(d -> d.position().file().getFileName() + ": " + d.message()).toList();
        assertEquals(4, warnings.size(), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("a.md: the folder /nl/zoeken/ is the site's own (an alias")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("plan.pdf: the folder /fr/bibliothèque/")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("recherche.md: the folder /fr/recherche/")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("be.md: the folder /fr/pays/")), warnings::toString);
        // Nothing redirects over the site's own pages.
        assertTrue(result.library().aliases().stream().noneMatch(a -> a.path().startsWith("/fr/search/") || a.path().startsWith("/fr/countries/")));
    }

    @Test
    void aLanguageTheThemeDoesNotSpeakKeepsTheEnglishFolders() throws IOException {
        Path dir = temp.resolve("german");
        TestSite.write(dir, "site-config.yml", CONFIG.replace("  nl: { label: Nederlands, locale: nl-BE }",
                "  nl: { label: Nederlands, locale: nl-BE }\n  de: { label: Deutsch, locale: de-DE }"));
        TestSite.write(dir, "content/de/a.md", "---\ntitle: A\nthemes: [wasser]\n---\nText.\n");
        BuildResult result = build(dir);
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        Map<String, Page> byPath = result.library().byPath();
        assertEquals(PageKind.SEARCH, byPath.get("/de/search/").kind());
        assertEquals(PageKind.TERM, byPath.get("/de/themes/wasser/").kind());
        assertEquals(PageKind.TERM, byPath.get("/fr/thèmes/wasser/").kind());
        assertTrue(result.library().aliases().stream().noneMatch(a -> a.path().startsWith("/de/")));
    }

    @Test
    void withUglyUrlsTheEnglishFileRedirects() throws IOException {
        Path dir = temp.resolve("ugly");
        TestSite.write(dir, "site-config.yml", CONFIG + "uglyURLs: true\npageSize: 1\n");
        TestSite.write(dir, "content/en/a.md", "---\ntitle: A\nthemes: [water]\n---\nText.\n");
        TestSite.write(dir, "content/en/b.md", "---\ntitle: B\nthemes: [water]\n---\nText.\n");
        BuildResult result = build(dir);
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        assertEquals(PageKind.SEARCH, result.library().byPath().get("/fr/recherche.html").kind());
        Document redirect = new OutputSite(dir.resolve("public"), "/lib/").page("fr/search.html");
        assertTrue(redirect.selectFirst("meta[http-equiv=refresh]").attr("content").endsWith("url=/lib/fr/recherche.html"));
        // Page 2 of the French water theme, in its ugly form, at the old path too.
        Document later = new OutputSite(dir.resolve("public"), "/lib/").page("fr/themes/water/page/2.html");
        assertTrue(later.selectFirst("meta[http-equiv=refresh]").attr("content").endsWith("url=/lib/fr/th%C3%A8mes/water/page/2.html"),
                later::toString);
    }

    @Test
    void badSlugsAreAllReportedAtTheirLinesAndNothingIsWritten() throws IOException {
        Path dir = temp.resolve("bad");
        String config = CONFIG + """
                slugs:
                  serch: { fr: recherche }
                  search: { fr: "Re cherche", de: suche }
                  library: { fr: dossier }
                  years: { fr: dossier }
                """;
        TestSite.write(dir, "site-config.yml", config);
        TestSite.write(dir, "content/en/a.md", "---\ntitle: A\n---\nText.\n");
        BuildResult result = build(dir);
        assertFalse(result.success());
        assertFalse(Files.exists(dir.resolve("public/index.html")), "nothing published");
        List<String> lines = config.lines().toList();
        List<String> expected = List.of(
                line(lines, "serch:") + " slugs: 'serch' is not a page Agora makes",
                line(lines, "\"Re cherche\"") + " slugs.search.fr 'Re cherche' is not one folder name in lower case",
                line(lines, "de: suche") + " slugs.search is given for 'de', which is not a site language",
                line(lines, "years:") + " slugs.years.fr 'dossier' is also the folder of library");
        List<String> got = new ArrayList<>();
        for (Diagnostic d : result.diagnostics().sorted()) {
            if (d.isError()) got.add(d.position().line() + " " + d.message());
        }
        for (String e : expected) {
            assertTrue(got.stream().anyMatch(g -> g.startsWith(e)), "expected «" + e + "» in " + got);
        }
        assertTrue(result.diagnostics().sorted().stream().filter(Diagnostic::isError)
                .allMatch(d -> d.position().file().endsWith("site-config.yml")));
    }

    @Test
    void aThemeWordThatIsNoFolderNameIsAWarningAndTheEnglishNameIsUsed() throws IOException {
        Path dir = temp.resolve("site-strings");
        TestSite.write(dir, "site-config.yml", CONFIG);
        TestSite.write(dir, "i18n/fr.yml", "slug.search: \"Recherche avancée\"\n");
        TestSite.write(dir, "content/en/a.md", "---\ntitle: A\n---\nText.\n");
        BuildResult result = build(dir);
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        assertEquals(PageKind.SEARCH, result.library().byPath().get("/fr/search/").kind());
        assertTrue(result.diagnostics().sorted().stream().anyMatch(d -> !d.isError()
                && d.message().startsWith("slug.search 'Recherche avancée' is not one folder name")
                && d.position().file().equals(dir.resolve("i18n/fr.yml"))), () -> result.diagnostics().sorted().toString());
    }

    static final String CONFIG = """
            title: Test
            baseURL: https://example.org/lib/
            defaultLanguage: en
            defaultContentLanguageInSubdir: true
            languages:
              en: { label: English, locale: en-GB }
              fr: { label: Français, locale: fr-BE }
              nl: { label: Nederlands, locale: nl-BE }
            taxonomies: [tags, themes]
            """;

    /** The published URL of a site path, percent-encoded as a browser sends it. */
    private static String href(String path) {
        try {
            return new java.net.URI(null, null, "/elibrary" + path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String line(List<String> lines, String containing) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(containing)) return Integer.toString(i + 1);
        throw new AssertionError(containing);
    }

    private static BuildResult build(Path dir) {
        return new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, dir.resolve("public"), false));
    }
}
