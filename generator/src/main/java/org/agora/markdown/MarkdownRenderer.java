package org.agora.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
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
import org.agora.content.Body;
import org.agora.content.ParsedDocument;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.markdown.shortcodes.Context;
import org.agora.markdown.shortcodes.Output;
import org.agora.markdown.shortcodes.ProtectedBody;
import org.agora.markdown.shortcodes.ShortcodeRegistry;
import org.agora.markdown.shortcodes.ShortcodeSite;
import org.agora.markdown.shortcodes.ShortcodeTheme;
import org.agora.model.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
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

    /**
     * What the link resolver needs while one document renders.
     * @param shortcodes the body's shortcodes, as tokens
     * @param outputs what each of them gives
     */
    private record DocumentContext(ParsedDocument doc, Page page, Diagnostics diagnostics, List<LinkRef> links,
                                   Map<Node, LinkTargets.Resolution> resolved, ProtectedBody shortcodes, Output[] outputs) {

        /** The file's line of a line of the Markdown as parsed (0-based, as flexmark counts). */
        int fileLine(int parsedLine) { return doc.bodyLineOffset() + shortcodes.sourceLine(parsedLine + 1); }
    }

    /** Links whose scheme could run script or smuggle content (javascript:, data:, vbscript:...) render as text. */
    private static final String UNSAFE_LINKS = "(?is)\\s*(?!(?:https?|mailto|tel|ftp):)[a-z][a-z0-9+.-]*:.*";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final LinkTargets targets;
    private final boolean trustRawHtml;
    private final BiFunction<String, String, String> fallbackMarker;
    private final ShortcodeRegistry shortcodes;
    private final ShortcodeSite site;
    private final MarkdownLimits limits;
    private static final MarkdownLimits DEFAULT_LIMITS = MarkdownLimits.of(org.agora.config.Limits.DEFAULTS);

    /**
     * @param fallbackMarker (page language, target language) to the words that mark a link to another
     *                       language's page, such as "in English"
     */
    public MarkdownRenderer(LinkTargets targets, boolean trustRawHtml, BiFunction<String, String, String> fallbackMarker) {
        this(targets, trustRawHtml, fallbackMarker, ShortcodeTheme.NONE);
    }

    public MarkdownRenderer(LinkTargets targets, boolean trustRawHtml, BiFunction<String, String, String> fallbackMarker,
                            ShortcodeTheme theme) {
        this(targets, trustRawHtml, fallbackMarker, theme, DEFAULT_LIMITS);
    }

    /** @param theme the theme's shortcode templates and UI strings */
    public MarkdownRenderer(LinkTargets targets, boolean trustRawHtml, BiFunction<String, String, String> fallbackMarker,
                            ShortcodeTheme theme, MarkdownLimits limits) {
        this.limits = limits;
        this.shortcodes = ShortcodeRegistry.standard(theme);
        this.site = ShortcodeSite.of(targets, trustRawHtml, theme, fallbackMarker);
        this.targets = targets;
        this.trustRawHtml = trustRawHtml;
        this.fallbackMarker = fallbackMarker;
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                StrikethroughExtension.create(), QuickAutolinkExtension.create(), TaskListExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(TablesExtension.CLASS_NAME, "table");
        if (!trustRawHtml) options.set(HtmlRenderer.SUPPRESSED_LINKS, UNSAFE_LINKS);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).linkResolverFactory(new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return MarkdownRenderer.this::resolve;
            }
        }).attributeProviderFactory(new com.vladsch.flexmark.html.IndependentAttributeProviderFactory() {
            @Override
            public com.vladsch.flexmark.html.AttributeProvider apply(com.vladsch.flexmark.html.renderer.LinkResolverContext context) {
                // A wide table scrolls in its own box on phones (theme CSS): keyboard users must reach it to scroll it.
                return (node, part, attributes) -> {
                    if (node instanceof com.vladsch.flexmark.ext.tables.TableBlock) attributes.replaceValue("tabindex", "0");
                };
            }
        }).build();
    }

    /**
     * The document's body as HTML, or an empty body after an error naming the file when it is past a limit or
     * flexmark cannot render it: no problem in one document stops the build or hides the others' problems.
     */
    public RenderedMarkdown render(ParsedDocument doc, Page page, Diagnostics diagnostics) {
        String body;
        try {
            body = doc.body();
        } catch (Body.ChangedMeanwhile e) {
            diagnostics.error(SourcePosition.of(doc.source().file()), "the file changed while Agora was building the site",
                    "build again (the preview does so by itself after each save)");
            return RenderedMarkdown.empty();
        }
        Optional<MarkdownLimits.Excess> excess = limits.scanLines(body);
        if (excess.isPresent()) {
            MarkdownLimits.Excess e = excess.get();
            diagnostics.error(LIMIT_CODE, SourcePosition.of(doc.source().file(), doc.bodyLineOffset() + e.line()),
                    e.message(), e.hint());
            return RenderedMarkdown.empty();
        }
        try {
            return renderWithinLimits(doc, body, page, diagnostics);
        } catch (StackOverflowError e) {
            // The line scan sees quotes and lists; inline nesting (emphasis in emphasis, images in links)
            // overflows flexmark's parser first. Parsed again with room to spare, the tree tells the line.
            int line = deepestLine(body);
            diagnostics.error(LIMIT_CODE, SourcePosition.of(doc.source().file(), line == 0 ? 0 : doc.bodyLineOffset() + line),
                    line == 0 ? "the document is too intricate for the Markdown renderer (it ran out of stack)"
                            : "elements are nested more than " + limits.maxNesting() + " levels deep here",
                    line == 0 ? "look for very deep nesting or a very wide table, and simplify it"
                            : "nest fewer quotes, lists, emphasis or links inside each other, or raise limits.nesting in site-config.yml");
        } catch (RuntimeException e) {
            diagnostics.error(SourcePosition.of(doc.source().file()), "the Markdown could not be rendered (" + org.agora.diag.Failures.describe(e) + ")",
                    "simplify the part of the document you changed last, and report this to Agora's developers");
        }
        return RenderedMarkdown.empty();
    }

    private static final String LIMIT_CODE = "limit.markdown";
    /** Stack of the one thread that parses a document that overflowed a build thread's: enough for 500,000 levels. */
    private static final long DEEP_STACK_BYTES = 512L << 20;

    /**
     * The 1-based body line of the first element nested past the limit, found by parsing the body on a thread
     * with a large stack (its memory is reserved, and used only as deep as the document goes); 0 when even that
     * overflows.
     */
    private int deepestLine(String body) {
        int[] line = {0};
        Thread t = new Thread(null, () -> {
            try {
                Document ast = parser.parse(ProtectedBody.of(body, ShortcodeRegistry.none()).text());
                limits.tooDeep(ast).ifPresent(n -> line[0] = n.getLineNumber() + 1);
            } catch (StackOverflowError | RuntimeException ignored) {
                // No line, then: the error names the file.
            }
        }, "agora-deep-document", DEEP_STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return line[0];
    }

    private RenderedMarkdown renderWithinLimits(ParsedDocument doc, String body, Page page, Diagnostics diagnostics) {
        ProtectedBody protectedBody = ProtectedBody.of(body, shortcodes);
        reportShortcodes(protectedBody, doc, diagnostics);
        Document ast = parser.parse(protectedBody.text());
        Optional<Node> deep = limits.tooDeep(ast);
        if (deep.isPresent()) {
            diagnostics.error(LIMIT_CODE, SourcePosition.of(doc.source().file(),
                            doc.bodyLineOffset() + protectedBody.sourceLine(deep.get().getLineNumber() + 1)),
                    "elements are nested more than " + limits.maxNesting() + " levels deep here",
                    "nest fewer quotes, lists, emphasis or links inside each other, or raise limits.nesting in site-config.yml");
            return RenderedMarkdown.empty();
        }
        List<LinkRef> collected = new ArrayList<>();
        // Before the links resolve: a Markdown link around a ref goes where the ref says.
        Output[] outputs = protectedBody.render(call -> new Context(doc, page,
                SourcePosition.of(doc.source().file(), doc.bodyLineOffset() + call.line()), diagnostics, collected, site,
                protectedBody.key()));
        DocumentContext ctx = new DocumentContext(doc, page, diagnostics, collected, new IdentityHashMap<>(), protectedBody, outputs);
        ast.set(CONTEXT, ctx);
        boolean rawHtml = false;
        String excerpt = null;
        List<Node> links = new ArrayList<>();
        for (Node n : ast.getDescendants()) {
            if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
                rawHtml = true;
            } else if (n instanceof Link || n instanceof Image || (n instanceof RefNode r && r.isDefined())) {
                links.add(n);
            } else if (excerpt == null && n instanceof Paragraph p && p.getParent() instanceof Document) {
                String text = leadingText(p, EXCERPT_LENGTH * 2).strip();
                text = protectedBody.stripTokens(text).strip();
                if (!text.isEmpty()) excerpt = shorten(text.replaceAll("\\s+", " "));
            }
        }
        // Resolved before rendering, so that a link to another language's page can carry a visible marker.
        for (Node n : links) resolveAndMark(n, ast, ctx);
        String html = protectedBody.uncomment(renderer.render(ast));
        Set<String> ids = new LinkedHashSet<>();
        List<TocEntry> toc = new ArrayList<>();
        for (Node n : ast.getDescendants()) {
            if (n instanceof Heading h && h.getAnchorRefId() != null && !h.getAnchorRefId().isEmpty()) {
                ids.add(h.getAnchorRefId());
                if (h.getLevel() == 2 || h.getLevel() == 3) {
                    toc.add(new TocEntry(h.getLevel(), h.getAnchorRefId(), cut(leadingText(h, TOC_TEXT).strip(), TOC_TEXT)));
                }
            }
        }
        if (!trustRawHtml) {
            // Every document, whatever it holds: nothing in the text decides whether it is cleaned.
            org.jsoup.nodes.Document cleaned = HtmlSanitizer.clean(html);
            if (!protectedBody.isEmpty()) keepTokensOutOfAttributes(cleaned, ctx);
            readAnchors(cleaned, ids);
            html = cleaned.body().html();
        } else if (rawHtml) {
            // Trusted editors' own HTML is kept as written; only its anchors are read.
            org.jsoup.nodes.Document parsed = Jsoup.parseBodyFragment(html);
            readAnchors(parsed, ids);
        }
        if (!protectedBody.isEmpty()) {
            // After cleaning: shortcodes' output is Agora's or the theme's, with every value from content escaped.
            html = protectedBody.replaceTokens(html, outputs);
        }
        return new RenderedMarkdown(html, toc, excerpt == null ? "" : excerpt, ids, ctx.links());
    }

    /** Longest heading text a table of contents shows. */
    private static final int TOC_TEXT = 300;

    /**
     * The text of a block's first inline elements, up to about {@code max} characters: an excerpt or a table
     * of contents needs no more, and flexmark's text collector slows down with the square of a block's size
     * (a paragraph of 45,000 links took 20 seconds).
     */
    private static String leadingText(Node block, int max) {
        StringBuilder text = new StringBuilder();
        for (Node child = block.getFirstChild(); child != null && text.length() < max; child = child.getNext()) {
            // flexmark unescapes a text node in time quadratic in its length: only the part needed is read.
            if (child instanceof com.vladsch.flexmark.ast.Text t && t.getChars().length() > max) {
                text.append(t.getChars().subSequence(0, max).unescape());
            } else {
                text.append(new TextCollectingVisitor().collectAndGetText(child));
            }
        }
        return text.toString();
    }

    private static void readAnchors(org.jsoup.nodes.Document html, Set<String> ids) {
        for (Element e : html.select("[id]")) ids.add(e.id());
        for (Element e : html.select("a[name]")) ids.add(e.attr("name"));
    }

    /**
     * A shortcode written inside an attribute (an image's alt text, a raw link's address) is dropped: the
     * template's HTML would end the attribute and start markup the sanitiser never saw. An address (a ref in
     * {@code <a href>}) is text, and takes its place.
     */
    private static void keepTokensOutOfAttributes(org.jsoup.nodes.Document html, DocumentContext ctx) {
        ProtectedBody body = ctx.shortcodes();
        for (Element e : html.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes().asList()) {
                if (!body.holdsToken(a.getValue())) continue;
                boolean addresses = body.onlyAddresses(a.getValue(), ctx.outputs());
                e.attr(a.getKey(), body.inAttribute(a.getValue(), ctx.outputs()));
                if (!addresses) {
                    ctx.diagnostics().warning(SourcePosition.of(ctx.doc().source().file()),
                            "a shortcode inside an HTML attribute or an image's text is left out",
                            "write the shortcode outside links, images and HTML tags");
                }
            }
        }
    }

    /** Unknown shortcodes once per name and document, at their first use, with how to give them a meaning. */
    private void reportShortcodes(ProtectedBody body, ParsedDocument doc, Diagnostics diagnostics) {
        for (ProtectedBody.Unknown u : body.unknown()) {
            diagnostics.warning("shortcode.unknown", SourcePosition.of(doc.source().file(), doc.bodyLineOffset() + u.line()),
                    "shortcode '" + u.name() + "' is unknown" + (u.uses() > 1 ? " (used " + u.uses() + " times here)" : "")
                            + (u.paired() ? ": its tags are left out and its body is shown as Markdown" : ": it is shown as written"),
                    shortcodes.howToAdd(u.name()));
        }
        for (ProtectedBody.Notice n : body.notices()) {
            diagnostics.warning("shortcode.syntax", SourcePosition.of(doc.source().file(), doc.bodyLineOffset() + n.line()),
                    n.message(), n.hint());
        }
    }

    private void resolveAndMark(Node node, Document ast, DocumentContext ctx) {
        String url;
        boolean image = node instanceof Image || node instanceof ImageRef;
        if (node instanceof Link l) {
            url = l.getUrl().unescape();
        } else if (node instanceof Image i) {
            url = i.getUrl().unescape();
        } else {
            Reference ref = ((RefNode) node).getReferenceNode(ast);
            if (ref == null) return;
            url = ref.getUrl().unescape();
        }
        SourcePosition at = SourcePosition.of(ctx.doc().source().file(), ctx.fileLine(node.getLineNumber()));
        Optional<LinkTargets.Resolution> r = ctx.shortcodes().address(url, ctx.outputs())
                .map(address -> withFragment(address.getKey().link(), address.getValue(), at, ctx))
                .or(() -> targets.resolve(ctx.doc(), ctx.page(), url, at, image, ctx.diagnostics(), ctx.links()));
        if (r.isEmpty()) return;
        ctx.resolved().put(node, r.get());
        if (r.get().fallbackLanguage() != null && !image) {
            String marker = fallbackMarker.apply(ctx.page().language(), r.get().fallbackLanguage());
            node.appendChild(new HtmlInline(BasedSequence.of("<span class=\"fallback-marker\" lang=\""
                    + ctx.page().language() + "\"> ("
                    + Escaping.escapeHtml(marker, false) + ")</span>")));
        }
    }

    /** A ref's target with the "#part" an editor wrote after the shortcode, checked like the ref's own. */
    private static LinkTargets.Resolution withFragment(LinkTargets.Resolution target, String rest, SourcePosition at,
                                                       DocumentContext ctx) {
        if (rest.isEmpty()) return target;
        if (rest.startsWith("#") && target.page() != null) {
            ctx.links().add(new LinkRef(at, target.page().path(), rest.substring(1), target.href() + rest, false));
        }
        return new LinkTargets.Resolution(target.href() + rest, target.fallbackLanguage(), target.page());
    }

    private ResolvedLink resolve(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        DocumentContext ctx = CONTEXT.get(context.getDocument());
        if (ctx == null) return link;
        LinkTargets.Resolution r = ctx.resolved().get(node);
        if (r == null) {
            // Left as written: external links and anchors, unless the decoded URL has a scheme that can run
            // script: "javascript&colon;" or "&#x20;javascript:" pass flexmark's check on the raw text.
            return trustRawHtml || isSafe(link.getUrl()) ? link : link.withUrl("#");
        }
        ResolvedLink resolved = link.withStatus(LinkStatus.VALID).withUrl(r.href());
        if (r.fallbackLanguage() != null) {
            MutableAttributes attributes = resolved.getMutableAttributes();
            attributes.addValue("hreflang", r.fallbackLanguage());
            attributes.addValue("class", "fallback-link");
        }
        return resolved;
    }

    /** A URL without a scheme, or with one that cannot run script or carry a document. */
    public static boolean isSafe(String url) {
        String visible = url.replaceAll("[\\x00-\\x20\\x7f]+", "").toLowerCase(java.util.Locale.ROOT);
        int colon = visible.indexOf(':');
        if (colon < 0) return true;
        String before = visible.substring(0, colon);
        if (before.contains("/") || before.contains("?") || before.contains("#")) return true;
        return before.equals("http") || before.equals("https") || before.equals("mailto") || before.equals("tel")
                || before.equals("ftp");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max).strip() + "…";
    }

    static String shorten(String text) {
        if (text.length() <= EXCERPT_LENGTH) return text;
        int cut = text.lastIndexOf(' ', EXCERPT_LENGTH);
        return text.substring(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH).strip() + "…";
    }
}
