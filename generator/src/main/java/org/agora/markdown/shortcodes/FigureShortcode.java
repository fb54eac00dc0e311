package org.agora.markdown.shortcodes;

/**
 * Hugo's figure: an image with its link, title, caption and attribution. {@code src}, {@code link} and
 * {@code attrlink} resolve like Markdown links ({@link LinkArguments}); without alt the caption describes the
 * image, and without both it is a warning, since readers who cannot see it get nothing.
 */
final class FigureShortcode {

    private FigureShortcode() {}

    static Output render(Call call, Context ctx) {
        String src = call.argOrEmpty("src", 0);
        String alt = call.argOrEmpty("alt", -1);
        String caption = call.argOrEmpty("caption", -1);
        String title = call.argOrEmpty("title", -1);
        String link = call.argOrEmpty("link", -1);
        String attr = call.argOrEmpty("attr", -1);
        String attrLink = call.argOrEmpty("attrlink", -1);
        if (alt.isBlank() && caption.isBlank()) {
            ctx.diagnostics().warning("image.missing-alt", ctx.at(), "figure '" + src + "' has no alt text",
                    "add alt=\"what the image shows\" for readers who cannot see it");
        }
        StringBuilder html = new StringBuilder("<figure class=\"figure");
        String classes = call.argOrEmpty("class", -1).replaceAll("[^A-Za-z0-9_ -]", "").strip();
        if (!classes.isEmpty()) html.append(' ').append(classes);
        html.append("\">");
        if (!link.isBlank()) {
            html.append("<a href=\"").append(Output.escape(LinkArguments.link(link, ctx))).append('"');
            attribute(html, "target", call.argOrEmpty("target", -1));
            attribute(html, "rel", call.argOrEmpty("rel", -1));
            html.append('>');
        }
        html.append("<img src=\"").append(Output.escape(src.isBlank() ? "" : LinkArguments.image(src, ctx))).append('"');
        html.append(" alt=\"").append(Output.escape(alt.isBlank() ? caption : alt)).append('"');
        attribute(html, "width", call.argOrEmpty("width", -1));
        attribute(html, "height", call.argOrEmpty("height", -1));
        html.append(" loading=\"lazy\">");
        if (!link.isBlank()) html.append("</a>");
        if (!title.isBlank() || !caption.isBlank() || !attr.isBlank()) {
            html.append("<figcaption>");
            if (!title.isBlank()) html.append("<strong>").append(Output.escape(title)).append("</strong>").append(caption.isBlank() ? "" : " ");
            html.append(Output.escape(caption));
            if (!attr.isBlank()) {
                html.append(caption.isBlank() ? "" : " ").append("<span class=\"figure-attribution\">");
                if (!attrLink.isBlank()) html.append("<a href=\"").append(Output.escape(LinkArguments.link(attrLink, ctx))).append("\">");
                html.append(Output.escape(attr));
                if (!attrLink.isBlank()) html.append("</a>");
                html.append("</span>");
            }
            html.append("</figcaption>");
        }
        return Output.html(html.append("</figure>").toString());
    }

    private static void attribute(StringBuilder html, String name, String value) {
        if (!value.isBlank()) html.append(' ').append(name).append("=\"").append(Output.escape(value)).append('"');
    }
}
