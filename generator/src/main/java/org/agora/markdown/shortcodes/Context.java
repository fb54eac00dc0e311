package org.agora.markdown.shortcodes;

import org.agora.content.ParsedDocument;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.i18n.Messages;
import org.agora.markdown.BrokenLinkReport;
import org.agora.markdown.LinkRef;
import org.agora.model.Page;

import java.util.List;
import java.util.Map;

/**
 * What a handler may use while one call renders.
 * @param at the call's file and line, for its problems
 * @param links receives the links inside the site that the call makes, for the link check
 * @param key the random key of the document's shortcode tokens
 */
public record Context(ParsedDocument doc, Page page, SourcePosition at, Diagnostics diagnostics, List<LinkRef> links,
                      ShortcodeSite site, String key) {

    public String language() { return page.language(); }

    /**
     * The theme's UI string {@code key} in the page's language, else {@code english} (a theme need not know
     * Agora's built-in shortcodes); {name} placeholders are filled from {@code args}.
     */
    public String ui(String key, Map<String, ?> args, String english) {
        return site.theme().text(language(), key, args).orElseGet(() -> Messages.fill(english, args));
    }

    /** A link to nothing, at the level the site chose for broken links. */
    public void brokenLink(String code, String message, String hint) {
        BrokenLinkReport.report(code, site.library().config().brokenLinks(), diagnostics, at, message, hint);
    }
}
