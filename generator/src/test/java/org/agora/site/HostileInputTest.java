package org.agora.site;

import org.agora.testing.HostileSite;
import org.agora.testing.HostileSite.Build;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and careless input, one fixture per case (src/test/resources/sites/hostile/CASE over _base): what
 * an attacker or a hurried editor commits never runs script in a reader's browser, never crashes the build and
 * never replaces a page; each problem is an error naming its file, and a failed build leaves no output.
 */
class HostileInputTest {

    @TempDir
    Path temp;

    private static void assertCleanFailure(Build b) {
        assertEquals(1, b.code(), b::printed);
        assertFalse(b.printedAStackTrace(), b::printed);
    }

    /** Builds the site, which must fail cleanly: exit 1, no stack trace. */
    private static Build failing(HostileSite site) {
        Build b = site.build();
        assertCleanFailure(b);
        return b;
    }

    /** Exactly one error of the build starts with {@code at} (a file, and maybe its line) and says {@code says}. */
    private static void assertOneError(Build b, String at, String says) {
        assertEquals(1, b.errors(at, says).size(), b::printed);
    }

    private static void assertBuilt(Build b) {
        assertEquals(0, b.code(), b::printed);
        assertFalse(b.printedAStackTrace(), b::printed);
    }

    /** Builds the site, which must succeed, and reads one of its pages, which must hold no active markup. */
    private static Document builtPageWithoutActiveMarkup(HostileSite site, String page) {
        assertBuilt(site.build());
        Document doc = site.page(page);
        assertEquals(List.of(), HostileSite.activeMarkup(doc));
        return doc;
    }

    // --- one sanitiser, always -------------------------------------------------------------------------------

    @Test
    void thePrivateUseMarkerAfterAnHtmlCommentNoLongerSkipsTheCleaner() {
        Document page = builtPageWithoutActiveMarkup(HostileSite.of("pua-comment-bypass", temp), "en/bypass/index.html");
        assertTrue(page.selectFirst(".content").text().contains("Text"), page.html());
    }

    @Test
    void forgedShortcodeTokensStayTextAndNeverRepeatATemplate() {
        HostileSite site = HostileSite.of("forged-token", temp);
        assertBuilt(site.build());
        Document page = site.page("en/forged/index.html");
        assertEquals(1, page.select("aside.callout").size(), page.html());
        String text = page.selectFirst(".content").text();
        assertTrue(text.contains("0000000000000000:0") && text.contains("ffffffffffffffff:9"), text);
        assertEquals(List.of(), HostileSite.activeMarkup(page));
    }

    @Test
    void aShortcodeInsideAnAttributeIsLeftOutAndItsArgumentsStayEscaped() {
        HostileSite site = HostileSite.of("shortcode-in-attribute", temp);
        Build b = site.build();
        assertBuilt(b);
        Document page = site.page("en/attribute/index.html");
        assertEquals(List.of(), HostileSite.activeMarkup(page));
        assertTrue(b.printed().contains("a shortcode inside an HTML attribute"), b::printed);
        assertEquals("x onmouseover=alert(1) \" onfocus=alert(2)", page.selectFirst("figure img[src=/a.png]").attr("alt"));
    }

    @Test
    void shortcodeArgumentsAndBodiesPrintedRawByASiteTemplateAreSanitised() {
        Document page = builtPageWithoutActiveMarkup(HostileSite.of("shortcode-args-and-bodies", temp), "en/echo/index.html");
        assertEquals("bold", page.selectFirst(".echo b").text(), "harmless markup survives");
        assertEquals("emphasis", page.selectFirst(".echo em").text());
        assertEquals(1, page.select(".notice").size());
    }

