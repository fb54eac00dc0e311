package org.agora.markdown.shortcodes;

/**
 * Hugo's highlight: the body is code, shown escaped in {@code <pre><code class="language-go">} as a fenced
 * block is, so the theme's CSS styles both alike. Options such as "linenos=table" are accepted and left
 * out: no maintained Java library highlights the many languages Hugo's Chroma knows without a script in
 * the page, and the strict Content-Security-Policy runs none of the site's own.
 */
final class HighlightShortcode implements ShortcodeHandler {

    @Override
    public String name() { return "highlight"; }

    @Override
    public boolean takesBodyAsText(Call.Form form) { return true; }

    @Override
    public Output render(Call call, Context ctx) {
        if (call.inner() == null) {
            ctx.diagnostics().warning("shortcode.arguments", ctx.at(), "highlight has no closing {{< /highlight >}}, so no code to show",
                    "write {{< highlight go >}}, the code, then {{< /highlight >}} on a line of its own");
            return Output.source(call);
        }
        String language = call.argOrEmpty("lang", 0).replaceAll("[^A-Za-z0-9_+#.-]", "");
        String code = call.inner().replaceAll("^[\r\n]+|[\r\n]+$", "");
        String classes = language.isEmpty() ? "" : " class=\"language-" + language + "\"";
        // Within a sentence, a code span: a block there would break the paragraph in two.
        if (!call.inner().contains("\n")) return Output.html("<code" + classes + ">" + Output.escape(code) + "</code>");
        return Output.html("<pre><code" + classes + ">" + Output.escape(code) + "\n</code></pre>");
    }
}
