package org.agora.markdown.shortcodes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * A shortcode that is a Pebble template of the site (layouts/shortcodes/NAME.peb) or of the theme
 * (templates/shortcodes/NAME.peb). The template receives {@code args} (named), {@code params} (positional),
 * {@code inner} and {@code lang}; Pebble escapes what it prints unless told {@code raw}, and {@code raw}
 * sanitises content. {@code inner} follows Hugo: for {{% %}} the body rendered as Markdown with the document,
 * for {{< >}} the body as written (sanitised if printed raw while the site does not trust its editors).
 */
final class TemplateShortcode implements ShortcodeHandler {

    private final String name;
    private final ShortcodeTheme theme;
    /** Values a template of this name needs that only Agora can compute (a card's document), or null. */
    private final BiFunction<Call, Context, Map<String, Object>> extra;

    TemplateShortcode(String name, ShortcodeTheme theme, BiFunction<Call, Context, Map<String, Object>> extra) {
        this.name = name;
        this.theme = theme;
        this.extra = extra;
    }

    @Override
    public String name() { return name; }

    @Override
    public boolean takesBodyAsText(Call.Form form) { return form == Call.Form.RAW; }

    @Override
    public Output render(Call call, Context ctx) {
        Map<String, String> args = new TreeMap<>(call.named());
        for (String key : List.of("src", "link", "href")) {
            String v = args.get(key);
            if (v != null) args.put(key, key.equals("src") ? LinkArguments.image(v, ctx) : LinkArguments.link(v, ctx));
        }
        Map<String, Object> context = new HashMap<>();
        if (extra != null) {
            Map<String, Object> more = extra.apply(call, ctx);
            if (more == null) return Output.source(call);
            context.putAll(more);
        }
        // Where the Markdown body goes in the output.
        InnerMarker marker = call.paired() && call.inner() == null ? InnerMarker.of(ctx) : null;
        context.put("args", args);
        context.put("params", call.positional());
        context.put("inner", marker != null ? marker : call.inner() == null ? "" : call.inner());
        context.put("lang", ctx.language());
        try {
            String html = theme.render(name, context).strip();
            if (marker == null) return Output.html(html);
            int cut = html.indexOf(marker.marker());
            return cut < 0 ? Output.html(html) : Output.wrapping(html.substring(0, cut), html.substring(cut + marker.marker().length()));
        } catch (Exception e) {
            ctx.diagnostics().error(ctx.at(), "shortcode '" + name + "' failed: " + e.getMessage(),
                    "check its arguments, or the template shortcodes/" + name + ".peb");
            return Output.source(call);
        }
    }
}
