package org.agora.markdown.shortcodes;

import org.agora.markdown.LinkRef;
import org.agora.markdown.LinkTargets;
import org.agora.model.Page;

/**
 * {@code ref} and {@code relref}: the address of a page, for a Markdown link written around it
 * ({@code [charts]({{< ref "/docs/topics/charts.md" >}})}) or as text. {@code ref} gives an absolute URL
 * (on the base URL's host), {@code relref} one from the site root, as in Hugo; both carry the base path, go
 * to the page in the reader's language (or a fallback's, marked) unless {@code lang=} names one, and are
 * checked like any link. A ref to no page is a broken link, at the level the site chose.
 */
final class RefShortcode implements ShortcodeHandler {

    private final String name;
    private final boolean absolute;

    private RefShortcode(String name, boolean absolute) {
        this.name = name;
        this.absolute = absolute;
    }

    static RefShortcode ref() { return new RefShortcode("ref", true); }

    static RefShortcode relref() { return new RefShortcode("relref", false); }

    @Override
    public String name() { return name; }

    @Override
    public Output render(Call call, Context ctx) {
        String written = call.arg("path", 0);
        if (written == null || written.isBlank()) {
            ctx.brokenLink("link.missing-file", name + " names no page", "write {{< " + name + " \"path/to/page.md\" >}}");
            return Output.link(new LinkTargets.Resolution("#", null));
        }
        String lang = call.arg("lang", -1);
        String path = written.strip();
        String fragment = null;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        if (path.isEmpty() && lang == null) {
            // "#part": a heading of this very page.
            ctx.links().add(new LinkRef(ctx.at(), ctx.page().path(), fragment, written, false));
            return Output.link(new LinkTargets.Resolution(href(ctx.page(), ctx) + "#" + fragment, null));
        }
        if (lang != null && !ctx.site().library().config().hasLanguage(lang)) {
            ctx.brokenLink("link.missing-file", name + " '" + written + "' asks for language '" + lang + "', which the site does not have",
                    "use one of " + String.join(", ", ctx.site().library().config().languageCodes()));
            return Output.link(new LinkTargets.Resolution("#", null));
        }
        RefResolver.Result found = ctx.site().refs().resolve(ctx.doc().source(), path.isEmpty() ? ctx.doc().source().pathKey() : path,
                ctx.language(), lang);
        if (found instanceof RefResolver.Result.Missing missing) {
            ctx.brokenLink("link.missing-file", missing.message(), missing.hint());
            return Output.link(new LinkTargets.Resolution("#", null));
        }
        Page target = ((RefResolver.Result.Found) found).page();
        ctx.links().add(new LinkRef(ctx.at(), target.path(), fragment, written, false));
        String fallback = target.language().equals(ctx.language()) ? null : target.language();
        return Output.link(new LinkTargets.Resolution(href(target, ctx) + (fragment == null ? "" : "#" + fragment), fallback, target));
    }

    private String href(Page target, Context ctx) {
        return absolute ? ctx.site().urls().absolute(target.path()) : ctx.site().urls().href(target.path());
    }
}
