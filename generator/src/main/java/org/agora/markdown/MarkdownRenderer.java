package org.agora.markdown;

import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import org.agora.content.ParsedDocument;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.model.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Markdown to safe HTML. flexmark's parser and renderer are built once and shared by all threads;
 * what differs per document travels in the parsed document's data.
 */
public final class MarkdownRenderer {

    private static final DataKey<DocumentContext> CONTEXT = new DataKey<>("AGORA_CONTEXT", (DocumentContext) null);
    private static final int EXCERPT_LENGTH = 220;
    /** Relative links survive cleaning only when they resolve against some base; this one is never output. */
    private static final String SANITIZE_BASE = "https://agora.invalid/";

    /** What the link resolver needs while one document renders. */
    private record DocumentContext(ParsedDocument doc, Page page, Diagnostics diagnostics, List<LinkRef> links) {}

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final LinkTargets targets;
    private final boolean trustRawHtml;
    private final BiFunction<String, String, String> fallbackMarker;
    private final Shortcodes shortcodes = new Shortcodes();

    /**
     * @param fallbackMarker (page language, target language) to the words that mark a link to another
     *                       language's page, such as "in English"
     */
    public MarkdownRenderer(LinkTargets targets, boolean trustRawHtml, BiFunction<String, String, String> fallbackMarker) {
        this.targets = targets;
        this.trustRawHtml = trustRawHtml;
        this.fallbackMarker = fallbackMarker;
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                StrikethroughExtension.create(), AutolinkExtension.create(), TaskListExtension.create(),
                TocExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(TocExtension.LEVELS, TocExtension.LEVELS.getDefaultValue());
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).linkResolverFactory(new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return MarkdownRenderer.this::resolve;
            }
        }).build();
    }

    public RenderedMarkdown render(ParsedDocument doc, Page page, Diagnostics diagnostics) {
        Shortcodes.Result protectedBody = shortcodes.protect(doc.body());
        for (Shortcodes.Found s : protectedBody.found()) {
            diagnostics.warning(SourcePosition.of(doc.source().file(), doc.bodyLineOffset() + s.line()),
                    "shortcode '" + s.name() + "' is not defined by the theme; it is shown as its source text",
                    "remove it, or write plain Markdown instead");
        }
        List<LinkRef> links = new ArrayList<>();
        Document ast = parser.parse(protectedBody.body());
        ast.set(CONTEXT, new DocumentContext(doc, page, diagnostics, links));
        String html = renderer.render(ast);
        return finish(html, page.language(), links);
    }

    private ResolvedLink resolve(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        DocumentContext ctx = CONTEXT.get(context.getDocument());
        // "[smile]" without a definition is plain text in CommonMark, not a link to check.
        if (ctx == null || (node instanceof RefNode ref && !ref.isDefined())) return link;
        boolean image = link.getLinkType() == LinkType.IMAGE || link.getLinkType() == LinkType.IMAGE_REF;
        int line = ctx.doc().bodyLineOffset() + node.getLineNumber() + 1;
        SourcePosition at = SourcePosition.of(ctx.doc().source().file(), line);
        Optional<LinkTargets.Resolution> r = targets.resolve(ctx.doc(), ctx.page(), link.getUrl(), at, image,
                ctx.diagnostics(), ctx.links());
        if (r.isEmpty()) return link;
        ResolvedLink resolved = link.withStatus(LinkStatus.VALID).withUrl(r.get().href());
        if (r.get().fallbackLanguage() != null) {
            MutableAttributes attributes = resolved.getMutableAttributes();
            attributes.addValue("hreflang", r.get().fallbackLanguage());
            attributes.addValue("data-fallback", r.get().fallbackLanguage());
        }
        return resolved;
    }

    private RenderedMarkdown finish(String html, String language, List<LinkRef> links) {
        org.jsoup.nodes.Document dirty = Jsoup.parseBodyFragment(html, SANITIZE_BASE);
        org.jsoup.nodes.Document doc = trustRawHtml ? dirty : new Cleaner(SAFELIST).clean(dirty);
        doc.outputSettings().prettyPrint(false);
        for (Element a : doc.select("a[data-fallback]")) {
            String target = a.attr("data-fallback");
            a.removeAttr("data-fallback");
            a.addClass("fallback-link");
            a.appendElement("span").addClass("fallback-marker").attr("lang", language)
                    .text(" (" + fallbackMarker.apply(language, target) + ")");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Element e : doc.select("[id]")) ids.add(e.id());
        for (Element e : doc.select("a[name]")) ids.add(e.attr("name"));
        List<TocEntry> toc = new ArrayList<>();
        for (Element h : doc.select("h2[id], h3[id]")) {
            toc.add(new TocEntry(Integer.parseInt(h.tagName().substring(1)), h.id(), h.text()));
        }
        String excerpt = "";
        for (Element p : doc.select("p")) {
            String text = p.text().strip();
            if (!text.isEmpty()) {
                excerpt = shorten(text);
                break;
            }
        }
        return new RenderedMarkdown(doc.body().html(), toc, excerpt, ids, links);
    }

    static String shorten(String text) {
        if (text.length() <= EXCERPT_LENGTH) return text;
        int cut = text.lastIndexOf(' ', EXCERPT_LENGTH);
        return text.substring(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH).strip() + "…";
    }

    /** What Markdown can produce, and nothing that runs: no script, no event handlers, no javascript: URLs. */
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("section", "sup", "sub", "del", "s", "ins", "mark", "hr", "figure", "figcaption", "abbr",
                    "details", "summary", "kbd", "samp", "var", "small", "input", "span", "div", "nav")
            .addAttributes(":all", "id", "class", "title", "lang", "dir")
            .addAttributes("a", "hreflang", "data-fallback", "rel")
            .addAttributes("input", "type", "checked", "disabled")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "tel")
            .preserveRelativeLinks(true);
}
