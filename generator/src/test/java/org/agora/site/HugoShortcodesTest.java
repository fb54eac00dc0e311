package org.agora.site;

import org.agora.testing.HostileSite;
import org.agora.testing.HostileSite.Build;
import org.agora.testing.TestPaths;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hugo's shortcodes as a Hugo site writes them, one fixture site per case (src/test/resources/sites/hugo/
 * shortcode-CASE), built with the command line as CI builds it: what readers get, and what editors are told.
 */
class HugoShortcodesTest {

    @TempDir
    Path temp;

    /** A fixture built into temp/out, its report and its pages. */
    private record Built(Build build, Path out) {
        Element content(String page) {
            try {
                Document doc = Jsoup.parse(out.resolve(page).toFile(), "UTF-8", "https://example.org/");
                assertEquals(List.of(), HostileSite.activeMarkup(doc), page);
                Element content = doc.selectFirst("main .content");
                assertNotNull(content, page);
                return content;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Report lines "file:line: warning: ..." of this file holding these words. */
        List<String> warnings(String file, String words) {
            return build.printed().lines().filter(l -> l.startsWith(file + ":") && l.contains(": warning: ") && l.contains(words)).toList();
        }

        long warningCount() { return build.printed().lines().filter(l -> l.contains(": warning: ")).count(); }

        /** Exactly one warning at {@code at} ("file:line") says {@code says}. */
        void assertOneWarning(String at, String says) { assertEquals(1, warnings(at, says).size(), build::printed); }

        /** The build printed this many warnings. */
        void assertWarnings(int count) { assertEquals(count, warningCount(), build::printed); }
    }

    private Built build(String name) { return build(name, temp.resolve("site")); }

    private Built build(String name, Path site) {
        TestPaths.fixtureSite("hugo/shortcode-" + name, site);
        return built(site);
    }

    /** The site with these lines added to its site-config.yml. */
    private static Path withConfig(Path site, String yaml) {
        try {
            Files.writeString(site.resolve("site-config.yml"), "\n" + yaml + "\n", java.nio.file.StandardOpenOption.APPEND);
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Built built(Path site) {
        Path out = temp.resolve("out-" + site.getFileName());
        Build b = HostileSite.built(site, out);
        assertEquals(0, b.code(), b::printed);
        assertFalse(b.printedAStackTrace(), b::printed);
        return new Built(b, out);
    }

    @Test
    void highlightShowsItsBodyAsEscapedCodeWithItsLanguage() {
        Built site = build("highlight");
        Element content = site.content("code/index.html");
        Element go = content.selectFirst("pre > code.language-go");
        assertNotNull(go, content.html());
        assertEquals("func page() string {\n\treturn `<input type=\"text\" name=\"q\"> & {{ .Values.x }}`\n}\n", go.wholeText());
        assertTrue(content.select("input, script").isEmpty(), content.html());
        assertEquals("<script>alert(1)</script>\n", content.select("pre > code").get(1).wholeText(), "{{% %}} is code too");
        assertEquals("", content.select("pre > code").get(1).className(), "no language, no class");
        Element inline = content.selectFirst("p > code.language-sh");
        assertEquals("echo \"<b>\"", inline.text(), "within a sentence, a code span");
        site.assertOneWarning("content/en/code.md:21", "no closing {{< /highlight >}}");
        site.assertWarnings(1);
    }

    @Test
    void detailsWrapsItsMarkdownBodyInEitherForm() {
        Built site = build("details");
        Element content = site.content("faq/index.html");
        List<Element> boxes = content.select("details");
        assertEquals(3, boxes.size(), content.html());
        assertTrue(boxes.get(0).hasAttr("open"));
        assertEquals("Why *Agora*?", boxes.get(0).selectFirst("summary").text());
        assertEquals("bold", boxes.get(0).selectFirst("strong").text());
        assertEquals("/kb/other/", boxes.get(0).selectFirst("a").attr("href"), "links inside are resolved");
        assertFalse(boxes.get(1).hasAttr("open"));
        assertEquals("emphasis", boxes.get(1).selectFirst("em").text(), "{{< details >}} renders Markdown, as Hugo's does");
        assertEquals("Details", boxes.get(2).selectFirst("summary").text());
        assertEquals("After the boxes.", content.select("> p").last().text());
        assertEquals("Détails", site.content("fr/faq/index.html").selectFirst("summary").text(), "the theme's words");
        site.assertWarnings(0);
    }

    @Test
    void figureTakesHugosArgumentsAndResolvesItsAddresses() {
        Built site = build("figure");
        Element content = site.content("gallery/photos/index.html");
        List<Element> figures = content.select("figure");
        assertEquals(5, figures.size());
        Element full = figures.get(0);
        assertEquals("figure wide framed", full.className());
        Element link = full.selectFirst("a:has(img)");
        assertEquals("/kb/other/", link.attr("href"), "link names a page by its Markdown file");
        assertEquals("_blank", link.attr("target"));
        assertEquals("noopener", link.attr("rel"));
        Element img = link.selectFirst("img");
        assertEquals("/kb/gallery/map.png", img.attr("src"), "beside the document, published at the root with its language");
        assertEquals("A map of the village", img.attr("alt"));
        assertEquals("640", img.attr("width"));
        assertEquals("480", img.attr("height"));
        assertEquals("The village Drawn by volunteers OpenStreetMap contributors", full.selectFirst("figcaption").text());
        assertEquals("https://www.openstreetmap.org/copyright", full.selectFirst(".figure-attribution a").attr("href"));
        assertEquals("/kb/images/logo.png", figures.get(1).selectFirst("img").attr("src"), "else from the site root, as in Hugo");
        assertEquals("From elsewhere", figures.get(2).selectFirst("img").attr("alt"), "the caption describes the image");
        Element hostile = figures.get(4);
        assertEquals("#", hostile.selectFirst("img").attr("src"));
        assertEquals("x\" onerror=\"alert(2)", hostile.selectFirst("img").attr("alt"));
        site.assertOneWarning("content/en/gallery/photos.md:13", "has no alt text");
        site.assertWarnings(1);
    }

    @Test
    void aRefToNoPageIsAnErrorAtItsLine() {
        TestPaths.fixtureSite("hugo/shortcode-ref", temp.resolve("site"));
        Build b = HostileSite.built(temp.resolve("site"), temp.resolve("out"));
        assertEquals(1, b.code(), b::printed);
        List<String> errors = b.errors();
        assertEquals(1, errors.size(), b::printed);
        assertTrue(errors.getFirst().startsWith("content/en/docs/broken.md:7: error: ref '/docs/chart_template_guide/values_files/_index.md'"
                + " names no page"), errors::toString);
        assertFalse(Files.exists(temp.resolve("out")), "a failed build writes nothing");

        // A site that chose brokenLinks: warning is told the same, and publishes the page with a dead link.
        Path lenient = temp.resolve("lenient");
        Built site = built(withConfig(TestPaths.fixtureSite("hugo/shortcode-ref", lenient), "brokenLinks: warning"));
        site.assertOneWarning("content/en/docs/broken.md:7", "names no page");
        assertEquals("#", site.content("docs/broken/index.html").selectFirst("a").attr("href"));
    }

    @Test
    void refAndRelrefFindPagesAsHugoDoesUnderTheBasePath() throws IOException {
        Path siteDir = temp.resolve("site");
        TestPaths.fixtureSite("hugo/shortcode-ref", siteDir);
        Files.delete(siteDir.resolve("content/en/docs/broken.md"));
        Built site = built(siteDir);
        Element en = site.content("docs/intro/using/index.html");
        List<String> hrefs = en.select("a").eachAttr("href");
        assertEquals(List.of(
                "https://example.org/kb/docs/topics/charts/",                 // ref: absolute, from the language's root
                "https://example.org/kb/docs/topics/plugins/#downloader-plugins", // relative to the document
                "https://example.org/kb/docs/intro/install/",                 // a bare file name, found in the whole site
                "/kb/docs/", "/kb/docs/",                                  // relref: a section, by folder or _index.md
                "/kb/docs/topics/charts/#the-chartyaml-file",                 // a tag over two lines
                "/kb/docs/topics/charts/#the-chartyaml-file",                 // a fragment written after the shortcode
                "/kb/",
                "/kb/docs/intro/install/"), hrefs);                           // in a raw <a href>
        assertTrue(en.text().contains("as text: /kb/docs/intro/install/"), en.text());

        Element fr = site.content("fr/docs/intro/using/index.html");
        List<Element> links = fr.select("a");
        assertEquals("https://example.org/kb/docs/intro/install/", links.get(0).attr("href"), "only in English: a marked fallback");
        assertNotNull(links.get(0).selectFirst(".fallback-marker"));
        assertEquals("/kb/docs/topics/charts/", links.get(1).attr("href"), "lang=en: the English page from a French one");
        assertEquals("en", links.get(1).attr("hreflang"));
        assertEquals("/kb/fr/docs/topics/charts/", links.get(2).attr("href"));
        assertNull(links.get(2).selectFirst(".fallback-marker"));
        site.assertWarnings(0);
    }

    @Test
    void externalEmbedsBecomeLinkCardsThatLoadNothing() {
        Built site = build("external");
        Element content = site.content("media/index.html");
        assertTrue(content.select("iframe, script, object, embed, img, blockquote").isEmpty(), content.html());
        List<String> hrefs = content.select("a").eachAttr("href");
        assertEquals(List.of("https://www.youtube.com/watch?v=w7Ft2ymGmfc", "https://www.youtube.com/watch?v=w7Ft2ymGmfc",
                "https://vimeo.com/146022717", "https://gist.github.com/spf13/7896402",
                "https://x.com/SanDiegoZoo/status/1453110110599868418", "https://x.com/SanDiegoZoo/status/1453110110599868418",
                "https://www.instagram.com/p/BWNjjyYFxVx/"), hrefs);
        List<String> labels = content.select("a").eachText();
        assertEquals("▶ Video on YouTube: w7Ft2ymGmfc", labels.get(0));
        assertEquals("▶ Our assembly, filmed", labels.get(1));
        assertEquals("Code on GitHub Gist: spf13/7896402", labels.get(3));
        assertEquals("Post on X: SanDiegoZoo/1453110110599868418", labels.get(4));
        assertEquals("Post on Instagram: BWNjjyYFxVx", labels.get(6));
        assertEquals("▶ Vidéo sur Vimeo : 146022717", site.content("fr/media/index.html").selectFirst("a").text());
        site.assertOneWarning("content/en/media.md:19", "youtube needs");
        assertEquals("{{< youtube >}}", content.selectFirst("code").text());
    }

    @Test
    void theBodyOfAnUnknownShortcodeIsRenderedAndSanitisedWithOneWarningPerName() {
        Built site = build("unknown-body");
        Element box = site.content("box/index.html");
        assertTrue(box.select("input:not([disabled]), input[type=text], button, [onfocus], [onclick], [autofocus]").isEmpty(), box.html());
        assertEquals("press enter", box.selectFirst("strong").text(), "the body is Markdown");
        assertTrue(box.text().contains("Second use, Go."), box.text());
        assertFalse(box.text().contains("searchbox"), "the tags themselves are left out");
        assertEquals("{{< list-motm >}}", box.selectFirst("code").text(), "a shortcode without a body shows as written");
        List<String> searchbox = site.warnings("content/en/box.md:5", "shortcode 'searchbox' is unknown (used 2 times here)");
        assertEquals(1, searchbox.size(), site.build()::printed);
        assertTrue(site.build().printed().contains("add a Pebble template layouts/shortcodes/searchbox.peb"), site.build()::printed);
        site.assertOneWarning("content/en/box.md:13", "'list-motm' is unknown: it is shown as written");

        // Docsy's blocks, as the poweron corpus's home pages use them: readers see the text.
        Element home = site.content("index.html");
        assertEquals(List.of("How-to guides", "Digital safety lab", "Make it happen"), home.select(".feature-card h3").eachText());
        assertEquals("Reclaim control of your digital life!", home.selectFirst("h1").text());
        assertFalse(home.html().contains("{{"), home.html());
        assertTrue(home.select("[style]").isEmpty());
        site.assertOneWarning("content/en/_index.md:5", "'blocks/cover' is unknown: its tags are left out");
        site.assertOneWarning("content/en/_index.md:9", "'blocks/section' is unknown");
        site.assertOneWarning("content/en/_index.md:11", "'blocks/feature' is unknown (used 3 times here)");
        site.assertWarnings(5);
    }

    @Test
    void aSitesOwnPebbleTemplatesAddAndReplaceShortcodes() {
        Built site = build("site-template");
        Element content = site.content("page/index.html");
        List<Element> badges = content.select("span.badge");
        assertEquals("New", badges.get(0).text());
        assertEquals("badge badge-green", badges.get(0).className());
        assertEquals("<b>", badges.get(1).text(), "arguments are escaped");
        assertFalse(badges.get(1).hasAttr("onclick"));
        Element figure = content.selectFirst("img.site-figure");
        assertNotNull(figure, "the site's figure wins over Agora's");
        assertEquals("/kb/pic.png", figure.attr("src"), "and its src is resolved all the same");
        assertTrue(content.select("figure").isEmpty());
        List<String> hugo = site.build().printed().lines().dropWhile(l -> !l.startsWith("content/en/page.md:9: warning: shortcode 'gohugo'"))
                .limit(2).toList();
        assertEquals(2, hugo.size(), site.build()::printed);
        assertTrue(hugo.get(1).contains("layouts/shortcodes/gohugo.html is a Hugo template, which Agora cannot run"), hugo::toString);
        assertEquals("Body of a Hugo-only shortcode.", content.select("p").last().text());
    }

    @Test
    void percentBodiesAreMarkdownAndAngleBodiesAreHandedOverAsWrittenAndSanitised() throws IOException {
        Built site = build("markdown-vs-raw");
        Element content = site.content("forms/index.html");
        List<Element> panels = content.select("div.panel");
        assertEquals("bold", panels.get(0).selectFirst("strong").text());
        assertEquals("/kb/other/", panels.get(0).selectFirst("a").attr("href"));
        assertTrue(panels.get(1).text().startsWith("Some **bold** text as written"), panels.get(1).text());
        assertEquals("with HTML", panels.get(1).selectFirst("em").text(), "harmless HTML survives");
        assertTrue(panels.get(1).select("script, [onerror]").isEmpty());
        assertEquals("Escaped <b>text</b>", content.selectFirst("blockquote.quote").text(), "{{ inner }} escapes");

        Path trusted = withConfig(TestPaths.fixtureSite("hugo/shortcode-markdown-vs-raw", temp.resolve("trusted")),
                "markdown: { trustRawHtml: true }");
        Document page = Jsoup.parse(built(trusted).out().resolve("forms/index.html").toFile());
        assertEquals(1, page.select("div.panel script").size(), "a site that trusts its editors gets what they wrote");
    }

    @Test
    void goTemplateTextIsPlainTextNeverAShortcode() {
        Built site = build("go-template-text");
        Element content = site.content("templates/index.html");
        site.assertWarnings(0);
        assertTrue(content.selectFirst("pre code.language-yaml").text().contains("{{- include \"mychart.labels\" . | nindent 4 }}"));
        assertEquals(3, content.select("pre").size(), "fenced, indented, and a fence closed with indentation");
        assertTrue(content.text().contains("--template='{{ .Chart.Name }}' in prose."), content.text());
        assertTrue(content.text().contains("Text after {{ .Release.Name }} and {{- end }} as written."), content.text());
    }
}
