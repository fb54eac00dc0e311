package org.agora.markdown;

import org.agora.content.FrontMatterParser;
import org.agora.content.ParsedDocument;
import org.agora.content.SourceFile;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.diag.Severity;
import org.agora.model.Page;
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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Renders through the real pipeline: config, scanner, front matter, library, flexmark, jsoup. */
class MarkdownRendererTest extends RenderingTestSite {

    @BeforeAll
    static void buildLibraryAndRenderer() {
        write("content/en/a.md", "---\ntitle: A\n---\nEnglish A.\n\n## Section One\n");
        write("content/fr/a.md", """
                ---
                title: A en français
                tags: [x]
                ---
                Premier paragraphe.

                Voir [manquant](missing.md).
                """);
        write("content/en/b.md", "---\ntitle: B\n---\nOnly in English.\n");
        write("content/en/draft.md", "---\ntitle: D\ndraft: true\n---\nNot yet.\n");
        write("content/en/img.png", "not really a png");
        Diagnostics d = new Diagnostics();
        buildLibrary(d);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        renderer = new MarkdownRenderer(new LinkTargets(library), false, (pageLang, target) -> "in " + target);
    }

    @Test
    void aFileSavedAgainDuringTheBuildIsAnErrorNamingItNotAMixOfTwoVersions(@TempDir Path other) throws IOException {
        Path file = other.resolve("content/en/a.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: A\n---\n" + "First version. ".repeat(60));
        Page p = page("/en/a/");
        ParsedDocument read = new FrontMatterParser(library.config())
                .parse(new SourceFile(file, "en/a.md", "en", "a", SourceFile.Layout.FOLDER), diagnostics);
        Files.writeString(file, "---\ntitle: A\n---\n" + "Later version. ".repeat(60));
        RenderedMarkdown r = renderer.render(read, p, diagnostics);
        assertEquals("", r.html());
        Diagnostic d = diagnostics.sorted().getFirst();
        assertTrue(d.isError());
        assertEquals(file, d.position().file());
        assertTrue(d.message().contains("changed while"), d::message);
    }

    @Test
    void libraryHasTheExpectedPages() {
        assertEquals("/en/b/", page("/en/b/").path());
        assertNull(library.byPath().get("/fr/b/"));
        assertNull(library.byPath().get("/en/draft/"), "drafts are not published");
    }

    @Test
    void linkToAnUntranslatedPageFallsBackWithAVisibleMarker() {
        RenderedMarkdown r = renderWithoutDiagnostics("/fr/a/", "Voir [la page B](b.md).");
        Element a = html(r).selectFirst("a");
        assertNotNull(a, r.html());
        assertEquals("/elibrary/en/b/", a.attr("href"));
        assertEquals("en", a.attr("hreflang"));
        assertTrue(a.hasClass("fallback-link"), r.html());
        assertFalse(a.hasAttr("data-fallback"), "internal attribute is removed");
        Element marker = a.selectFirst("span.fallback-marker");
        assertNotNull(marker, r.html());
        assertEquals("(in en)", marker.text());
        assertEquals("la page B (in en)", a.text());
        assertEquals(List.of("/en/b/"), r.links().stream().map(LinkRef::sitePath).toList());
    }

    @Test
    void linkToATranslatedPageStaysInTheReadersLanguage() {
        RenderedMarkdown r = renderWithoutDiagnostics("/fr/a/", "[x](a.md) et [y](../en/a.md#section-one)");
        List<Element> links = html(r).select("a");
        assertEquals("/elibrary/fr/a/", links.get(0).attr("href"));
        assertFalse(links.get(0).hasAttr("hreflang"));
        assertNull(links.get(0).selectFirst("span.fallback-marker"));
        // naming the English file still gives French readers the French page
        assertEquals("/elibrary/fr/a/#section-one", links.get(1).attr("href"));
        assertEquals("section-one", r.links().get(1).fragment());
    }

