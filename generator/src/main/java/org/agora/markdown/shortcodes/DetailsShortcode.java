package org.agora.markdown.shortcodes;

import java.util.Map;

/**
 * Hugo's details: a disclosure box, {@code <details><summary>}, around the body rendered as Markdown with
 * the rest of the document (whichever of {{% %}} and {{< >}} it was written with, as Hugo renders it).
 */
final class DetailsShortcode {

    private DetailsShortcode() {}

    static Output render(Call call, Context ctx) {
        String summary = call.arg("summary", 0);
        if (summary == null || summary.isBlank()) summary = ctx.ui("shortcode.details", Map.of(), "Details");
        String open = call.argOrEmpty("open", -1).strip();
        boolean isOpen = open.equalsIgnoreCase("true") || open.equalsIgnoreCase("open");
        String classes = call.argOrEmpty("class", -1).replaceAll("[^A-Za-z0-9_ -]", "").strip();
        String before = "<details class=\"details" + (classes.isEmpty() ? "" : " " + classes) + "\"" + (isOpen ? " open" : "")
                + "><summary>" + Output.escape(summary) + "</summary>";
        return call.paired() ? Output.wrapping(before, "</details>") : Output.html(before + "</details>");
    }
}
