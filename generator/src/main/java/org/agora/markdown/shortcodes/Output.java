package org.agora.markdown.shortcodes;

import com.vladsch.flexmark.util.sequence.Escaping;
import org.agora.markdown.LinkTargets;

/**
 * What a shortcode gives: HTML that Agora vouches for (every value from content in it escaped, or a theme's
 * template), put in place after the document was sanitised.
 * @param html what replaces the shortcode (its opening tag, when it wraps a body)
 * @param closing what replaces its closing tag, for a shortcode that wraps the Markdown between its tags
 * @param link for a shortcode that gives an address (ref, relref): where it leads, so that a Markdown link
 *             written around it goes there, is checked and carries a fallback marker; else null
 */
public record Output(String html, String closing, LinkTargets.Resolution link) {

    public static final Output NOTHING = new Output("", "", null);

    public static Output html(String html) { return new Output(html, "", null); }

    /** Around the Markdown body between the opening and closing tags. */
    public static Output wrapping(String before, String after) { return new Output(before, after, null); }

    public static Output text(String text) { return html(escape(text)); }

    public static Output link(LinkTargets.Resolution target) { return new Output(escape(target.href()), "", target); }

    /** The shortcode shown as it was written, for one that cannot be rendered (its problem was reported). */
    public static Output source(Call call) { return html("<code>" + escape(call.source()) + "</code>"); }

    /** Text for HTML content or a double-quoted attribute. */
    public static String escape(String text) { return Escaping.escapeHtml(text, false); }
}