    @Test
    void anchorsOfThePageItselfStayAsWrittenAndAreChecked() {
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", "See [below](#simple-map).");
        assertEquals("#simple-map", html(r).selectFirst("a").attr("href"));
        assertEquals(List.of(new LinkRef(r.links().getFirst().position(), "/en/a/", "simple-map", "#simple-map", false)), r.links());
    }

    @Test
    void linkFromContentRootAndWithQuery() {
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", "[b](/en/b.md?x=1#top)");
        assertEquals("/elibrary/en/b/?x=1#top", html(r).selectFirst("a").attr("href"));
    }

    @Test
    void linkToAMissingFileIsAnErrorAtTheFileLine() throws IOException {
        Page fr = page("/fr/a/");
        ParsedDocument parsed = new FrontMatterParser(library.config()).parse(fr.document().source(), diagnostics);
        assertEquals(4, parsed.bodyLineOffset());
        renderer.render(parsed, fr, diagnostics);
        List<Diagnostic> all = diagnostics.sorted();
        assertEquals(1, all.size(), all::toString);
        Diagnostic d = all.getFirst();
        assertTrue(d.isError());
        assertEquals(site.resolve("content/fr/a.md"), d.position().file());
        assertEquals(7, d.position().line(), "line 3 of the body, after 4 lines of front matter");
        assertTrue(d.message().contains("missing.md") && d.message().contains("content/fr/missing.md"), d.message());
    }

    @Test
    void errorLineCountsBodyLines() {
        render("/en/a/", "one\n\ntwo\n\n- item\n- [bad](nope.md)\n");
        Diagnostic d = diagnostics.sorted().getFirst();
        assertEquals(3 + 6, d.position().line());
    }

    @Test
    void linkToADraftIsAnError() {
        RenderedMarkdown r = render("/en/a/", "[d](draft.md)");
        Diagnostic d = diagnostics.sorted().getFirst();
        assertTrue(d.isError());
        assertTrue(d.message().contains("draft"), d.message());
        assertTrue(r.links().isEmpty());
    }

    @Test
    void linkOutOfContentIsAnError() {
        render("/en/a/", "[x](../../../etc/passwd.md)");
        Diagnostic d = diagnostics.sorted().getFirst();
        assertTrue(d.isError());
        assertTrue(d.message().contains("outside content/"), d.message());
    }

    @Test
    void scriptsEventHandlersAndJavascriptUrlsAreRemoved() {
        RenderedMarkdown r = render("/en/a/", """
                Hello

                <script>alert(1)</script>

                <img src=x onerror=alert(1)>

                [a](javascript:alert(1)) and <a href="JaVaScRiPt:alert(2)" onclick="alert(3)">b</a>

                [c](JAVASCRIPT:alert(6)) [d](  javascript:alert(7)) <a href="&#106;avascript:alert(8)">e</a>

                ![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <svg onload="alert(9)"></svg>

                <form action="https://evil.example/"><input name="q"></form>

                <iframe src="https://evil.example/"></iframe>
                <div style="background:url(javascript:alert(4))" onmouseover="alert(5)">d</div>
                """);
        String out = r.html().toLowerCase();
        assertFalse(out.contains("<script"), out);
        assertFalse(out.contains("onerror"), out);
        assertFalse(out.contains("onclick"), out);
        assertFalse(out.contains("onmouseover"), out);
        assertFalse(out.contains("javascript:"), out);
        assertFalse(out.contains("<iframe"), out);
        assertFalse(out.contains("onload"), out);
        assertFalse(out.contains("data:text/html"), out);
        assertFalse(out.contains("<form"), out);
        assertFalse(out.contains("alert(8)"), out);
        assertFalse(out.contains("style="), out);
        Document doc = html(r);
        assertTrue(doc.text().contains("a and b"), "the link texts stay: " + r.html());
        for (Element a : doc.select("a[href]")) assertEquals("#", a.attr("href"), r.html());
        assertEquals("x", doc.selectFirst("img").attr("src"), "the image stays, without its handler");
    }

    /** What a browser does with an href before choosing its scheme (WHATWG URL: strip C0/space, drop tab/newline). */
    static String browserScheme(String href) {
        String s = href.replaceAll("^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$", "").replaceAll("[\\t\\n\\r]", "");
        int colon = s.indexOf(':');
        return colon < 0 || !s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*") ? "" : s.substring(0, colon).toLowerCase();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "[x](jav&#x09;ascript:alert(1))",
            "[x](java&#x0A;script:alert(1))",
            "[x](&#x01;javascript:alert(1))",
            "<javascript:alert(1)>",
    })
    void markdownOnlyLinksCannotRunScript(String body) {
        RenderedMarkdown r = render("/en/a/", body);
        for (Element a : html(r).select("a[href]")) {
            String scheme = browserScheme(a.attr("href"));
            assertTrue(scheme.isEmpty() || Set.of("http", "https", "mailto", "tel", "ftp").contains(scheme),
                    "unsafe href in " + r.html());
        }
    }
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "[x](javascript&colon;alert(1))",
            "[x](&#x20;javascript:alert(1))",
    })
    void encodedControlCharactersCannotSmuggleJavascript(String body) {
        markdownOnlyLinksCannotRunScript(body);
    }

