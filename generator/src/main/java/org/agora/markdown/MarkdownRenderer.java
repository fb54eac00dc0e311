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
import org.agora.content.ParsedDocument;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
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

    /** What the link resolver needs while one document renders. */
    private record DocumentContext(ParsedDocument doc, Page page, Diagnostics diagnostics, List<LinkRef> links,
                                   Map<Node, LinkTargets.Resolution> resolved) {}

    /** Links whose scheme could run script or smuggle content (javascript:, data:, vbscript:...) render as text. */
    private static final String UNSAFE_LINKS = "(?is)\\s*(?!(?:https?|mailto|tel|ftp):)[a-z][a-z0-9+.-]*:.*";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final LinkTargets targets;
    private final boolean trustRawHtml;
    private final BiFunction<String, String, String> fallbackMarker;
    private final Shortcodes shortcodes = new Shortcodes();
    private final ShortcodeTemplates templates;
    private final MarkdownLimits limits;
    private static final MarkdownLimits DEFAULT_LIMITS = MarkdownLimits.of(org.agora.config.Limits.DEFAULTS);

    /**
     * @param fallbackMarker (page language, target language) to the words that mark a link to another
     *                       language's page, such as "in English"
     */
    public MarkdownRenderer(LinkTargets targets, boolean trustRawHtml, BiFunction<String, String, String> fallbackMarker) {
        this(targets, trustRawHtml, fallbackMarker, ShortcodeTemplates.NONE);
    }

    public MarkdownRenderer(LinkTargets targets, boolean trustRawHtml, BiFunction<String, String, String> fallbackMarker,
                            ShortcodeTemplates templates) {
        this(targets, trustRawHtml, fallbackMarker, templates, DEFAULT_LIMITS);
    }

    public MarkdownRenderer(LinkTargets targets, boolean trustRawHtml, BiFunction<String, String, String> fallbackMarker,
                            ShortcodeTemplates templates, MarkdownLimits limits) {
        this.limits = limits;
        this.templates = templates;
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
        }).build();
    }

    /**
     * The document's body as HTML, or an empty body after an error naming the file when it is past a limit or
     * flexmark cannot render it: no problem in one document stops the build or hides the others' problems.
     */
    public RenderedMarkdown render(ParsedDocument doc, Page page, Diagnostics diagnostics) {
        Optional<MarkdownLimits.Excess> excess = limits.scanLines(doc.body());
        if (excess.isPresent()) {
            MarkdownLimits.Excess e = excess.get();
            diagnostics.error(LIMIT_CODE, SourcePosition.of(doc.source().file(), doc.bodyLineOffset() + e.line()),
                    e.message(), e.hint());
            return RenderedMarkdown.empty();
        }
        try {
            return renderWithinLimits(doc, page, diagnostics);
        } catch (StackOverflowError e) {
            // The line scan sees quotes and lists; inline nesting (emphasis in emphasis, images in links)
            // overflows flexmark's parser first. Parsed again with room to spare, the tree tells the line.
            int line = deepestLine(doc);
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
    private int deepestLine(ParsedDocument doc) {
        int[] line = {0};
        Thread t = new Thread(null, () -> {
            try {
                Document ast = parser.parse(shortcodes.protect(doc.body()).body());
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

    private RenderedMarkdown renderWithinLimits(ParsedDocument doc, Page page, Diagnostics diagnostics) {
        Shortcodes.Result protectedBody = shortcodes.protect(doc.body(), templates::defines,
                (path, line) -> targets.refDestination(doc, path));
        for (Shortcodes.Found s : protectedBody.found()) {
            diagnostics.warning("shortcode.unknown", SourcePosition.of(doc.source().file(), doc.bodyLineOffset() + s.line()),
                    "shortcode '" + s.name() + "' is not defined by the theme; it is shown as its source text",
                    "remove it, or write plain Markdown instead");
        }
        Document ast = parser.parse(protectedBody.body());
        Optional<Node> deep = limits.tooDeep(ast);
        if (deep.isPresent()) {
            diagnostics.error(LIMIT_CODE, SourcePosition.of(doc.source().file(),
                            doc.bodyLineOffset() + deep.get().getLineNumber() + 1),
                    "elements are nested more than " + limits.maxNesting() + " levels deep here",
                    "nest fewer quotes, lists, emphasis or links inside each other, or raise limits.nesting in site-config.yml");
            return RenderedMarkdown.empty();
        }
        DocumentContext ctx = new DocumentContext(doc, page, diagnostics, new ArrayList<>(), new IdentityHashMap<>());
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
                text = Shortcodes.stripTokens(text, protectedBody).strip();
                if (!text.isEmpty()) excerpt = shorten(text.replaceAll("\\s+", " "));
            }
        }
        // Resolved before rendering, so that a link to another language's page can carry a visible marker.
        for (Node n : links) resolveAndMark(n, ast, ctx);
        String html = Shortcodes.uncomment(renderer.render(ast), protectedBody);
        List<Shortcodes.Call> calls = protectedBody.calls();
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
            if (!calls.isEmpty()) keepTokensOutOfAttributes(cleaned, protectedBody, ctx);
            readAnchors(cleaned, ids);
            html = cleaned.body().html();
        } else if (rawHtml) {
            // Trusted editors' own HTML is kept as written; only its anchors are read.
            org.jsoup.nodes.Document parsed = Jsoup.parseBodyFragment(html);
            readAnchors(parsed, ids);
        }
        if (!calls.isEmpty()) {
            // After cleaning: the templates' output is the theme's, and its arguments were escaped by Pebble.
            String[] shortcodeHtml = renderShortcodes(calls, protectedBody, ctx);
            html = Shortcodes.replaceTokens(html, protectedBody, i -> shortcodeHtml[i]);
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
     * template's HTML would end the attribute and start markup the sanitiser never saw.
     */
    private static void keepTokensOutOfAttributes(org.jsoup.nodes.Document html, Shortcodes.Result body,
                                                  DocumentContext ctx) {
        for (Element e : html.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes().asList()) {
                if (Shortcodes.holdsToken(a.getValue(), body)) {
                    e.attr(a.getKey(), Shortcodes.stripTokens(a.getValue(), body));
                    ctx.diagnostics().warning(SourcePosition.of(ctx.doc().source().file()),
                            "a shortcode inside an HTML attribute or an image's text is left out",
                            "write the shortcode outside links, images and HTML tags");
                }
            }
        }
    }

    /**
     * Marks where a paired shortcode's inner content goes in its template's output. It carries the body's
     * random key: an argument that holds the marker character cannot cut the template's output elsewhere.
     */
    private static String innerMarker(Shortcodes.Result body) { return "\uE002" + body.key() + "\uE002"; }

    private String[] renderShortcodes(List<Shortcodes.Call> calls, Shortcodes.Result body, DocumentContext ctx) {
        String inner = innerMarker(body);
        String[] out = new String[calls.size()];
        String[] closing = new String[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            Shortcodes.Call call = calls.get(i);
            SourcePosition at = SourcePosition.of(ctx.doc().source().file(), ctx.doc().bodyLineOffset() + call.line());
            if (call.literal() != null) {
                out[i] = Escaping.escapeHtml(call.literal(), false);
                continue;
            }
            if (call.opens() >= 0) {
                out[i] = closing[call.opens()] == null ? "" : closing[call.opens()];
                continue;
            }
            Map<String, String> args = new java.util.TreeMap<>(call.named());
            // Arguments that are addresses resolve and are checked like the destinations of Markdown links.
            for (String key : List.of("src", "link", "href")) {
                String v = args.get(key);
                if (v == null) continue;
                if (key.equals("src") && call.name().equals("figure")) v = targets.figureSource(ctx.doc(), v);
                Optional<LinkTargets.Resolution> r = targets.resolve(ctx.doc(), ctx.page(), v, at, key.equals("src"),
                        ctx.diagnostics(), ctx.links());
                if (r.isPresent()) args.put(key, r.get().href());
                else if (!trustRawHtml && !isSafe(v)) args.put(key, "#");
            }
            if (call.name().equals("figure") && blank(args.get("alt")) && blank(args.get("caption"))) {
                ctx.diagnostics().warning("image.missing-alt", at, "figure '" + call.named().getOrDefault("src", "") + "' has no alt text",
                        "add alt=\"what the image shows\" for readers who cannot see it");
            }
            Map<String, Object> context = new java.util.HashMap<>();
            if (call.name().equals("card")) {
                // A document card: the resource's title, summary and type, in the reader's language when it exists.
                String path = call.arg("path", 0);
                Optional<LinkTargets.Resolution> r = path == null ? Optional.empty() : targets.resolve(ctx.doc(), ctx.page(),
                        targets.refDestination(ctx.doc(), path), at, false, ctx.diagnostics(), ctx.links());
                if (r.isEmpty() || r.get().page() == null) {
                    if (path == null) ctx.diagnostics().warning(at, "card has no document to show", "write {{< card \"path/to/document.md\" >}}");
                    out[i] = "<code>" + Escaping.escapeHtml(call.source(), false) + "</code>";
                    continue;
                }
                Page target = r.get().page();
                Map<String, String> card = new java.util.TreeMap<>();
                card.put("href", r.get().href());
                card.put("title", target.title() == null ? "" : target.title());
                card.put("summary", target.summary() == null ? "" : target.summary());
                card.put("type", target.type() == null ? "" : target.type());
                card.put("lang", r.get().fallbackLanguage() == null ? "" : r.get().fallbackLanguage());
                card.put("fallbackMarker", r.get().fallbackLanguage() == null ? ""
                        : fallbackMarker.apply(ctx.page().language(), r.get().fallbackLanguage()));
                context.put("card", card);
            }
            context.put("args", args);
            context.put("params", call.positional());
            context.put("inner", call.paired() ? inner : "");
            context.put("lang", ctx.page().language());
            try {
                String html = templates.render(call.name(), context).strip();
                int cut = html.indexOf(inner);
                out[i] = cut < 0 ? html : html.substring(0, cut);
                closing[i] = cut < 0 ? "" : html.substring(cut + inner.length());
            } catch (Exception e) {
                ctx.diagnostics().error(at, "shortcode '" + call.name() + "' failed: " + e.getMessage(),
                        "check its arguments, or the template shortcodes/" + call.name() + ".peb");
                out[i] = "<code>" + Escaping.escapeHtml(call.source(), false) + "</code>";
            }
        }
        return out;
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

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
        int line = ctx.doc().bodyLineOffset() + node.getLineNumber() + 1;
        SourcePosition at = SourcePosition.of(ctx.doc().source().file(), line);
        Optional<LinkTargets.Resolution> r = targets.resolve(ctx.doc(), ctx.page(), url, at, image, ctx.diagnostics(), ctx.links());
        if (r.isEmpty()) return;
        ctx.resolved().put(node, r.get());
        if (r.get().fallbackLanguage() != null && !image) {
            String marker = fallbackMarker.apply(ctx.page().language(), r.get().fallbackLanguage());
            node.appendChild(new HtmlInline(BasedSequence.of("<span class=\"fallback-marker\" lang=\""
                    + ctx.page().language() + "\"> ("
                    + Escaping.escapeHtml(marker, false) + ")</span>")));
        }
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
    static boolean isSafe(String url) {
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
