package org.agora.markdown.shortcodes;

import org.agora.content.SitePath;
import org.agora.markdown.LinkTargets;
import org.agora.markdown.MarkdownRenderer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shortcode arguments that are addresses (src, link, href, attrlink) resolve and are checked like the
 * destinations of Markdown links: a link to page.md goes to that page in the reader's language, a missing
 * file is reported, and an address that could run script becomes "#" unless the site trusts its editors.
 */
final class LinkArguments {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private LinkArguments() {}

    /** A link's destination as the page should have it. */
    static String link(String written, Context ctx) { return resolve(written, false, ctx); }

    /**
     * An image's address as Hugo finds a figure's: beside the document when such a file is there, else from
     * the site's root ("images/x.png" is the site's images/ folder, not one under each page's URL).
     */
    static String image(String written, Context ctx) { return resolve(imageSource(written, ctx), true, ctx); }

    private static String resolve(String written, boolean image, Context ctx) {
        Optional<LinkTargets.Resolution> r = ctx.site().targets().resolve(ctx.doc(), ctx.page(), written, ctx.at(), image,
                ctx.diagnostics(), ctx.links());
        if (r.isPresent()) return r.get().href();
        return ctx.site().trustRawHtml() || MarkdownRenderer.isSafe(written) ? written : "#";
    }

    static String imageSource(String written, Context ctx) {
        String src = written.strip();
        if (src.isEmpty() || src.startsWith("/") || src.startsWith("#") || src.startsWith("..") || SCHEME.matcher(src).find()) return src;
        Optional<String> rel = SitePath.resolve(ctx.doc().source().relDir(), decode(src.split("[?#]")[0]));
        return rel.isPresent() && ctx.site().staticPaths().contains(rel.get()) ? src : "/" + src;
    }

    private static String decode(String url) {
        try {
            return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
