package org.agora.site;

import org.agora.diag.Diagnostic;
import org.agora.testing.OutputSite;
import org.agora.testing.RealCorpus;
import org.agora.testing.Sitemaps;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is particular to the real OpenStreetMap Belgium site (../shared/corpora/osmbe-website, Hugo, languages by
 * file suffix), content untouched, with a site-config.yml of ours. What every real corpus must hold (the build,
 * translation groups, hreflang, links) is in RealCorporaTest, on the same build.
 */
class OsmbeCorpusTest {

    static Path siteDir;
    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() {
        RealCorpus.Build build = RealCorpus.OSMBE.built().requireOutput();
        siteDir = build.site();
        out = build.out();
        result = build.result();
    }

    /**
     * {@code agora check} reports the corpus's real translation gaps: for each group of translation-groups.tsv,
     * the languages whose cell is empty, and nothing for complete groups.
     */
    @Test
    void checkReportsTheTranslationGapsOfTheCorpusList() throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        int code = org.agora.cli.Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()),
                "check", "--site", siteDir.toString(), "--format", "json");
        assertEquals(0, code, out.toString());
        var translations = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).get("translations");

        List<String> languages = List.of("en", "fr", "nl");
        List<String> lines = Files.readAllLines(TestPaths.corpus("osmbe-website").resolve("translation-groups.tsv"));
        java.util.Map<String, String> rowOfFile = new java.util.HashMap<>();
        Set<String> expected = new TreeSet<>();
        int expectedMissing = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < languages.size(); i++) {
                if (cells[i].isEmpty()) missing.add(languages.get(i));
                else rowOfFile.put(cells[i], line);
            }
            expectedMissing += missing.size();
            if (!missing.isEmpty()) expected.add(line + " missing " + missing);
        }
        Set<String> found = new TreeSet<>();
        for (var group : translations.get("groups")) {
            List<String> missing = new ArrayList<>();
            group.get("missing").forEach(l -> missing.add(l.asText()));
            if (!missing.isEmpty()) found.add(rowOfFile.get(group.get("source").asText()) + " missing " + missing);
        }
        assertEquals(303, expectedMissing);
        assertEquals(expected, found);
        assertEquals(expectedMissing, translations.get("missing").asInt());
    }

    @Test
    void browsingPagesExistInEveryLanguageAndTheirCountsEqualWhatTheyList() {
        OutputSite site = new OutputSite(out, "/");
        assertEquals(List.of(), org.agora.testing.BrowsingPages.problems(site, List.of("en", "fr", "nl")));
    }

    /** Where a page of a language is, with Hugo's settings of the site: English at the root, ugly URLs. */
    static String in(String lang, String path) {
        return (lang.equals("en") ? "" : lang + "/") + path;
    }

    @Test
    void refLinksGoToTheReadersLanguageOrAMarkedFallback() throws IOException {
        // support.<lang>.md: {{< ref "projects/mapathons.md" >}} and {{< ref "categories/event" >}} (a term page, as in Hugo).
        // ref gives an absolute URL, as Hugo's does.
        String host = "https://openstreetmap.be";
        for (String lang : List.of("en", "fr", "nl")) {
            org.jsoup.nodes.Document support = org.jsoup.Jsoup.parse(out.resolve(in(lang, "support.html")).toFile());
            List<String> hrefs = support.select("main a").eachAttr("href");
            assertTrue(hrefs.contains(host + "/" + in(lang, "projects/mapathons.html")), lang + ": " + hrefs);
            assertTrue(hrefs.contains(host + "/" + in(lang, "categories/event.html")), lang + ": " + hrefs);
        }
        // fr/projects/mapathons: {{< ref "contact.md" >}}, the French contact page.
        org.jsoup.nodes.Document mapathons = org.jsoup.Jsoup.parse(out.resolve("fr/projects/mapathons.html").toFile());
        assertTrue(mapathons.select("main a").eachAttr("href").contains(host + "/fr/contact.html"));
        // projects/belgium-baselayer.nl.md: {{% ref lang="en" path="posts/2019-03-24-how-to-create-....md" %}}, a post
        // only in English: the English page (at its permalink), marked as such in Dutch.
        org.jsoup.nodes.Document baselayer = org.jsoup.Jsoup.parse(out.resolve("nl/projects/belgium-baselayer.html").toFile());
        org.jsoup.nodes.Element fallback = baselayer.selectFirst(
                "main a[href=" + host + "/2019/03/24/how-to-create-a-simple-map-with-a-marker-based-on-openstreetmap.html]");
        assertTrue(fallback != null && fallback.hasClass("fallback-link") && fallback.text().contains("Engels"),
                () -> String.valueOf(fallback));
        // No ref is left as source text anywhere.
        try (var files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                assertTrue(!html.contains("{{< ref") && !html.contains("{{% ref"), f.toString());
            }
        }
    }

    @Test
    void figuresAndVideosRender() throws IOException {
        org.jsoup.nodes.Document heritage = org.jsoup.Jsoup.parse(out.resolve("projects/heritage-crowd-sourced.html").toFile());
        assertEquals(12, heritage.select("main figure img").size());
        assertEquals("Garmin Dakota 10 with waypoints", heritage.select("main figure img").get(1).attr("alt"));
        for (String lang : List.of("en", "fr", "nl")) {
            org.jsoup.nodes.Document post = org.jsoup.Jsoup.parse(out.resolve(in(lang, "2022/03/08/pin-je-punt.html")).toFile());
            assertEquals("https://www.youtube.com/watch?v=7OtCK1_VsSI", post.selectFirst("main .video-card a").attr("href"));
        }
    }

    /**
     * What remains of the corpus's shortcodes is its own fault, each a warning at its file and line:
     * 12 shortcodes of the site's own layouts/, which the corpus does not ship (contact, list-mapathons, list-motm,
     * corporate-members, in three languages); 71 figures with neither alt text nor caption (only a title, or
     * nothing); 58 figure images under images/ of the site's static folder, which the corpus does not ship
     * either. No ref points to nothing: the build has no errors.
     */
    @Test
    void whatRemainsOfTheShortcodesIsTheCorpusOwnFault() throws IOException {
        List<Diagnostic> onShortcodeLines = new ArrayList<>();
        for (Diagnostic d : result.diagnostics().sorted()) {
            String line = Files.readAllLines(d.position().file()).get(d.position().line() - 1);
            if (line.contains("{{<") || line.contains("{{%")) onShortcodeLines.add(d);
        }
        List<Diagnostic> unknown = onShortcodeLines.stream().filter(d -> d.message().startsWith("shortcode ")).toList();
        assertEquals(12, unknown.size(), unknown::toString);
        assertEquals(Set.of("contact", "list-mapathons", "list-motm", "corporate-members"),
                new TreeSet<>(unknown.stream().map(d -> d.message().split("'")[1]).toList()));
        List<Diagnostic> noAlt = onShortcodeLines.stream().filter(d -> d.message().contains("has no alt text")).toList();
        assertEquals(71, noAlt.size());
        List<Diagnostic> missingImages = onShortcodeLines.stream()
                .filter(d -> d.message().startsWith("image '/images/") && d.message().contains("which the site does not have")).toList();
        assertEquals(58, missingImages.size());
        // Two figures of one post, in two languages, name files with spaces ("Logger BT747.jpg").
        List<Diagnostic> spaces = onShortcodeLines.stream().filter(d -> d.message().contains("has spaces")).toList();
        assertEquals(4, spaces.size(), spaces::toString);
        assertEquals(12 + 71 + 58 + 4, onShortcodeLines.size(), () -> onShortcodeLines.stream().map(Diagnostic::message).toList().toString());
        assertTrue(onShortcodeLines.stream().noneMatch(Diagnostic::isError));
    }

    @Test
    void theCorpusQuirksAreRead() {
        OutputSite site = new OutputSite(out, "/");
        // A BOM, CRLF endings, "title :" with a space and a non-ASCII file name all end up as proper pages.
        assertTrue(site.pages().keySet().stream().anyMatch(p -> p.contains("kızılaslan")));
        long untitled = site.pages().values().stream().filter(d -> d.title().isBlank()).count();
        assertEquals(0, untitled);
        assertTrue(site.pages().keySet().stream().filter(p -> p.startsWith("fr/")).count() > 100);
        assertTrue(result.diagnostics().sorted().stream().anyMatch(d ->
                d.message().contains("unknown field 'category'") && d.hint().contains("categories")));
    }

    @Test
    void theSiteOwnSearchPagesBecomeTheSearchPages() throws IOException {
        // content/search.<lang>.md would clash with the generated search page: it gives it its title instead.
        for (String lang : List.of("en", "fr", "nl")) {
            String html = Files.readString(out.resolve(in(lang, "search.html")));
            assertTrue(html.contains("id=\"search-app\""), lang + ": the search page runs the search UI");
            String title = Files.readString(TestPaths.corpus("osmbe-website").resolve("content/search." + lang + ".md"))
                    .lines().filter(l -> l.startsWith("title:")).findFirst().orElseThrow().substring(6).strip();
            assertTrue(html.contains("<h1>" + title + "</h1>"), lang + ": the title comes from search." + lang + ".md: " + title);
        }
    }

    @Test
    void theSitemapValidatesAndEveryPageListsTheAlternatesItDeclares() {
        assertEquals(List.of(), Sitemaps.validateSite(out));
        assertEquals(List.of(), Sitemaps.mismatches(new OutputSite(out, "/"), out));
    }
}
