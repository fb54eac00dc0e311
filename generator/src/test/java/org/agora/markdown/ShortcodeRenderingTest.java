package org.agora.markdown;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostic;
import org.agora.diag.Diagnostics;
import org.agora.diag.Severity;
import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.i18n.MessagesLoader;
import org.agora.model.SiteUrls;
import org.agora.render.Assets;
import org.agora.render.TemplateRenderer;
import org.agora.render.Theme;
import org.agora.render.ThemeShortcodes;
import org.agora.testing.TestPaths;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Shortcodes through the real pipeline and the bundled theme's templates, with a site that overrides one. */
class ShortcodeRenderingTest extends RenderingTestSite {

    @BeforeAll
    static void build() {
        write("content/en/a.md", "---\ntitle: A\n---\nEnglish A.\n");
        write("content/fr/a.md", "---\ntitle: A en français\n---\nFrançais.\n");
        write("content/en/guides/b.md", "---\ntitle: B\n---\nOnly in English.\n\n## Part\n");
        write("content/en/photo.png", "not really a png");
        write("content/en/params.md", "---\ntitle: Params\nauthor: Ada <Lovelace>\nlocation: { name: Brussels }\ntags: [maps, data]\n---\nText.\n");
        // The site's own callout wins over the theme's: layouts/ comes first.
        write("layouts/shortcodes/callout.peb", "<div class=\"site-callout\">{{ args.type }}|{{ inner | raw }}</div>");
        Diagnostics d = new Diagnostics();
        SiteConfig config = buildLibrary(d);
        Theme theme = new Theme("default", TestPaths.repoRoot().resolve("themes/default"), site);
        Messages messages = new MessagesLoader().load(config, theme.i18nDirs(), d);
        Map<String, LocaleFormats> formats = new HashMap<>();
        for (LanguageConfig l : config.languages()) formats.put(l.code(), new LocaleFormats(l));
        TemplateRenderer templates = new TemplateRenderer(theme, messages, Assets.collect(theme.assetDirs()),
                SiteUrls.of(config), formats, false);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        renderer = new MarkdownRenderer(new LinkTargets(library), false, (pageLang, target) -> "in " + target,
                new ThemeShortcodes(templates, messages));
    }

    /** The first diagnostic has this severity, stands at this line of the body of the page at {@code path} and says {@code says}. */
    private void assertFirstDiagnostic(Severity severity, String path, int bodyLine, String says) {
        Diagnostic d = diagnostics.sorted().getFirst();
        assertEquals(severity, d.severity());
        assertEquals(page(path).document().bodyLineOffset() + bodyLine, d.position().line());
        assertTrue(d.message().contains(says), d.message());
    }

