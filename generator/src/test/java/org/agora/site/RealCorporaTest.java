package org.agora.site;

import org.agora.diag.Diagnostic;
import org.agora.model.Page;
import org.agora.testing.LinkCrawler;
import org.agora.testing.OutputSite;
import org.agora.testing.RealCorpus;
import org.agora.testing.StaticServer;
import org.agora.testing.Translations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three real Hugo sites of ../shared/corpora (osmbe-website, helm-docs, poweron-ipa), content untouched,
 * each with the settings its Hugo config has (src/test/resources/corpora/NAME/site-config.yml), hold what any
 * site must: the build succeeds and places every problem at a file and line, translation groups are the
 * corpus's own (its translation-groups.tsv, made by Hugo's rules), every hreflang and switcher link reaches a
 * page that links back, and every link Agora writes answers. Links the corpus's authors wrote that lead
 * nowhere are the corpus's own fault: each must have been reported as a diagnostic.
 *
 * <p>What is particular to one corpus is in its own test (OsmbeCorpusTest); the URLs are compared with Hugo's
 * in HugoUrlParityTest and search in KnownItemSearchTest, on the same builds.
 */
class RealCorporaTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealCorpus.class)
    void buildsWithoutErrorsAndEveryDiagnosticNamesAFileAndLine(RealCorpus corpus) {
        RealCorpus.Build build = corpus.built();
        if (build.failure() != null) {
            StringWriter trace = new StringWriter();
            build.failure().printStackTrace(new PrintWriter(trace));
            throw new AssertionError(corpus + ": internal error (exit code 3):\n" + trace);
        }
        List<Diagnostic> diagnostics = build.result().diagnostics().sorted();
        System.out.printf("RealCorporaTest: %s built %s pages %s, %d warnings, %d errors%n", corpus,
                build.result().success() ? "" : "(failed)", build.result().pagesPerLanguage(),
                diagnostics.stream().filter(d -> !d.isError()).count(), diagnostics.stream().filter(Diagnostic::isError).count());
        List<String> errors = diagnostics.stream().filter(Diagnostic::isError).map(d -> d.format(build.site())).toList();
        assertEquals(List.of(), errors, corpus + ": errors");
        assertTrue(build.result().success(), corpus + ": the build failed");
        List<String> unplaced = diagnostics.stream()
                .filter(d -> d.position() == null || d.position().file() == null || d.position().line() <= 0)
                .map(d -> d.format(build.site())).toList();
        assertEquals(List.of(), unplaced, corpus + ": diagnostics without a file and line");
    }

    /** The groups Agora makes are those of translation-groups.tsv: one row per group, one file per language. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RealCorpus.class)
    void translationGroupsEqualTheCorpusList(RealCorpus corpus) {
        RealCorpus.Build build = corpus.built().requireLibrary();
        List<List<String>> rows = corpus.translationGroups();
        List<String> columns = rows.getFirst();
        Set<String> expected = new TreeSet<>();
        for (List<String> row : rows.subList(1, rows.size())) expected.add(String.join("\t", row));
        assertFalse(expected.isEmpty());

        Set<String> found = new TreeSet<>();
        build.library().groups().values().forEach(group -> {
            List<String> row = new ArrayList<>();
            boolean fromDocuments = false;
            for (String lang : columns) {
                Page p = group.byLanguage().get(lang);
                boolean doc = p != null && p.document() != null;
                fromDocuments |= doc;
                row.add(doc ? "content/" + p.document().source().relPath() : "");
            }
            if (fromDocuments) found.add(String.join("\t", row));
        });
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(expected);
        assertTrue(missing.isEmpty() && unexpected.isEmpty(), corpus + ": " + expected.size() + " groups expected; "
                + missing.size() + " not made:\n  " + String.join("\n  ", missing) + "\n" + unexpected.size()
                + " made instead:\n  " + String.join("\n  ", unexpected));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealCorpus.class)
    void hreflangAndSwitcherLinksReachExistingPagesThatLinkBack(RealCorpus corpus) {
        OutputSite site = corpus.built().requireOutput().output();
        assertNone(corpus, "hreflang or switcher links are wrong", Translations.problems(site));
    }

    /**
     * Crawled over HTTP from the root, robots.txt, the sitemap, _redirects and the 404 page (HTML, feeds,
     * sitemaps, CSS, scripts, Open Graph...): every link Agora writes answers. A link that does not is left to
     * {@link #everyBrokenLinkTheAuthorsWroteWasReported} when the corpus's authors wrote it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RealCorpus.class)
    void everyLinkAgoraWritesAnswersOverHttp(RealCorpus corpus) throws IOException {
        assertNone(corpus, "links Agora wrote lead nowhere", brokenLinks(corpus).byAgora());
    }

    /**
     * A broken link of the corpus is its authors' fault only when the build said so, at its file and line (the
     * osmbe authors' [JOSM](josm.openstreetmap.de), the Power On links to pages removed in July 2025, images the
     * corpora do not ship). A link the authors wrote to a folder without its final slash ([topics](/docs/topics))
     * is not broken: every static host answers it with a redirect to the folder, as it did for Hugo's output.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RealCorpus.class)
    void everyBrokenLinkTheAuthorsWroteWasReported(RealCorpus corpus) throws IOException {
        assertNone(corpus, "links the corpus's authors wrote lead nowhere, and the build did not report them",
                brokenLinks(corpus).byAuthorsUnreported());
    }

    /** The crawl's failures, sorted out: which the build reported, which the authors or Agora wrote. */
    record BrokenLinks(int reported, int foldersWithoutSlash, List<String> byAuthorsUnreported, List<String> byAgora) {}

    private static final Map<RealCorpus, BrokenLinks> BROKEN = new EnumMap<>(RealCorpus.class);

    private static synchronized BrokenLinks brokenLinks(RealCorpus corpus) throws IOException {
        if (BROKEN.containsKey(corpus)) return BROKEN.get(corpus);
        RealCorpus.Build build = corpus.built().requireOutput();
        Crawl crawl = crawl(build);
        List<String> messages = build.result().diagnostics().sorted().stream().map(Diagnostic::message).toList();
        String sources = sources(build);
        List<String> byAgora = new ArrayList<>();
        List<String> byAuthorsUnreported = new ArrayList<>();
        int reported = 0, folders = 0;
        for (LinkCrawler.Failure f : crawl.result().failures()) {
            boolean authors = writtenByAuthors(f.written(), sources, build.languages());
            if (reported(f, crawl.served(), messages)) reported++;
            else if (authors && folderWithoutSlash(f, crawl.served(), build.out())) folders++;
            else (authors ? byAuthorsUnreported : byAgora).add(f.toString());
        }
        System.out.printf("RealCorporaTest: %s: %d URLs answered; broken links of the corpus's authors: %d reported by the build,"
                        + " %d to a folder without its final slash, %d not reported; %d broken links Agora wrote%n",
                corpus, crawl.result().fetched().size(), reported, folders, byAuthorsUnreported.size(), byAgora.size());
        BrokenLinks result = new BrokenLinks(reported, folders, byAuthorsUnreported, byAgora);
        BROKEN.put(corpus, result);
        return result;
    }

    /**
     * The same crawl reaches every page and feed: a page no link leads to is a gap in the site (or in the crawl's
     * proof). Redirect pages (aliases, /en/ to / when English is at the root) are for old links and need not be.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RealCorpus.class)
    void everyPageIsReachedFromTheHomePage(RealCorpus corpus) {
        RealCorpus.Build build = corpus.built().requireOutput();
        Crawl crawl = crawl(build);
        Map<String, org.jsoup.nodes.Document> pages = build.output().pages();
        // The corpus's images, which no page shows, and the search index files, which the runtime reads, need not be.
        List<String> unreached = crawl.result().unfetched(build.out(), crawl.served(),
                rel -> !rel.endsWith(".html") && !rel.endsWith(".xml") && !rel.endsWith(".css") || rel.startsWith("agora-search/")
                        || pages.containsKey(rel) && pages.get(rel).selectFirst("meta[http-equiv=refresh]") != null);
        assertNone(corpus, "files no link reaches", unreached);
    }

    /**
     * Agora's URLs keep their shape with any URL setting: only a file's own name may end in .html, never a
     * folder it sits in ("posts.html" + "page/2/" is not a URL a reader can guess).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RealCorpus.class)
    void noFolderOfTheOutputIsNamedLikeAPage(RealCorpus corpus) throws IOException {
        RealCorpus.Build build = corpus.built().requireOutput();
        List<String> odd = new ArrayList<>();
        try (var walk = Files.walk(build.out())) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = build.out().relativize(p).toString().replace('\\', '/');
                String folders = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
                String name = rel.substring(folders.length());
                if (folders.contains(".html") || name.matches(".+\\.html.+")) odd.add(rel);
            }
        }
        assertNone(corpus, "files at odd paths", odd);
    }

    /** Fails with the count and the first 30 when there is any. */
    private static void assertNone(RealCorpus corpus, String what, List<String> found) {
        assertTrue(found.isEmpty(), corpus + ": " + found.size() + " " + what + ":\n  "
                + String.join("\n  ", found.subList(0, Math.min(30, found.size()))));
    }

    /**
     * Whether the build reported this failure as a link of the corpus: a warning names the page it points to
     * ("points to /x/y,") or, for a missing anchor, the anchor and the page.
     */
    static boolean reported(LinkCrawler.Failure f, URI served, List<String> messages) {
        String path = f.sitePath(served);
        int hash = f.url().indexOf('#');
        if (hash >= 0) {
            String anchor = URLDecoder.decode(f.url().substring(hash + 1), StandardCharsets.UTF_8);
            return messages.stream().anyMatch(m -> m.contains("points to #" + anchor + ",")
                    && (m.endsWith(" of " + path) || m.contains(" old address " + path + " ")));
        }
        return messages.stream().anyMatch(m -> m.contains("points to " + path + ",") || m.contains("'" + path + "'")
                || m.contains("'" + f.written() + "'"));
    }

    /**
     * Whether a link as a page wrote it comes from the corpus's Markdown: as written, or with the language's folder
     * Agora put before a root-relative link ("/en" + "/docs/x").
     */
    static boolean writtenByAuthors(String written, String sources, List<String> languages) {
        if (written.isEmpty() || sources.contains(written)) return !written.isEmpty();
        for (String lang : languages) {
            String prefix = "/" + lang + "/";
            if (written.startsWith(prefix) && sources.contains(written.substring(prefix.length() - 1))) return true;
        }
        return false;
    }

    /** Whether the link names a folder of the output without its final slash: a host redirects it to the folder. */
    static boolean folderWithoutSlash(LinkCrawler.Failure f, URI served, Path out) {
        if (f.url().contains("#") || !f.problem().contains("404")) return false;
        String path = f.sitePath(served);
        return !path.endsWith("/") && Files.isRegularFile(out.resolve(path.substring(1)).resolve("index.html"));
    }

    /** Every Markdown file of the corpus, one after the other. */
    private static String sources(RealCorpus.Build build) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var walk = Files.walk(build.site().resolve("content"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".md")).sorted().toList()) all.append(Files.readString(p)).append('\n');
        }
        return all.toString();
    }

    record Crawl(URI served, LinkCrawler.Result result) {}

    private static final Map<RealCorpus, Crawl> CRAWLS = new EnumMap<>(RealCorpus.class);

    private static synchronized Crawl crawl(RealCorpus.Build build) {
        return CRAWLS.computeIfAbsent(build.corpus(), c -> {
            List<String> start = new ArrayList<>(List.of("", "robots.txt", "sitemap.xml", "404.html"));
            if (Files.isRegularFile(build.out().resolve("_redirects"))) start.add("_redirects");   // only with aliases
            try (StaticServer server = StaticServer.serve(build.out(), "/")) {
                LinkCrawler.Result result = new LinkCrawler(server.base(), build.config().baseUrl()).crawl(start);
                return new Crawl(server.base(), result);
            }
        });
    }
}