    @Test
    void frontMatterAndDataPrintedRawAreSanitisedUnlessTheSiteTrustsItsEditors() {
        HostileSite site = HostileSite.of("front-matter-raw", temp);
        Document page = builtPageWithoutActiveMarkup(site, "en/raw/index.html");
        assertEquals("Welcome", page.selectFirst(".intro em").text(), "harmless markup survives");
        for (Path p : site.pages()) {
            assertEquals(List.of(), HostileSite.activeMarkup(site.page(site.out().relativize(p).toString())), p::toString);
        }

        HostileSite trusted = HostileSite.of("front-matter-raw", temp.resolve("trusted")).config("markdown: { trustRawHtml: true }");
        assertBuilt(trusted.build());
        Document raw = trusted.page("en/raw/index.html");
        assertTrue(raw.select(".intro script").size() == 1, "a site that trusts its editors gets what they wrote");
    }

    @Test
    void theMarkerOfAShortcodesBodyInAnArgumentCannotCutTheTemplateOpen() {
        Document page = builtPageWithoutActiveMarkup(HostileSite.of("inner-marker-in-argument", temp), "en/inner/index.html");
        assertEquals(1, page.select("aside.callout").size(), page.html());
    }

    // --- uploads -------------------------------------------------------------------------------------------------

    @Test
    void filesThatRunScriptOnTheSitesOriginAreErrorsUnlessTheSiteAllowsThem() {
        HostileSite site = HostileSite.of("active-files", temp);
        Build b = failing(site);
        for (String file : List.of("content/en/page.html", "content/en/drawing.svg", "content/en/UPPER.SVG",
                "static/js/app.js", "static/feed.xml", "static/old.htm")) {
            assertEquals(1, b.errors(file, "would be published as part of the site").size(), () -> file + "\n" + b.printed());
        }
        assertEquals(6, b.errors().size(), b::printed);
        assertFalse(Files.exists(site.out()), "a failed build writes nothing");

        HostileSite allowed = HostileSite.of("active-files", temp.resolve("allowed"))
                .config("security: { activeFiles: [\"static/js/*.js\", \"content/**/*.svg\", \"content/**/*.SVG\", static/feed.xml, static/old.htm, content/en/page.html] }");
        assertBuilt(allowed.build());
        assertTrue(Files.isRegularFile(allowed.out().resolve("js/app.js")));
        assertTrue(Files.isRegularFile(allowed.out().resolve("en/drawing.svg")));

        HostileSite trusted = HostileSite.of("active-files", temp.resolve("trusted")).config("markdown: { trustRawHtml: true }");
        assertBuilt(trusted.build());
        assertTrue(Files.isRegularFile(trusted.out().resolve("en/page.html")));
    }

    // --- collisions ----------------------------------------------------------------------------------------------

    @Test
    void aFileOrAliasThatWouldReplaceAGeneratedPageIsAnErrorNamingBoth() {
        HostileSite site = HostileSite.of("collision-static-page", temp);
        Build b = failing(site);
        assertOneError(b, "static/en/index.html", "en/index.html");
        assertTrue(b.errors("static/en/index.html", "home page").size() == 1, b::printed);
        assertOneError(b, "static/en/news/index.html", "section page /en/news/");
        assertOneError(b, "static/agora-search/en.json", "search index");
        assertOneError(b, "content/en/news/first.md", "alias /en/search/");
        assertEquals(4, b.errors().size(), b::printed);
        assertFalse(Files.exists(site.out()));
    }

    @Test
    void pagesAndAliasesCannotClaimTheFilesAgoraGenerates() {
        Build b = failing(HostileSite.of("generated-paths", temp));
        assertOneError(b, "content/en/sitemap.md:3", "sitemap.xml");
        assertOneError(b, "content/en/feed.md:3", "en/feed.xml");
        assertOneError(b, "content/en/search.md:3", "search index");
        assertOneError(b, "content/en/asset.md:3", "browsers would not read as one");
        assertOneError(b, "content/en/root.md:3", "404.html");
    }