    @Test
    void safeHtmlStays() {
        RenderedMarkdown r = render("/en/a/", "<details><summary>More</summary>Text <kbd>Ctrl</kbd></details>\n\n"
                + "Mail [me](mailto:a@example.org) or [call](tel:+32123)\n");
        Document doc = html(r);
        assertNotNull(doc.selectFirst("details > summary"), r.html());
        assertNotNull(doc.selectFirst("kbd"), r.html());
        assertEquals("mailto:a@example.org", doc.select("a").get(0).attr("href"));
        assertEquals("tel:+32123", doc.select("a").get(1).attr("href"));
    }

    @Test
    void trustedRawHtmlIsKept() {
        MarkdownRenderer trusting = new MarkdownRenderer(new LinkTargets(library), true, (p, t) -> "in " + t);
        Page p = page("/en/a/");
        ParsedDocument doc = new ParsedDocument(p.document().source(), p.document().frontMatter(),
                "<div class=\"map\" data-lat=\"50.8\"></div>\n", 3);
        String out = trusting.render(doc, p, diagnostics).html();
        assertTrue(out.contains("data-lat=\"50.8\""), out);
    }

    @Test
    void headingsGetIdsAndTocHoldsH2AndH3() {
        RenderedMarkdown r = render("/en/a/", """
                # Top title

                ## Getting Started

                ### Step One

                #### Deep

                ## Getting Started
                """);
        Document doc = html(r);
        assertEquals("getting-started", doc.selectFirst("h2").id());
        assertEquals("step-one", doc.selectFirst("h3").id());
        assertFalse(doc.selectFirst("h1").id().isEmpty());
        assertEquals(List.of(new TocEntry(2, "getting-started", "Getting Started"), new TocEntry(3, "step-one", "Step One")),
                r.toc().subList(0, 2));
        assertEquals(3, r.toc().size(), "h1 and h4 are not in the table of contents");
        assertNotEquals(r.toc().get(0).id(), r.toc().get(2).id(), "repeated headings get distinct ids");
        assertTrue(r.headingIds().containsAll(Set.of("getting-started", "step-one")));
    }

