package org.agora.render;

import org.agora.markdown.ShortcodeTemplates;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shortcodes are the templates shortcodes/NAME.peb, a site's own layouts/shortcodes/ first. */
public final class ThemeShortcodes implements ShortcodeTemplates {

    private final TemplateRenderer templates;
    private final Map<String, Boolean> defined = new ConcurrentHashMap<>();

    public ThemeShortcodes(TemplateRenderer templates) { this.templates = templates; }

    @Override
    public boolean defines(String name) {
        return !name.isEmpty() && defined.computeIfAbsent(name, n -> templates.exists(template(n)));
    }

    @Override
    public String render(String name, Map<String, Object> context) throws Exception {
        try {
            // The place of a paired shortcode's body: Agora's own marker, not content.
            Map<String, Object> own = new java.util.HashMap<>(context);
            if (context.get("inner") instanceof String inner) own.put("inner", Html.of(inner));
            return templates.render(template(name), own);
        } catch (TemplateRenderer.TemplateFailure f) {
            throw new Exception(f.template() + ":" + f.line() + ": " + f.getMessage(), f);
        }
    }

    private static String template(String name) { return "shortcodes/" + name + ".peb"; }
}
