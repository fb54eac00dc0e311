package org.agora.site;

import org.agora.testing.HostileSite;
import org.agora.testing.HostileSite.Build;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hugo's URL model on small sites, one folder per case under src/test/resources/sites/hugo: the paths each
 * case expects are the ones Hugo 0.111 writes for the same content and settings.
 */
class HugoUrlsTest {

    @TempDir
    Path temp;

    private HostileSite built(String fixture) {
        HostileSite site = HostileSite.fixture("hugo/" + fixture, temp);
        Build b = site.build();
        assertEquals(0, b.code(), b::printed);
        assertFalse(b.printedAStackTrace(), b::printed);
        return site;
    }

    private static void assertPages(HostileSite site, String... outputs) {
        for (String output : outputs) assertTrue(Files.isRegularFile(site.out().resolve(output)), output + " is missing");
    }

    @Test
    void theDefaultLanguageIsAtTheRootAndTheOthersUnderTheirCode() {
        HostileSite site = built("urls-default-language-at-root");
        assertPages(site, "index.html", "docs/intro/index.html", "docs/guide/index.html", "fr/index.html",
                "fr/docs/intro/index.html", "404.html", "fr/404.html", "search/index.html");
        assertFalse(Files.exists(site.out().resolve("en/docs")), "no English copy under /en/");
        // As Hugo does, /en/ sends readers to the root, where the English home is.
        assertTrue(site.page("en/index.html").select("meta[http-equiv=refresh]").attr("content").endsWith("url=/"));
        assertTrue(site.page("index.html").select("[data-agora-root]").isEmpty(), "no language choice at the root");
        // Absolute aliases stay as written; relative ones are beside the page, as in Hugo.
        assertPages(site, "old-intro/index.html", "docs/intro-v1/index.html");
        // url: "helm/v3" is the folder /helm/v3/, as in Hugo, and its canonical address says so.
        assertEquals("https://example.org/helm/v3/", site.page("helm/v3/index.html").select("link[rel=canonical]").attr("href"));
        // A file in the folder of the language at the root is published at the root too, beside its page.
        assertPages(site, "docs/map.png");
        assertFalse(Files.exists(site.out().resolve("en/docs/map.png")));
        assertEquals("/docs/map.png", site.page("docs/intro/index.html").select("main .content img").attr("src"));
        // A link to a path that exists goes there, as written (here the English guide, as in Hugo).
        assertEquals(List.of("/docs/guide/"), hrefs(site.page("fr/docs/intro/index.html"), "guide"));
    }

    @Test
    void urlIsReadFromTheLanguagesRootAndAHomeWithUrlSlashDoesNotClash() {
        HostileSite site = built("urls-home-url-slash");
        assertPages(site, "index.html", "en/index.html", "fr/index.html", "en/thank-you/index.html", "fr/merci/index.html");
        assertFalse(site.page("index.html").select("[data-agora-root]").isEmpty(), "the root is the language choice");
        assertTrue(site.page("en/index.html").text().contains("cooperatives"), "the English home keeps its text");
        // "/thank-you/" is nowhere in Hugo's output; the page of the link's own language is.
        assertEquals(List.of("/en/thank-you/"), hrefs(site.page("en/thank-you/index.html"), "thank-you"));
    }

    @Test
    void permalinksFillHugosTokens() {
        HostileSite site = built("urls-permalinks");
        assertPages(site, "2019/03/24/how-to-map/index.html", "fr/2019/03/24/cartographier-ensemble/index.html",
                "helm_v3/index.html", "notes/réseau-co-été/index.html", "posts/index.html", "fr/posts/index.html");
    }