    @Test
    void controlCharactersInTypeSlugOrUrlAreErrorsNamingTheFile() {
        Build b = failing(HostileSite.of("control-characters", temp));
        assertOneError(b, "content/en/nul-type.md:3", "type");
        assertOneError(b, "content/en/nul-slug.md:3", "slug");
        assertOneError(b, "content/en/tab-url.md:3", "control character");
        assertTrue(b.printed().lines().noneMatch(l -> l.contains("\0") || l.contains("\t")), "control characters are shown as escapes");
    }

    @Test
    void aFileWhereAPageNeedsAFolderIsAnError() {
        Build b = failing(HostileSite.of("collision-file-folder", temp));
        assertOneError(b, "static/en/news", "needs a folder");
    }

    @Test
    void twoFilesForOnePathAreAnErrorNamingBoth() {
        Build b = failing(HostileSite.of("collision-attachment", temp));
        List<String> errors = b.errors();
        assertEquals(1, errors.size(), b::printed);
        assertTrue(errors.getFirst().contains("content/en/report.pdf") && errors.getFirst().contains("static/en/report.pdf"), b::printed);
    }

    @Test
    void aSitesOwnRedirectsAndHeadersComeFirstAndAgorasFollow() throws IOException {
        HostileSite site = HostileSite.of("redirects-merge", temp);
        assertBuilt(site.build());
        List<String> redirects = Files.readAllLines(site.out().resolve("_redirects"));
        assertEquals("/old-home /en/ 301", redirects.getFirst());
        assertTrue(redirects.stream().anyMatch(l -> l.startsWith("/en/old-moved/ /en/moved/")), redirects::toString);
        String headers = Files.readString(site.out().resolve("_headers"));
        assertTrue(headers.startsWith("/*\n  X-Robots-Tag: noai\n"), headers);
        assertTrue(headers.contains("Content-Security-Policy: default-src 'self'"), headers);
    }

    // --- paths ---------------------------------------------------------------------------------------------------