    @Test
    void extensionsRender() {
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", """
                | Name | Count |
                |------|------:|
                | a    | 1     |

                Some ~~old~~ text with a note.[^1]

                - [x] done
                - [ ] todo

                Visit https://example.org/page today.

                [^1]: The note.
                """);
        Document doc = html(r);
        Element table = doc.selectFirst("table");
        assertNotNull(table, r.html());
        assertTrue(table.hasClass("table"), r.html());
        assertEquals("0", table.attr("tabindex"), "a table that scrolls on a phone is reachable by keyboard");
        assertEquals(List.of("Name", "Count"), table.select("th").eachText());
        assertEquals("1", table.select("td").get(1).text());
        assertEquals("old", doc.selectFirst("del").text());
        assertNotNull(doc.selectFirst("sup a[href^=#]"), "footnote reference: " + r.html());
        assertTrue(doc.text().contains("The note."));
        List<Element> boxes = doc.select("li input[type=checkbox]");
        assertEquals(2, boxes.size(), r.html());
        assertTrue(boxes.get(0).hasAttr("checked"));
        assertFalse(boxes.get(1).hasAttr("checked"));
        Element auto = doc.selectFirst("a[href=https://example.org/page]");
        assertNotNull(auto, r.html());
        assertEquals("https://example.org/page", auto.text());
    }

    @Test
    void excerptIsTheFirstParagraphsText() {
        assertEquals("The first paragraph, with a link.",
                render("/en/a/", "# Title\n\nThe **first** paragraph, with [a link](b.md).\n\nSecond one.\n").excerpt());
    }

    @Test
    void longExcerptIsShortenedAtAWord() {
        String words = "word ".repeat(100).strip();
        String excerpt = render("/en/a/", words).excerpt();
        assertTrue(excerpt.endsWith("…"), excerpt);
        assertTrue(excerpt.length() <= 221, excerpt.length() + "");
        assertTrue(excerpt.startsWith("word word"));
        assertFalse(excerpt.contains("wor…"), "cut at a space");
        assertEquals("short", MarkdownRenderer.shorten("short"));
    }

    @Test
    void imageNextToTheFileGetsTheCopiedFilesUrl() {
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", "![A chart](img.png)\n\n![from fr](../en/img.png)");
        List<Element> imgs = html(r).select("img");
        assertEquals("/elibrary/en/img.png", imgs.get(0).attr("src"));
        assertEquals("A chart", imgs.get(0).attr("alt"));
        assertEquals("/elibrary/en/img.png", imgs.get(1).attr("src"));
    }

    @Test
    void siteLinksAreCollectedForTheLinkCheck() {
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", "[gone](/en/nowhere/#part)\n\nsee [rel](sub/page/) and ![i](/missing.png)\n"
                + "[ext](https://example.org/) [anchor](#top)");
        Document doc = html(r);
        assertEquals("/elibrary/en/nowhere/#part", doc.select("a").get(0).attr("href"));
        // #top is an anchor of the page itself, checked against its own headings
        assertEquals(List.of("/en/nowhere/", "/en/a/sub/page/", "/missing.png", "/en/a/"),
                r.links().stream().map(LinkRef::sitePath).toList());
        LinkRef first = r.links().getFirst();
        assertEquals("part", first.fragment());
        assertEquals("/en/nowhere/#part", first.written());
        assertFalse(first.image());
        assertTrue(r.links().get(2).image());
        assertEquals(4, first.position().line());
        assertEquals(5 + 1 - 1 + 1, r.links().get(1).position().line());
        assertEquals("https://example.org/", doc.select("a").get(2).attr("href"));
        assertEquals("#top", doc.select("a").get(3).attr("href"));
    }

    @Test
    void undefinedShortcodeIsShownAndWarned() {
        RenderedMarkdown r = render("/en/a/", "Text\n\n{{< gallery dir=\"x\" >}}\n");
        Document doc = html(r);
        assertEquals("{{< gallery dir=\"x\" >}}", doc.selectFirst("code").text());
        Diagnostic d = diagnostics.sorted().getFirst();
        assertEquals(Severity.WARNING, d.severity());
        assertEquals(3 + 3, d.position().line());
        assertTrue(d.message().contains("'gallery'"), d.message());
    }

    @Test
    void linkCheckerWarnsAboutMissingTargetsAndFragments() {
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", "[ok](b.md#only-in-english) [bad](b.md#nope) [gone](/en/nowhere/) "
                + "[file](/en/img.png) ![pic](/x.png)");
        LinkChecker checker = new LinkChecker(Set.of("en/b/index.html", "en/img.png"),
                Map.of("en/b/index.html", Set.of("only-in-english")), org.agora.config.BrokenLinks.WARNING);
        checker.check(r.links(), diagnostics);
        List<String> messages = diagnostics.sorted().stream().map(Diagnostic::message).toList();
        assertEquals(3, messages.size(), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("#nope")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("link '/en/nowhere/'")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("image '/x.png'")), messages::toString);
        assertTrue(diagnostics.sorted().stream().noneMatch(Diagnostic::isError));
    }
}
