package org.agora.markdown.shortcodes;

import org.agora.model.Page;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the theme's card shortcode shows of a document ({@code {{< card "resources/x.md" >}}}): its title,
 * summary and type in the reader's language, or a marked fallback's. The path is found as a ref's is.
 */
final class DocumentCard {

    private DocumentCard() {}

    /** The template's {@code card} value, or null (reported) when the path names no document. */
    static Map<String, Object> of(Call call, Context ctx) {
        String path = call.arg("path", 0);
        if (path == null || path.isBlank()) {
            ctx.diagnostics().warning("shortcode.arguments", ctx.at(), "card has no document to show", "write {{< card \"path/to/document.md\" >}}");
            return null;
        }
        String withoutFragment = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
        RefResolver.Result found = ctx.site().refs().resolve(ctx.doc().source(), withoutFragment, ctx.language(), null);
        if (found instanceof RefResolver.Result.Missing missing) {
            ctx.brokenLink("link.missing-file", missing.message().replaceFirst("^ref ", "card "), missing.hint());
            return null;
        }
        Page target = ((RefResolver.Result.Found) found).page();
        String fallback = target.language().equals(ctx.language()) ? null : target.language();
        Map<String, String> card = new TreeMap<>();
        card.put("href", ctx.site().urls().href(target.path()));
        card.put("title", target.title() == null ? "" : target.title());
        card.put("summary", target.summary() == null ? "" : target.summary());
        card.put("type", target.type() == null ? "" : target.type());
        card.put("lang", fallback == null ? "" : fallback);
        card.put("fallbackMarker", fallback == null ? "" : ctx.site().fallbackMarker().apply(ctx.language(), fallback));
        ctx.links().add(new org.agora.markdown.LinkRef(ctx.at(), target.path(), null, path, false));
        return Map.of("card", card);
    }
}
