package org.agora.markdown.shortcodes;

import org.agora.content.FrontMatter;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hugo's param: a value of the page's front matter ({@code {{< param "author" >}}}, {@code "location.name"}
 * for a key inside a map), as text. Agora has no site params, so a key the page lacks is a warning, not a
 * look-up in the site's configuration.
 */
final class ParamShortcode {

    private ParamShortcode() {}

    static Output render(Call call, Context ctx) {
        String key = call.arg("name", 0);
        if (key == null || key.isBlank()) {
            ctx.diagnostics().warning("shortcode.arguments", ctx.at(), "param names no front-matter field", "write {{< param \"field\" >}}");
            return Output.NOTHING;
        }
        Object value = lookup(ctx.doc().frontMatter(), key.strip());
        if (value == null) {
            ctx.diagnostics().warning("shortcode.arguments", ctx.at(), "param '" + key + "' is not in this document's front matter",
                    "add " + key + ": to the front matter, or remove the shortcode");
            return Output.NOTHING;
        }
        return Output.text(text(value));
    }

    private static Object lookup(FrontMatter fm, String key) {
        Object value = switch (key) {
            case "title" -> fm.title();
            case "description", "summary" -> fm.summary();
            case "slug" -> fm.slug();
            case "type" -> fm.type();
            case "date" -> fm.date() == null ? null : fm.date().iso();
            default -> null;
        };
        if (value != null) return value;
        if (!fm.terms(key).isEmpty()) return fm.terms(key);
        Object at = fm.params();
        for (String part : key.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) return null;
            at = map.get(part);
            if (at == null) {
                // Hugo reads keys in lower case.
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (String.valueOf(e.getKey()).equalsIgnoreCase(part)) at = e.getValue();
                }
            }
        }
        return at;
    }

    private static String text(Object value) {
        return switch (value) {
            case Collection<?> c -> c.stream().map(ParamShortcode::text).collect(Collectors.joining(", "));
            case Map<?, ?> m -> m.values().stream().map(ParamShortcode::text).collect(Collectors.joining(", "));
            default -> String.valueOf(value);
        };
    }
}
