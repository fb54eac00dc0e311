package org.agora.render;

import org.agora.i18n.Messages;
import org.agora.markdown.shortcodes.InnerMarker;
import org.agora.markdown.shortcodes.ShortcodeTheme;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shortcodes are the templates shortcodes/NAME.peb, a site's own layouts/shortcodes/ first; Agora's own
 * shortcodes take their labels from the theme's UI strings.
 */
public final class ThemeShortcodes implements ShortcodeTheme {

    private final TemplateRenderer templates;
    private final Messages messages;
    private final Map<String, Boolean> defined = new ConcurrentHashMap<>();

    public ThemeShortcodes(TemplateRenderer templates, Messages messages) {
        this.templates = templates;
        this.messages = messages;
    }

    @Override
    public boolean defines(String name) {
        return !name.isEmpty() && defined.computeIfAbsent(name, n -> templates.exists(template(n)));
    }

    @Override
    public String render(String name, Map<String, Object> context) throws Exception {
        try {
            // The place of a paired shortcode's body: Agora's own marker, not content.
            Map<String, Object> own = new java.util.HashMap<>(context);
            if (context.get("inner") instanceof InnerMarker marker) own.put("inner", Html.of(marker.marker()));
            return templates.render(template(name), own);
        } catch (TemplateRenderer.TemplateFailure f) {
            throw new Exception(f.template() + ":" + f.line() + ": " + f.getMessage(), f);
        }
    }

    @Override
    public Optional<String> text(String language, String key, Map<String, ?> args) {
        return messages.has(language, key) ? Optional.of(messages.t(language, key, args)) : Optional.empty();
    }

    /** A site that came from Hugo keeps its Go templates in layouts/shortcodes/NAME.html. */
    @Override
    public Optional<String> hugoTemplate(String name) {
        String hugo = "shortcodes/" + name + ".html";
        return templates.locate(hugo).map(p -> "layouts/" + hugo);
    }

    private static String template(String name) { return "shortcodes/" + name + ".peb"; }
}