    @Test
    void uglyUrlsWritePagesAndSectionsAsHtmlFilesAndLinksFollow() {
        HostileSite site = built("urls-ugly");
        assertPages(site, "posts/first.html", "posts/second.html", "posts.html", "tags.html", "tags/mapathon.html",
                "fr/posts/first.html", "fr/posts.html", "fr/index.html", "index.html");
        assertEquals(List.of("/posts/second.html"), hrefs(site.page("posts/first.html"), "second"));
        // As Hugo writes them with uglyURLs: an alias without a slash, and the second page of a list.
        assertPages(site, "old-first.html", "posts/page/2.html");
        assertEquals("/posts/page/2.html", site.page("posts.html").select("a[rel=next]").attr("href"));
    }

    @Test
    void eachLanguageOnItsOwnHostLinksToTheOthersAbsolutely() {
        HostileSite site = built("urls-multihost");
        assertPages(site, "en/about/index.html", "fr/a-propos/index.html");
        Document fr = site.page("fr/a-propos/index.html");
        assertEquals("https://example.org/about/", fr.select("link[rel=alternate][hreflang=en]").attr("href"));
        assertEquals("https://exemple.fr/a-propos/", fr.select("link[rel=canonical]").attr("href"));
    }

    @Test
    void aPageOnTheHomesPathIsAnErrorNamingBothNotACrash() {
        HostileSite site = HostileSite.fixture("hugo/urls-collision", temp);
        Build b = site.build();
        assertEquals(1, b.code(), b::printed);
        assertFalse(b.printedAStackTrace(), b::printed);
        assertEquals(1, b.errors("content/landing.md:3", "_index.md").size(), b::printed);
        assertFalse(Files.exists(site.out()));
    }

    @Test
    void linksThatCarryTheBasePathAreNotGivenItTwiceAndUrlsWithSpacesAreWarned() {
        HostileSite site = HostileSite.fixture("hugo/links-base-path", temp);
        Build b = site.build();
        assertEquals(0, b.code(), b::printed);
        assertEquals(List.of("/cad/jasperreports/", "/cad/jasperreports/"), // as written, and without the base path
                hrefs(site.page("old guide/index.html"), "jasperreports"));
        assertTrue(b.printed().contains("content/guide.md:3: warning: url '/old guide/' has spaces"), b::printed);
    }

    @Test
    void homeSectionAndTermPagesWithTextAreSearchableDocumentsAndEmptyOnesAreNot() throws IOException {
        HostileSite site = built("sections-with-text");
        for (String[] wordAndPath : new String[][] {{"zeppelinarium", "/"}, {"brontosaurium", "/tags/x/"},
                {"quokkafication", "/docs/"}}) {
            String found = search(site, wordAndPath[0]);
            assertTrue(found.lines().anyMatch(l -> l.strip().startsWith(wordAndPath[1] + " ")), found);
        }
        assertFalse(search(site, "empty").contains("/docs/empty/ "), "a section without text is no document");
        assertTrue(site.page("library/index.html").text().contains("4 documents"), "the library counts them");
    }

    @Test
    void brokenLinksAreErrorsUnlessTheSiteAsksForWarnings() throws IOException {
        HostileSite lenient = built("links-broken-warning");
        assertTrue(Files.isRegularFile(lenient.out().resolve("page/index.html")));
        Path strict = temp.resolve("strict");
        HostileSite site = HostileSite.fixture("hugo/links-broken-warning", strict);
        String config = Files.readString(site.site().resolve("site-config.yml"));
        Files.writeString(site.site().resolve("site-config.yml"), config.replace("brokenLinks: warning", ""));
        Build b = site.build();
        assertEquals(1, b.code(), b::printed);
        // The third is a whole address on the site's own host: checked like any site link.
        assertEquals(3, b.errors("content/page.md:4", "").size(), b::printed);
    }

    private static String search(HostileSite site, String words) {
        StringWriter out = new StringWriter();
        org.agora.cli.Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "search", "--site",
                site.site().toString(), "--lang", "en", words);
        return out.toString();
    }

    private static List<String> hrefs(Document page, String containing) {
        return page.select("main .content a[href]").stream().map(a -> a.attr("href")).filter(h -> h.contains(containing)).toList();
    }
}