    @Test
    void figureWithNamedQuotedArgumentsResolvesItsImageAndLink() {
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", "Intro\n\n{{< figure src=\"photo.png\" alt=\"A \\\"quoted\\\" map\" "
                + "caption=\"The *map*\" link=\"guides/b.md\" width=640 >}}\n\nAfter.\n");
        Element figure = html(r).selectFirst("figure");
        assertNotNull(figure, r.html());
        Element img = figure.selectFirst("a > img");
        assertEquals("/elibrary/en/photo.png", img.attr("src"));
        assertEquals("A \"quoted\" map", img.attr("alt"));
        assertEquals("640", img.attr("width"));
        assertEquals("/elibrary/en/guides/b/", figure.selectFirst("a").attr("href"));
        assertEquals("The *map*", figure.selectFirst("figcaption").text());
        assertEquals("After.", html(r).select("p").last().text());
    }

    @Test
    void paramPrintsAFrontMatterValueAsText() {
        Document doc = html(render("/en/params/", "By {{< param author >}} in {{< param \"location.name\" >}}, "
                + "on {{< param tags >}}: {{< param title >}}. {{< param nowhere >}}\n"));
        assertEquals("By Ada <Lovelace> in Brussels, on maps, data: Params.", doc.text());
        Diagnostic d = diagnostics.sorted().getFirst();
        assertEquals("shortcode.arguments", d.code());
        assertTrue(d.message().contains("param 'nowhere'"), d.message());
    }

    @Test
    void aRefByBareNameMustBeUniqueAndLangPicksTheLanguage() {
        Document doc = html(render("/fr/a/", "[b]({{< relref \"b.md\" >}}) [a]({{< relref path=\"a.md\" lang=\"en\" >}}) "
                + "[nl]({{< relref path=\"a.md\" lang=\"nl\" >}})\n"));
        assertEquals(List.of("/elibrary/en/guides/b/", "/elibrary/en/a/", "#"), doc.select("a").eachAttr("href"));
        Diagnostic d = diagnostics.sorted().getFirst();
        assertEquals(Severity.ERROR, d.severity());
        assertTrue(d.message().contains("asks for the page in 'nl', which it does not have"), d.message());
    }

    @Test
    void hostileArgumentsAreEscapedNotRun() {
        RenderedMarkdown r = render("/en/a/", "{{< figure src=\"javascript:alert(1)\" alt=\"\\\"><script>alert(1)</script>\" "
                + "caption=\"<img src=x onerror=alert(1)>\" >}}\n");
        Document doc = html(r);
        assertTrue(doc.select("script").isEmpty(), r.html());
        assertTrue(doc.select("[onerror]").isEmpty(), r.html());
        assertEquals("\"><script>alert(1)</script>", doc.selectFirst("img").attr("alt"));
        assertEquals("#", doc.selectFirst("img").attr("src"));
        assertEquals("<img src=x onerror=alert(1)>", doc.selectFirst("figcaption").text());
    }

    @Test
    void figureWithoutAltOrCaptionIsAWarningWithItsLine() {
        render("/en/a/", "One\n\nTwo\n{{< figure src=\"photo.png\" title=\"Only a title\" >}}\n");
        assertFirstDiagnostic(Severity.WARNING, "/en/a/", 4, "no alt text");
    }

    @Test
    void youtubeIsALinkCardInTheReadersLanguage() {
        Element en = html(render("/en/a/", "{{< youtube 7OtCK1_VsSI >}}\n")).selectFirst("p.video-card a");
        assertEquals("https://www.youtube.com/watch?v=7OtCK1_VsSI", en.attr("href"));
        assertEquals("Video on YouTube: 7OtCK1_VsSI", en.text().replace("▶", "").strip());
        Element fr = html(render("/fr/a/", "{{< youtube id=\"abc\" >}}\n")).selectFirst("p.video-card a");
        assertEquals("https://www.youtube.com/watch?v=abc", fr.attr("href"));
        assertTrue(fr.text().contains("Vidéo sur YouTube : abc"), fr.text());
        Element hostile = html(render("/en/a/", "{{< youtube \"x&y=\\\"><b>\" >}}\n")).selectFirst("p.video-card a");
        assertEquals("https://www.youtube.com/watch?v=x%26y%3D%22%3E%3Cb%3E", hostile.attr("href"));
        noDiagnostics();
    }

    @Test
    void refGoesToTheReadersLanguageOrAMarkedFallback() {
        Document fr = html(render("/fr/a/", "[ici]({{< ref \"/en/a.md\" >}}) et [là]({{% relref \"guides/b.md#part\" %}})\n"));
        noDiagnostics();
        assertEquals("https://example.org/elibrary/fr/a/", fr.select("a").get(0).attr("href"), "ref: an absolute URL");
        Element fallback = fr.select("a").get(1);
        assertEquals("/elibrary/en/guides/b/#part", fallback.attr("href"), "relref: from the site root");
        assertEquals("en", fallback.attr("hreflang"));
        assertTrue(fallback.text().contains("in en"), fallback.outerHtml());
    }

    @Test
    void refRelativeToTheDocumentOrFromContentAndCollectedForTheLinkCheck() {
        // From content/en/a.md, "guides/b.md" exists beside it; "en/guides/b.md" only from content/.
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", "[b]({{< relref \"guides/b\" >}}) [c]({{< relref \"en/guides/b.md\" >}})\n");
        assertEquals(List.of("/elibrary/en/guides/b/", "/elibrary/en/guides/b/"),
                html(r).select("a").eachAttr("href"));
        assertEquals(2, r.links().size());
    }

    @Test
    void refToNothingIsAnErrorWithItsLineLikeAMarkdownLink() {
        render("/en/a/", "Text\n\n[x]({{< ref \"nowhere.md\" >}})\n");
        assertFirstDiagnostic(Severity.ERROR, "/en/a/", 3, "nowhere.md");
    }

    @Test
    void noticeKeepsItsMarkdownAndLinesInside() {
        RenderedMarkdown r = render("/fr/a/", "{{% notice warning %}}\nDu **gras** et [un lien](missing.md).\n{{% /notice %}}\n\nAprès.\n");
        Element notice = html(r).selectFirst("div.notice.notice-warning");
        assertNotNull(notice, r.html());
        assertEquals("Attention", notice.selectFirst(".notice-title").text());
        assertEquals("gras", notice.selectFirst("strong").text());
        assertEquals("Après.", html(r).select("body > p").last().text());
        // The link inside is still checked, at its own line.
        Diagnostic d = diagnostics.sorted().getFirst();
        assertEquals(library.byPath().get("/fr/a/").document().bodyLineOffset() + 2, d.position().line());
    }

    @Test
    void calloutFromTheSiteOverridesTheTheme() {
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", "{{% callout type=\"tip\" %}}\n*Inner* text\n{{% /callout %}}\n");
        Element div = html(r).selectFirst("div.site-callout");
        assertNotNull(div, r.html());
        assertTrue(div.text().startsWith("tip|"), div.text());
        assertEquals("Inner", div.selectFirst("em").text());
    }

    @Test
    void shortcodesInCodeAreLeftAloneAndTheEscapedFormIsShownLiterally() {
        RenderedMarkdown r = renderWithoutDiagnostics("/en/a/", "Write `{{< figure src=\"x\" >}}` or {{</* youtube abc */>}}.\n\n"
                + "```\n{{< youtube abc >}}\n```\n");
        Document doc = html(r);
        assertEquals("{{< figure src=\"x\" >}}", doc.selectFirst("p code").text());
        assertTrue(doc.selectFirst("p").text().contains("or {{< youtube abc >}}."), doc.selectFirst("p").text());
        assertEquals("{{< youtube abc >}}", doc.selectFirst("pre code").text().strip());
        assertTrue(doc.select("p.video-card").isEmpty());
    }

    @Test
    void unknownShortcodeIsShownAsSourceAndWarnedWithItsLine() {
        RenderedMarkdown r = render("/en/a/", "Text\n\n{{< gallery dir=\"x\" >}}\n");
        assertEquals("{{< gallery dir=\"x\" >}}", html(r).selectFirst("code").text());
        assertFirstDiagnostic(Severity.WARNING, "/en/a/", 3, "'gallery'");
    }

    @Test
    void excerptLeavesShortcodeTokensOut() {
        assertEquals("See now.", render("/en/a/", "See {{< youtube abc >}} now.\n").excerpt());
    }

    @Test
    void cardShowsTheDocumentInTheReadersLanguageOrMarked() {
        Element en = html(render("/en/a/", "{{< card \"/en/a.md\" >}}\n")).selectFirst("p.doc-card a");
        noDiagnostics();
        assertEquals("/elibrary/en/a/", en.attr("href"));
        Element fr = html(render("/fr/a/", "{{< card path=\"/en/a.md\" >}}\n\n{{< card \"/en/guides/b.md\" >}}\n")).select("p.doc-card a").get(1);
        noDiagnostics();
        assertEquals("/elibrary/en/guides/b/", fr.attr("href"));
        assertEquals("B", fr.selectFirst(".doc-card-title").text());
        assertEquals("en", fr.attr("hreflang"));
        assertTrue(fr.selectFirst(".fallback-marker").text().contains("in en"));
        assertEquals("/elibrary/fr/a/", html(render("/fr/a/", "{{< card \"/en/a.md\" >}}\n")).selectFirst("p.doc-card a").attr("href"));
    }

    @Test
    void cardToNothingIsAnErrorAndShowsItsSource() {
        RenderedMarkdown r = render("/en/a/", "{{< card \"gone.md\" >}}\n");
        assertEquals(Severity.ERROR, diagnostics.sorted().getFirst().severity());
        assertEquals("{{< card \"gone.md\" >}}", html(r).selectFirst("code").text());
    }
}
