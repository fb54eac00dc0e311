package org.agora.site;

import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.markdown.LinkTargets;
import org.agora.markdown.MarkdownLimits;
import org.agora.markdown.MarkdownRenderer;
import org.agora.model.Library;
import org.agora.render.Assets;
import org.agora.render.TemplateRenderer;
import org.agora.render.Theme;
import org.agora.render.ThemeShortcodes;

import java.util.Map;

/**
 * The theme made ready to render: templates compiled once, UI strings, fingerprinted assets and each
 * language's formats. It depends on the theme and configuration only, so the preview keeps it while
 * content changes.
 */
record Rendering(Theme theme, Messages messages, Assets assets, Map<String, LocaleFormats> formats,
                 TemplateRenderer templates) {

    /** Markdown as this library links it: links find their pages, shortcodes use the theme's templates. */
    MarkdownRenderer markdown(Library library) {
        return new MarkdownRenderer(new LinkTargets(library), library.config().trustRawHtml(),
                (pageLang, targetLang) -> messages.t(pageLang, "fallbackMarker",
                        Map.of("language", formats.get(pageLang).languageName(targetLang))),
                new ThemeShortcodes(templates, messages), MarkdownLimits.of(library.config().limits()));
    }
}
