package org.agora.site;

import org.agora.model.Page;
import org.agora.testing.RealCorpus;
import org.agora.testing.TestPaths;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A page's URL after a migration is the URL it had: each corpus is built by Hugo itself (Debian's hugo, 0.111)
 * from the same content with the settings of its own Hugo config (src/test/resources/corpora/NAME/hugo.toml)
 * and minimal layouts of ours (src/test/resources/hugo-layouts: every kind of page, no theme, no pagination),
 * and at least 99 % of the HTML pages Hugo writes (home, sections, pages, taxonomies and terms the config
 * enables) must be pages of Agora's build at the same URL. The rest is printed with the reason: where Agora
 * put the same content file, or what Agora has at that URL instead. Hugo's alias pages (redirects it writes
 * for {@code aliases:}) are counted apart: each should be a redirect or a page in Agora too.
 *
 * <p>URLs are compared as output files: percent-decoded, Unicode NFC, "x/index.html" read as "x/".
 */
class HugoUrlParityTest {

    static final double REQUIRED = 0.99;
    /** URLs printed per reason. */
    static final int SHOWN = 25;

    @TempDir
    Path temp;

    /** An HTML file Hugo wrote: its URL and, from the meta tags of our layouts, what it is. */
    record HugoPage(String url, String kind, String language, String file, String taxonomy, String term, boolean alias) {}

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealCorpus.class)
    void atLeast99PercentOfHugosPageUrlsArePagesOfAgora(RealCorpus corpus) throws IOException, InterruptedException {
        Optional<Path> hugo = hugo();
        assumeTrue(hugo.isPresent(), "Debian's hugo is not installed (./run-tests installs it): no URL parity check");
        Map<String, HugoPage> hugoPages = buildWithHugo(hugo.get(), corpus);
        RealCorpus.Build agora = corpus.built().requireOutput();
        Map<String, Boolean> agoraFiles = agoraHtml(agora.out());   // URL → is a redirect page

        List<HugoPage> pages = hugoPages.values().stream().filter(p -> !p.alias()).toList();
        List<HugoPage> aliases = hugoPages.values().stream().filter(HugoPage::alias).toList();
        Map<String, List<String>> missingByReason = new TreeMap<>();
        Map<String, int[]> byKind = new TreeMap<>();   // kind → [Hugo's, also in Agora]
        int present = 0;
        for (HugoPage p : pages) {
            int[] counts = byKind.computeIfAbsent(p.kind(), k -> new int[2]);
            counts[0]++;
            if (Boolean.FALSE.equals(agoraFiles.get(p.url()))) {
                present++;
                counts[1]++;
            } else {
                String[] why = reason(p, agora, agoraFiles);
                missingByReason.computeIfAbsent(why[0], k -> new ArrayList<>()).add(p.url() + "  " + why[1]);
            }
        }
        int aliasPages = 0, aliasRedirects = 0;
        List<String> aliasesMissing = new ArrayList<>();
        for (HugoPage a : aliases) {
            Boolean redirect = agoraFiles.get(a.url());
            if (redirect == null) aliasesMissing.add(a.url());
            else if (redirect) aliasRedirects++;
            else aliasPages++;
        }
        long agoraPages = agoraFiles.values().stream().filter(r -> !r).count();
        double share = pages.isEmpty() ? 0 : (double) present / pages.size();

        StringBuilder report = new StringBuilder();
        report.append(String.format("HugoUrlParityTest: %s: %d of Hugo's %d HTML pages are pages of Agora at the same URL (%.1f %%)"
                + "; Agora writes %d HTML pages%n", corpus, present, pages.size(), 100 * share, agoraPages));
        byKind.forEach((kind, c) -> report.append(String.format("  %-9s %4d of %4d%n", kind, c[1], c[0])));
        report.append(String.format("  Hugo's alias pages: %d; in Agora %d redirects, %d pages, %d missing%s%n", aliases.size(),
                aliasRedirects, aliasPages, aliasesMissing.size(), aliasesMissing.isEmpty() ? "" : " " + aliasesMissing));
        missingByReason.forEach((why, urls) -> {
            report.append(String.format("  not in Agora (%d): %s%n", urls.size(), why));
            urls.stream().limit(SHOWN).forEach(u -> report.append("    ").append(u).append('\n'));
            if (urls.size() > SHOWN) report.append("    … and ").append(urls.size() - SHOWN).append(" more\n");
        });
        System.out.print(report);
        assertTrue(pages.size() > 50, corpus + ": Hugo wrote only " + pages.size() + " pages");
        assertTrue(share >= REQUIRED, report.toString());
    }

    /** {category, detail}: why Hugo's page is not a page of Agora at the same URL. */
    private static String[] reason(HugoPage p, RealCorpus.Build agora, Map<String, Boolean> agoraFiles) {
        if (Boolean.TRUE.equals(agoraFiles.get(p.url()))) {
            return new String[] {"Agora writes a redirect there, not the page", ""};
        }
        if (!p.file().isEmpty()) {
            List<String> same = new ArrayList<>();
            for (Page page : agora.library().pages()) {
                if (page.document() == null || !page.language().equals(p.language())) continue;
                String rel = page.document().source().relPath();
                if (rel.equals(p.file()) || rel.equals(p.language() + "/" + p.file())) same.add(url(page.outputPath()));
            }
            return same.isEmpty()
                    ? new String[] {p.kind() + " of a content file that has no page in Agora", p.language() + ":" + p.file()}
                    : new String[] {p.kind() + " at another URL in Agora", "→ " + String.join(", ", same) + "  (" + p.file() + ")"};
        }
        if (p.kind().equals("term") || p.kind().equals("taxonomy")) {
            for (Page page : agora.library().pages()) {
                boolean same = page.language().equals(p.language()) && p.taxonomy().equals(page.taxonomy())
                        && (p.kind().equals("taxonomy") ? page.kind() == org.agora.model.PageKind.TAXONOMY
                        : page.kind() == org.agora.model.PageKind.TERM && p.term().equals(page.term()));
                if (same) return new String[] {p.kind() + " at another URL in Agora", "→ " + url(page.outputPath())};
            }
            return new String[] {p.kind() + " that Agora does not make", p.language() + ":" + p.taxonomy() + "/" + p.term()};
        }
        // A home or section page without an _index.md: Agora's page of that kind in that language, by its last segment.
        String last = lastSegment(p.url());
        List<String> alike = agora.library().pages().stream()
                .filter(page -> page.language().equals(p.language()) && page.kind().name().equalsIgnoreCase(p.kind()))
                .map(page -> url(page.outputPath())).filter(u -> lastSegment(u).equals(last)).toList();
        return alike.isEmpty()
                ? new String[] {p.kind() + " (no content file) that Agora does not make", p.language()}
                : new String[] {p.kind() + " (no content file) at another URL in Agora", "→ " + String.join(", ", alike)};
    }

    // --- Hugo ---------------------------------------------------------------------------------------------

    static Optional<Path> hugo() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "hugo");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Builds a copy of the corpus with Hugo; URL → page. */
    private Map<String, HugoPage> buildWithHugo(Path hugo, RealCorpus corpus) throws IOException, InterruptedException {
        Path source = temp.resolve("hugo-site");
        TestPaths.copyTree(corpus.source().resolve("content"), source.resolve("content"));
        TestPaths.copyTree(TestPaths.repoRoot().resolve("generator/src/test/resources/hugo-layouts"), source.resolve("layouts"));
        Files.copy(corpus.resources().resolve("hugo.toml"), source.resolve("hugo.toml"));
        Path out = temp.resolve("hugo-out");
        Path log = temp.resolve("hugo.log");
        Process process = new ProcessBuilder(hugo.toString(), "--source", source.toString(), "--destination", out.toString(),
                "--cacheDir", temp.resolve("hugo-cache").toString(), "--quiet", "--noBuildLock")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("hugo did not finish in 5 minutes");
        }
        assertEquals(0, process.exitValue(), () -> "hugo failed on " + corpus + ":\n" + read(log));
        Map<String, HugoPage> pages = new TreeMap<>();
        for (Path f : htmlFiles(out)) {
            Document d = Jsoup.parse(f.toFile(), "UTF-8");
            String url = url(out.relativize(f).toString());
            boolean alias = d.selectFirst("meta[http-equiv=refresh]") != null;
            pages.put(url, new HugoPage(url, alias ? "alias" : meta(d, "hugo-kind"), meta(d, "hugo-lang"), meta(d, "hugo-file"),
                    meta(d, "hugo-taxonomy"), meta(d, "hugo-term"), alias));
        }
        return pages;
    }

    private static String meta(Document d, String name) {
        Element m = d.selectFirst("meta[name=" + name + "]");
        return m == null ? "" : m.attr("content");
    }

    // --- Agora ----------------------------------------------------------------------------------------------

    /** Every HTML file of Agora's output: URL → whether it is a redirect page (an alias). */
    private static Map<String, Boolean> agoraHtml(Path out) throws IOException {
        Map<String, Boolean> files = new TreeMap<>();
        for (Path f : htmlFiles(out)) {
            String head = Files.readString(f, StandardCharsets.UTF_8);
            int end = head.indexOf("</head>");
            boolean redirect = (end < 0 ? head : head.substring(0, end)).contains("http-equiv=\"refresh\"");
            files.put(url(out.relativize(f).toString()), redirect);
        }
        return files;
    }

    // --- URLs -----------------------------------------------------------------------------------------------

    /** The URL an output file answers at, below the site's root: "/", "/fr/docs/", "/2015/06/02/x.html". */
    static String url(String outputPath) {
        String path = "/" + outputPath.replace(File.separatorChar, '/');
        if (path.endsWith("/index.html")) path = path.substring(0, path.length() - "index.html".length());
        return Normalizer.normalize(java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8), Normalizer.Form.NFC);
    }

    private static String lastSegment(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        u = u.endsWith(".html") ? u.substring(0, u.length() - 5) : u;
        return u.substring(u.lastIndexOf('/') + 1);
    }

    private static List<Path> htmlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
