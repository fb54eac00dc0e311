package org.agora.site;

import org.agora.diag.Diagnostic;
import org.agora.testing.LinkCrawler;
import org.agora.testing.OutputSite;
import org.agora.testing.Sitemaps;
import org.agora.testing.StaticServer;
import org.agora.testing.TestPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled site published under a sub-path (baseURL https://example.org/kb/), served over HTTP under
 * /kb/ only, with nothing at /, and crawled from /kb/: every link, asset, feed, sitemap URL and alias answers.
 */
class SubPathCrawlTest {

    @TempDir
    static Path temp;
    static BuildResult result;
    static LinkCrawler.Result crawl;
    static URI served;

    @BeforeAll
    static void buildServeAndCrawl() throws IOException {
        Path repo = TestPaths.repoRoot();
        Path site = temp.resolve("site");
        // Every folder a site may have, so that the copy stays whole as the bundled site grows.
        for (String folder : List.of("content", "themes", "static", "data", "i18n", "layouts", "assets")) {
            if (Files.isDirectory(repo.resolve(folder))) TestPaths.copyTree(repo.resolve(folder), site.resolve(folder));
        }
        String config = Files.readString(repo.resolve("site-config.yml"));
        assertTrue(config.contains("baseURL: https://example.org/elibrary/"), "the bundled site's baseURL moved");
        Files.writeString(site.resolve("site-config.yml"), config.replace("baseURL: https://example.org/elibrary/",
                "baseURL: https://example.org/kb/"));
        result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(site, temp.resolve("out"), false));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        try (StaticServer server = StaticServer.serve(temp.resolve("out"), "/kb/")) {
            served = server.base();
            crawl = new LinkCrawler(served, URI.create("https://example.org/kb/"))
                    .crawl(List.of("", "robots.txt", "sitemap.xml", "oai.xml", "_redirects", "_headers", "404.html"));
        }
    }

    @Test
    void everyLinkAnswersUnderTheSubPath() {
        assertEquals("", crawl.failures().stream().map(Object::toString).collect(Collectors.joining("\n")),
                crawl.failures().size() + " broken links");
    }

    @Test
    void theCrawlReachesEveryFileTheBuildWrote() {
        // A file nobody links to would be a gap in the proof. The search index is fetched by name by the runtime.
        assertEquals(List.of(), crawl.unfetched(temp.resolve("out"), served, rel -> rel.startsWith("agora-search/")));
        assertTrue(crawl.fetched().size() > 280, "fetched " + crawl.fetched().size());
    }

    @Test
    void feedsSitemapAndRobotsTxtAreServedUnderTheSubPath() throws IOException {
        for (String rel : List.of("en/feed.xml", "fr/feed.xml", "nl/feed.xml", "fr/types/events/feed.xml", "sitemap.xml")) {
            assertTrue(crawl.fetched().contains(served.resolve(rel).toString()), rel + " was reached by a link");
        }
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.org/kb/sitemap.xml\n",
                Files.readString(temp.resolve("out/robots.txt")));
    }

    @Test
    void theCrawlerNoticesLinksThatMissTheSubPath() {
        // The same output served under another path: every root-relative link now misses, and must be reported.
        try (StaticServer server = StaticServer.serve(temp.resolve("out"), "/other/")) {
            LinkCrawler.Result wrong = new LinkCrawler(server.base(), URI.create("https://example.org/kb/"))
                    .crawl(List.of("", "robots.txt"));
            assertTrue(wrong.failures().size() >= 4, wrong.failures().toString());
            assertTrue(wrong.failures().stream().anyMatch(f -> f.url().endsWith("/kb/en/") && f.problem().equals("HTTP 404")),
                    wrong.failures().toString());
        }
    }

    @Test
    void theSitemapValidatesAndEveryPageListsTheAlternatesItDeclares() {
        Path out = temp.resolve("out");
        assertEquals(List.of(), Sitemaps.validateSite(out));
        assertEquals(List.of(), Sitemaps.mismatches(new OutputSite(out, "/kb/"), out));
        assertTrue(Sitemaps.entries(out).keySet().stream().allMatch(loc -> loc.startsWith("https://example.org/kb/")));
    }

    @Test
    void buildsWithoutWarnings() {
        assertEquals(List.of(), result.diagnostics().sorted().stream().map(Diagnostic::toString).toList());
    }
}
