package org.agora.markdown.shortcodes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hugo's shortcodes that embed another site's player or post (youtube, vimeo, gist, x, tweet, instagram)
 * become a plain link to it with a label ("Video on YouTube: ID", in the reader's language when the theme
 * has the string). Nothing loads from the other site, so readers are not tracked and the page keeps working
 * under the strict Content-Security-Policy, which refuses frames and outside scripts.
 */
record LinkCardShortcode(String name, String cssClass, String english, String usage, Function<Call, Target> target)
        implements ShortcodeHandler {

    /** What a call points to: the values its label names, and the address built from them. */
    record Target(Map<String, String> values, String url) {}

    static List<ShortcodeHandler> all() {
        return List.of(
                new LinkCardShortcode("youtube", "video-card", "Video on YouTube: {id}", "{{< youtube ID >}}", c -> single(c,
                        id -> "https://www.youtube.com/watch?v=" + query(id) + (c.arg("start", -1) == null ? "" : "&t=" + query(c.arg("start", -1))))),
                new LinkCardShortcode("vimeo", "video-card", "Video on Vimeo: {id}", "{{< vimeo ID >}}",
                        c -> single(c, id -> "https://vimeo.com/" + segment(id))),
                new LinkCardShortcode("instagram", "link-card", "Post on Instagram: {id}", "{{< instagram ID >}}",
                        c -> single(c, id -> "https://www.instagram.com/p/" + segment(id) + "/")),
                new LinkCardShortcode("gist", "link-card", "Code on GitHub Gist: {user}/{id}", "{{< gist USER ID >}}",
                        LinkCardShortcode::gist),
                new LinkCardShortcode("x", "link-card", "Post on X: {user}/{id}", "{{< x user=\"NAME\" id=\"ID\" >}}",
                        LinkCardShortcode::post),
                new LinkCardShortcode("tweet", "link-card", "Post on X: {user}/{id}", "{{< tweet user=\"NAME\" id=\"ID\" >}}",
                        LinkCardShortcode::post));
    }

    @Override
    public Output render(Call call, Context ctx) {
        Target t = target.apply(call);
        if (t == null) {
            ctx.diagnostics().warning("shortcode.arguments", ctx.at(), name + " needs the address of what it shows",
                    "write " + usage);
            return Output.source(call);
        }
        String title = call.arg("title", -1);
        String label = title != null && !title.isBlank() ? title : ctx.ui("shortcode." + name, t.values(), english);
        String icon = cssClass.equals("video-card") ? "<span class=\"video-card-play\" aria-hidden=\"true\">▶</span> " : "";
        return Output.html("<p class=\"" + cssClass + " link-card-" + name + "\"><a href=\"" + Output.escape(t.url())
                + "\" rel=\"noopener\">" + icon + Output.escape(label) + "</a></p>");
    }

    private static Target single(Call c, Function<String, String> url) {
        String id = c.arg("id", 0);
        return blank(id) ? null : new Target(Map.of("id", id.strip()), url.apply(id.strip()));
    }

    private static Target gist(Call c) {
        String user = c.arg("user", 0);
        String id = c.arg("id", 1);
        if (blank(user) || blank(id)) return null;
        String file = c.arg("file", 2);
        String anchor = blank(file) ? "" : "#file-" + segment(file.strip().replaceAll("[^A-Za-z0-9_-]", "-").toLowerCase(java.util.Locale.ROOT));
        return new Target(Map.of("user", user.strip(), "id", id.strip()),
                "https://gist.github.com/" + segment(user.strip()) + "/" + segment(id.strip()) + anchor);
    }

    /** Hugo 0.111's tweet and the later x: user= and id=; an id alone (the old form) still finds the post. */
    private static Target post(Call c) {
        String user = c.arg("user", -1);
        String id = c.arg("id", c.named().isEmpty() ? c.positional().size() - 1 : -1);
        if (blank(id)) return null;
        if (blank(user)) user = c.positional().size() > 1 ? c.positional().getFirst() : "i";
        return new Target(Map.of("user", user.strip(), "id", id.strip()),
                "https://x.com/" + segment(user.strip()) + "/status/" + segment(id.strip()));
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    private static String query(String value) { return URLEncoder.encode(value, StandardCharsets.UTF_8); }

    private static String segment(String value) { return query(value).replace("+", "%20"); }
}