    @Test
    void symbolicLinksOutOfTheSiteAreErrorsAndNothingOfTheirTargetsIsPublished() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        String canary = "CANARY-" + System.nanoTime();
        Files.writeString(outside.resolve("secret.txt"), canary);
        Files.writeString(outside.resolve("page.peb"), canary);
        Files.writeString(outside.resolve("labels.yml"), "tags:\n  x: " + canary + "\n");
        HostileSite site = HostileSite.of("", temp.resolve("case"));
        Path s = site.site();
        Files.createDirectories(s.resolve("static"));
        Files.createDirectories(s.resolve("data"));
        Files.createDirectories(s.resolve("layouts"));
        Files.createSymbolicLink(s.resolve("content/en/passwd.txt"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(s.resolve("content/en/secret.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(s.resolve("content/en/etc"), outside);
        Files.createSymbolicLink(s.resolve("static/leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(s.resolve("data/taxonomies.yml"), outside.resolve("labels.yml"));
        Files.createSymbolicLink(s.resolve("layouts/page.peb"), outside.resolve("page.peb"));
        Files.createDirectories(s.resolve(".git"));
        Files.writeString(s.resolve(".git/config"), "[remote] url = https://token@example.org/" + canary);
        Files.createSymbolicLink(s.resolve("content/en/git.txt"), s.resolve(".git/config"));

        Build b = failing(site);
        for (String link : List.of("content/en/passwd.txt", "content/en/secret.txt", "content/en/etc", "static/leak.txt",
                "data/taxonomies.yml", "layouts/page.peb")) {
            assertEquals(1, b.errors(link, "outside the site folder").size(), () -> link + "\n" + b.printed());
        }
        assertOneError(b, "content/en/git.txt", "hidden");
        assertFalse(Files.exists(site.out()));
        assertFalse(b.printed().contains(canary));
        Files.delete(s.resolve("content/en/passwd.txt")); // JUnit warns about a link out of its temporary folder

    }

    @Test
    void aThemeWithALinkOutOfTheSiteIsRefused() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("footer.peb"), "CANARY");
        HostileSite site = HostileSite.of("", temp.resolve("case")).config("theme: mine");
        Path theme = site.site().resolve("themes/mine");
        org.agora.testing.TestPaths.copyTree(org.agora.testing.TestPaths.repoRoot().resolve("themes/default"), theme);
        Files.delete(theme.resolve("templates/partials/footer.peb"));
        Files.createSymbolicLink(theme.resolve("templates/partials/footer.peb"), outside.resolve("footer.peb"));
        Build b = failing(site);
        assertOneError(b, "themes/mine/templates/partials/footer.peb", "outside the site folder");
    }

    @Test
    void linksInsideTheSiteAreFollowedOnceAndTheSiteFolderItselfMayBeALink() throws IOException {
        HostileSite site = HostileSite.of("", temp.resolve("case"));
        Path s = site.site();
        Files.createDirectories(s.resolve("shared"));
        Files.writeString(s.resolve("shared/notes.txt"), "shared notes");
        Files.createSymbolicLink(s.resolve("content/en/shared"), s.resolve("shared"));
        Files.createSymbolicLink(s.resolve("content/en/loop"), s.resolve("content/en"));
        Path linkToSite = Files.createSymbolicLink(temp.resolve("site-link"), s);
        Build b = HostileSite.built(linkToSite, temp.resolve("out"));
        assertBuilt(b);
        assertEquals("shared notes", Files.readString(temp.resolve("out/en/shared/notes.txt")));
    }

    // --- limits instead of crashes ----------------------------------------------------------------------------------

    static Stream<Arguments> documentsPastALimit() {
        return Stream.of(
                Arguments.of("a blockquote twenty thousand levels deep", "content/en/deep.md",
                        "---\ntitle: Deep\n---\n\nIntro.\n\n" + ">".repeat(20_000) + " too deep\n", 7, "nested 20000 levels deep"),
                Arguments.of("a huge line", "content/en/line.md",
                        "---\ntitle: Line\n---\n\n" + "{{< ".repeat(100_000) + "\n", 5, "400000 characters"));
    }

    @ParameterizedTest(name = "{0} is an error with its line")
    @MethodSource("documentsPastALimit")
    void aDocumentPastALimitIsAnErrorWithItsLine(String what, String file, String text, int line, String says) {
        assertOneError(failing(HostileSite.of("", temp).write(file, text)), file + ":" + line, says);
    }

    @Test
    void aListThreeThousandLevelsDeepIsAnErrorWithTheLineWhereItPassesTheLimit() {
        StringBuilder list = new StringBuilder("---\ntitle: List\n---\n\n");
        for (int i = 0; i < 3_000; i++) list.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        // Its indentation makes the file 9 MB, over the size limit: raised here to reach the nesting.
        Build b = failing(HostileSite.of("", temp).write("content/en/list.md", list.toString())
                .config("limits: { documentBytes: 20000000 }"));
        assertOneError(b, "content/en/list.md:69", "more than 64");
    }

    @Test
    void deepInlineNestingIsAnErrorNamingTheFile() {
        String emphasis = "*a ".repeat(10_000) + "b" + " c*".repeat(10_000);
        String links = "[".repeat(10_000) + "x" + "](y)".repeat(10_000);
        String images = "![".repeat(5_000) + "x" + "](y.png)".repeat(5_000);
        Build b = failing(HostileSite.of("", temp)
                .write("content/en/emphasis.md", "---\ntitle: E\n---\n\n" + emphasis + "\n")
                .write("content/en/links.md", "---\ntitle: L\n---\n\n" + links + "\n")
                .write("content/en/images.md", "---\ntitle: I\n---\n\n" + images + "\n"));
        assertOneError(b, "content/en/emphasis.md:5", "nested more than 64 levels deep");
        assertOneError(b, "content/en/images.md:5", "nested more than 64 levels deep");
        // Links cannot hold links: ten thousand brackets are text, not nesting.
        assertEquals(0, b.errors().stream().filter(l -> l.startsWith("content/en/links.md")).count(), b::printed);
        assertEquals(2, b.errors().size(), b::printed);
    }

    @Test
    void aParagraphTooLongForTheParserIsAnErrorWithItsFirstLineAndABigTableStillBuilds() {
        StringBuilder table = new StringBuilder("| organisation | country |\n|---|---|\n");
        for (int i = 0; i < 3_000; i++) table.append("| Organisation ").append(i).append(" | BE |\n");
        Build b = failing(HostileSite.of("", temp)
                .write("content/en/bangs.md", "---\ntitle: Bangs\n---\n\nIntro.\n\n" + "!\n".repeat(95_000))
                .write("content/en/long.md", "---\ntitle: Long\n---\n\n" + ("word and [a](".repeat(8) + "\n").repeat(1_200))
                .write("content/en/members.md", "---\ntitle: Members\n---\n\n" + table));
        assertOneError(b, "content/en/bangs.md:7", "more than 5000 lines");
        assertOneError(b, "content/en/long.md:5", "more than 100000 characters");
        assertEquals(2, b.errors().size(), "a table of 3,000 rows is no problem: " + b.printed());
    }

    @Test
    void thousandsOfUnclosedShortcodesOnALineAreShownAsTheyAre() {
        HostileSite site = HostileSite.of("", temp)
                .write("content/en/open.md", "---\ntitle: Open\n---\n\n" + "{{<a ".repeat(19_000) + "\n\n"
                        + "{{< notice >}}\n".repeat(2_000) + "\n" + "{{</* x ".repeat(10_000) + "\n");
        assertBuilt(site.build());
        String text = site.page("en/open/index.html").selectFirst(".content").text();
        assertTrue(text.startsWith("{{<a {{<a"), text.substring(0, 100));
    }

    @Test
    void aDocumentOverTheSizeLimitAndTooManyFilesAreErrors() throws IOException {
        HostileSite site = HostileSite.of("document-too-big", temp);
        Build b = failing(site);
        assertOneError(b, "content/en/big.md", "more than the 2000 a document may have");

        for (int i = 0; i < 50; i++) site.write("content/en/many/n" + i + ".md", "---\ntitle: N" + i + "\n---\n\nx\n");
        Build many = site.build();
        assertCleanFailure(many);
        assertOneError(many, "content", "more than 40 files");
    }

    @Test
    void aYamlAliasBombIsAnErrorWithItsLine() {
        Build b = failing(HostileSite.of("yaml-bomb", temp));
        assertEquals(1, b.errors().stream().filter(l -> l.startsWith("content/en/laughs.md:")).count(), b::printed);
    }

    @Test
    void binaryJunkAndBrokenFrontMatterAreErrorsNamingTheirFiles() throws IOException {
        HostileSite site = HostileSite.of("", temp);
        byte[] junk = new byte[4096];
        new java.util.Random(11).nextBytes(junk);
        Files.write(site.site().resolve("content/en/junk.md"), junk);
        site.write("content/en/unclosed.md", "---\ntitle: [unclosed\n---\nbody\n");
        site.write("content/en/nul.md", "---\ntitle: \"a\\0b\"\nslug: \"x\\ty\"\nurl: \"/en/\\u0001/\"\n---\n\0\0\0\n");
        Build b = failing(site);
        for (String f : List.of("content/en/junk.md", "content/en/unclosed.md", "content/en/nul.md")) {
            assertTrue(b.errors().stream().anyMatch(l -> l.startsWith(f + ":")), () -> f + "\n" + b.printed());
        }
        assertTrue(b.errors().stream().allMatch(l -> l.startsWith("content/")), b::printed);
    }

    @Test
    void aBuildThatFailsLeavesNoStagingFolderBehind() throws IOException {
        HostileSite site = HostileSite.of("collision-attachment", temp);
        assertCleanFailure(site.build());
        try (Stream<Path> siblings = Files.list(temp)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("staging")));
        }
    }
}
