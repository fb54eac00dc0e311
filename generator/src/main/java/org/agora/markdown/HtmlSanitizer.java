package org.agora.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one sanitiser for HTML that comes from content, when the site does not trust its editors: Markdown's
 * output, shortcode bodies, and any text from front matter or data files that a template prints raw. What
 * Markdown can produce passes; nothing that runs does: no script, no event handler, no javascript: or data:
 * address, no style, no form, frame or plugin. Which HTML is cleaned is never decided by anything in the
 * content itself: with {@code trustRawHtml: false} everything is.
 */
public final class HtmlSanitizer {

    /** Relative links survive cleaning only when they resolve against some base; this one is never output. */
    private static final String BASE = "https://agora.invalid/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("section", "sup", "sub", "del", "s", "ins", "mark", "hr", "figure", "figcaption", "abbr",
                    "details", "summary", "kbd", "samp", "var", "small", "input", "span", "div", "nav")
            .addAttributes(":all", "id", "class", "title", "lang", "dir")
            .addAttributes("a", "hreflang", "rel")
            .addAttributes("input", "type", "checked")
            .addAttributes("details", "open")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "tel")
            // Task lists' boxes are the only inputs Markdown makes: never a field a reader can type into.
            .addEnforcedAttribute("input", "type", "checkbox")
            .addEnforcedAttribute("input", "disabled", "disabled")
            // a wide table scrolls in its own box on phones: reachable by keyboard, raw HTML tables too
            .addEnforcedAttribute("table", "tabindex", "0")
            .preserveRelativeLinks(true);

    private HtmlSanitizer() {}

    /** The fragment parsed and cleaned, as a document whose body holds what is left. */
    public static Document clean(String html) {
        Document cleaned = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html, BASE));
        cleaned.outputSettings().prettyPrint(false);
        return cleaned;
    }

    /** The fragment cleaned, as HTML. */
    public static String cleanFragment(String html) {
        return clean(html).body().html();
    }
}
