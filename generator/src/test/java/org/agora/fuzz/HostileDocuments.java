package org.agora.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.agora.fuzz.HostileMix.Family;

import static org.agora.fuzz.HostileInputs.ALERT;
import static org.agora.fuzz.HostileInputs.pick;
import static org.agora.fuzz.YamlText.list;
import static org.agora.fuzz.YamlText.quoted;

/**
 * Turns a valid document into an attack that is still a valid document: payloads in every front-matter
 * field that accepts text and in every Markdown construct, shortcode arguments and bodies, Agora's own
 * private-use markers, and sizes and depths no person writes. With {@code mayBreak} (sites that fail anyway)
 * payloads also go where they make the document wrong: paths that climb out, NUL in names.
 */
final class HostileDocuments {

    private final SitePlan plan;
    private final boolean mayBreak;
    private final HostileMix mix;
    private final List<Family> fragmentFamilies;

    HostileDocuments(SitePlan plan, boolean mayBreak, HostileMix mix) {
        this.plan = plan;
        this.mayBreak = mayBreak;
        this.mix = mix;
        this.fragmentFamilies = mix.families().stream().filter(f -> f != Family.FIELDS).toList();
    }

    void infest(SitePlan.Doc doc, DocumentText d, SplittableRandom r) {
        int fields = mix.has(Family.FIELDS) ? 1 + r.nextInt(3) : 0;
        for (int i = 0; i < fields; i++) field(doc, d, r);
        int fragments = fragmentFamilies.isEmpty() ? 0 : 2 + r.nextInt(5);
        for (int i = 0; i < fragments; i++) {
            String fragment = fragment(doc, d, r);
            // After the first heading, so that the valid links to this document's headings keep working.
            int at = 1 + r.nextInt(d.blocks.size());
            d.blocks.add(at, fragment);
        }
    }

    /** Files the build writes besides pages: a document or alias may claim the same path. */
    static final List<String> GENERATED_PATHS = List.of("/sitemap.xml", "/robots.txt", "/_redirects", "/404.html", "/index.html", "/oai.xml",
            "/agora-search/en.json", "/agora-search/agora-search.js", "/en/feed.xml", "/en/404.html", "/en/library/", "/en/search/",
            "/en/tags/", "/en/library/data.json", "/assets/agora.js", "/en/", "/fr/", "/");

    private void field(SitePlan.Doc doc, DocumentText d, SplittableRandom r) {
        int n = doc.number();
        switch (r.nextInt(15)) {
            case 0 -> put(d, "title", quoted(HostileInputs.any(r)));
            case 1 -> put(d, "summary", quoted(HostileInputs.any(r) + " " + HostileInputs.text(r)));
            case 2 -> put(d, "tags", list(List.of(HostileInputs.any(r), HostileInputs.text(r), HostileInputs.unicode(r))));
            case 3 -> put(d, r.nextBoolean() ? "themes" : "organisations", list(List.of(HostileInputs.any(r))));
            // A type names a template (page-TYPE.peb): a site that must build gets one that can.
            case 4 -> put(d, "type", quoted(mayBreak && r.nextInt(50) == 0 ? "guide\u0000"
                    : mayBreak ? HostileInputs.text(r) : segment(HostileInputs.text(r))));
            case 5 -> put(d, "translationKey", quoted(HostileInputs.any(r) + "-" + n));
            case 6 -> {
                if (d.fields.containsKey("url")) return;
                String slug = mayBreak && r.nextInt(60) == 0 ? "nul\u0000" + n : segment(HostileInputs.any(r)) + "-h" + n;
                put(d, "slug", quoted(slug));
            }
            case 7 -> {
                d.fields.remove("slug");
                String tail = mayBreak && r.nextInt(40) == 0 ? pick(r, List.of("evil.svg", "evil.js", "evil.xml", "feed.xml"))
                        : segment(HostileInputs.any(r)) + "/";
                put(d, "url", quoted("/" + doc.language() + "/h" + n + "/" + tail));
            }
            case 8 -> put(d, "aliases", list(List.of("/" + doc.language() + "/ha" + n + "/" + segment(HostileInputs.any(r)) + "/",
                    "hb" + n + "/" + segment(HostileInputs.text(r)))));
            case 9 -> {
                if (!d.fields.containsKey("event")) return;
                d.fields.put("event", "\n  start: 2026-04-18T09:30:00+02:00\n  location: " + quoted(HostileInputs.any(r)));
                d.notes.add("event.location");
            }
            case 10 -> attachmentWithHostileName(doc, d, r);
            case 11 -> {
                if (!mix.has(Family.MARKERS)) return;
                put(d, r.nextBoolean() ? "title" : "summary", quoted(Words.title(r, doc.language()) + " " + HostileInputs.markerToken(r, r.nextInt(6))));
                if (r.nextBoolean()) put(d, "tags", list(List.of(HostileInputs.marker(r), "t" + HostileInputs.marker(r))));
            }
            case 12 -> {
                if (!mayBreak || r.nextInt(4) > 0) return; // such claims are refused, and the whole site with them
                d.fields.remove("slug");
                if (r.nextBoolean()) put(d, "url", quoted(pick(r, GENERATED_PATHS)));
                else put(d, "aliases", list(List.of(pick(r, GENERATED_PATHS))));
            }
            case 13 -> citationAndTranslation(d, r);
            default -> put(d, "description", quoted(HostileInputs.unicode(r) + HostileInputs.html(r)));
        }
    }

    /**
     * The fields citations and translation notices print into meta tags, COinS, RIS, BibTeX, CSL-JSON, oai.xml and
     * the dashboard: hostile names, a publisher, a DOI whose suffix is markup (a DOI suffix may hold any printable
     * character but space), and a machine translation by someone hostile pinned to some version.
     */
    private void citationAndTranslation(DocumentText d, SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0 -> put(d, "authors", list(List.of(HostileInputs.any(r), HostileInputs.text(r) + ", " + HostileInputs.unicode(r))));
            case 1 -> put(d, "authors", "\n  - { family: " + quoted(HostileInputs.any(r)) + ", given: " + quoted(HostileInputs.text(r))
                    + " }\n  - { name: " + quoted(HostileInputs.html(r)) + " }");
            case 2 -> {
                put(d, "publisher", quoted(HostileInputs.any(r)));
                String suffix = HostileInputs.html(r).replaceAll("[\\s\\p{Cc}]", "");
                put(d, "doi", quoted("10.5281/" + (suffix.isEmpty() ? "x" : suffix)));
            }
            default -> put(d, "translation", "{ method: machine, by: " + quoted(HostileInputs.any(r)) + ", source: \"0123456789ab\" }");
        }
    }

    private static void put(DocumentText d, String field, String value) {
        d.fields.put(field, value);
        d.notes.add(field);
    }

    /** A file whose name is markup, beside the document, offered as an attachment and linked from the text. */
    private void attachmentWithHostileName(SitePlan.Doc doc, DocumentText d, SplittableRandom r) {
        String name = segment(HostileInputs.any(r)) + "-" + doc.number() + pick(r, List.of(".txt", ".pdf", ".csv", ".png"));
        String rel = doc.language() + "/files/" + name;
        d.companions.put(rel, ("attachment " + name).getBytes(StandardCharsets.UTF_8));
        d.fields.put("attachments", "\n  - file: " + quoted("/" + rel) + "\n    title: " + quoted(HostileInputs.any(r)));
        d.blocks.add("Get [the file](" + percentEncoded("/" + rel) + " \"" + HostileInputs.text(r).replace("\"", "&quot;") + "\").");
        d.notes.add("attachment " + rel);
    }

    /** One URL path segment made of the payload: what a file or folder name may hold. */
    String segment(String payload) {
        String s = payload.replace("/", "").replace("\\", "").replace("\u0000", "").replace(":", "").replace(".", "_").strip();
        if (!mayBreak) s = s.replace("..", "").replaceAll("[\\p{Cc}\\p{Cs}]", "");
        while (s.startsWith("#") || s.startsWith("~")) s = s.substring(1);
        // A file name holds at most 255 bytes: 60 characters of four bytes still fit.
        int max = mayBreak ? 120 : 60;
        return s.isEmpty() ? "x" : s.length() > max ? s.substring(0, max) : s;
    }

    static String percentEncoded(String path) {
        StringBuilder s = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' || c == '.') s.append(c);
            else s.append(String.format("%%%02X", b & 0xFF));
        }
        return s.toString();
    }

    private String fragment(SitePlan.Doc doc, DocumentText d, SplittableRandom r) {
        List<SitePlan.Doc> targets = plan.linkable();
        String lang = doc.language();
        Family family = pick(r, fragmentFamilies);
        int kind = r.nextInt(100);
        d.notes.add(family.name().toLowerCase() + " " + kind);
        return switch (family) {
            case RAW_HTML -> kind < 50 ? HostileInputs.html(r)
                    : kind < 75 ? Words.sentence(r, lang) + " " + HostileInputs.html(r) + " " + Words.sentence(r, lang)
                    : kind < 90 ? pick(r, List.of("<!-- " + HostileInputs.html(r) + " -->", "<?php echo 1; ?>", "<!DOCTYPE html>",
                    "<![CDATA[ " + HostileInputs.html(r) + " ]]>", "<!-->" + HostileInputs.html(r), "<!--->" + HostileInputs.html(r) + "<!-- -->"))
                    : pick(r, List.of("&#0; &#xD800; &#1114112; &#x110000; &NotAnEntity; &amp &lt", "&#60;script&#62;" + ALERT,
                    "&lt;img src=x onerror=" + ALERT + "&gt;"));
            case LINKS -> kind < 75 || targets.isEmpty() ? link(r) : docLinkWithPayload(doc, targets, r);
            case SHORTCODES -> shortcode(doc, targets, r);
            case MARKER_GADGETS -> kind < 65 ? markerGadget(r) : innerGadget(r);
            case MARKERS -> kind < 50 ? Words.sentence(r, lang) + " " + HostileInputs.marker(r) + " " + HostileInputs.markerToken(r, r.nextInt(6))
                    : pick(r, List.of("## " + HostileInputs.marker(r), "`" + HostileInputs.marker(r) + "`", "[" + HostileInputs.marker(r) + "](#x)",
                    "{{< figure src=\"x.png\" alt=\"" + HostileInputs.MARKER_OPEN + "0" + HostileInputs.MARKER_CLOSE + "\" caption=\""
                            + HostileInputs.MARKER_INNER + "\" >}}", "<!--" + HostileInputs.MARKER_OPEN));
            case BLOCKS -> kind < 30 ? "#".repeat(1 + r.nextInt(6)) + " " + HostileInputs.any(r)
                    : kind < 65 ? code(r)
                    : kind < 85 ? "| a | " + HostileInputs.html(r).replace("|", "\\|") + " |\n|---|---|\n| " + HostileInputs.any(r).replace("|", "\\|") + " | b |"
                    : "Note[^" + segment(HostileInputs.text(r)) + "].\n\n[^" + segment(HostileInputs.text(r)) + "]: " + HostileInputs.html(r);
            case TEXT -> kind < 40 ? HostileInputs.unicode(r) + " " + Words.sentence(r, lang) + " " + HostileInputs.unicode(r)
                    : kind < 70 ? HostileInputs.text(r) : Words.paragraph(r, lang) + " " + HostileInputs.any(r);
            case STRESS -> Stress.fragment(r, doc, targets, mayBreak);
            case FIELDS -> throw new IllegalStateException("fields are not fragments");
        };
    }

    private static String link(SplittableRandom r) {
        String url = HostileInputs.url(r);
        String label = r.nextBoolean() ? "click" : HostileInputs.text(r);
        return switch (r.nextInt(9)) {
            case 0 -> "[" + label + "](" + url + ")";
            case 1 -> "[" + label + "](<" + url + ">)";
            case 2 -> "[click](" + url.replace(" ", "%20") + " \"" + HostileInputs.text(r).replace("\"", "\\\"") + "\")";
            case 3 -> "![" + label + "](" + url + ")";
            case 4 -> "[click][r" + r.nextInt(5) + "]\n\n[r" + r.nextInt(5) + "]: " + url.replace(" ", "%20") + " '" + HostileInputs.text(r).replace("'", "") + "'";
            case 5 -> "<" + url.replace(" ", "") + ">";
            case 6 -> "Visit www.evil.example/\"onmouseover=\"" + ALERT + "\" or https://example.org/<script>" + ALERT + "</script>";
            case 7 -> "[![img](" + url + ")](" + HostileInputs.url(r) + ")";
            default -> "[a](" + url + ") [b](" + HostileInputs.url(r) + ") [c](" + HostileInputs.url(r) + ")";
        };
    }

    private static String arg(String text) { return text.replace("\\", "\\\\").replace("\"", "\\\""); }

    private String shortcode(SitePlan.Doc doc, List<SitePlan.Doc> targets, SplittableRandom r) {
        String image = SitePlan.link(doc, pick(r, plan.images.get(doc.language())), r);
        Function<SplittableRandom, String> payload = HostileInputs::any;
        return switch (r.nextInt(14)) {
            case 0 -> "{{< figure src=\"" + arg(HostileInputs.url(r)) + "\" alt=\"" + arg(payload.apply(r)) + "\" >}}";
            case 1 -> "{{< figure src=\"" + image + "\" alt=\"" + arg(payload.apply(r)) + "\" caption=\"" + arg(payload.apply(r))
                    + "\" title=\"" + arg(payload.apply(r)) + "\" link=\"" + arg(HostileInputs.url(r)) + "\" width=\""
                    + arg(" onerror=" + ALERT + " ") + "\" height=`" + HostileInputs.text(r).replace("`", "") + "` >}}";
            case 2 -> "{{% notice " + pick(r, List.of("\"warning onmouseover=" + ALERT + "\"", "`<script>`", "x\" onclick=\"y", "tip"))
                    + " %}}\n" + HostileInputs.html(r) + "\n\n" + link(r) + "\n{{% /notice %}}";
            case 3 -> "{{% callout type=\"" + arg(payload.apply(r)) + "\" title=\"" + arg(payload.apply(r)) + "\" %}}\n"
                    + HostileInputs.html(r) + "\n{{% /callout %}}";
            case 4 -> "{{< youtube " + pick(r, List.of("\"x\\\" onload=\\\"" + ALERT + "\"", "id=\"<script>\" title=\"" + arg(payload.apply(r)) + "\"",
                    "`javascript:" + ALERT + "`", "x&y=<z>")) + " >}}";
            case 5 -> targets.isEmpty() ? "{{< card \"missing.md\" >}}"
                    : "{{< card \"" + SitePlan.link(doc, pick(r, targets).relPath(), r) + "#" + arg(HostileInputs.text(r)) + "\" >}}";
            case 6 -> targets.isEmpty() ? "" : "[ref](" + "{{< ref \"/" + pick(r, targets).relPath() + "#" + arg(segment(HostileInputs.text(r))) + "\" >}})";
            case 7 -> "{{< " + pick(r, List.of("vimeo", "gist", "tweet", "highlight", "x.y-z", "..", "param")) + " \"" + arg(payload.apply(r)) + "\" >}}";
            case 8 -> "{{% callout %}}\nnever closed " + HostileInputs.html(r);
            case 9 -> "{{</* figure src=\"javascript:" + ALERT + "\" */>}} and {{%/* notice */%}}";
            case 10 -> "{{% notice tip %}}\n{{% callout type=\"x\" %}}\n{{< figure src=\"" + image + "\" alt=\"" + arg(payload.apply(r))
                    + "\" >}}\n{{% /notice %}}\n{{% /callout %}}";
            case 11 -> "Inline {{< youtube id=\"a\" >}} and {{< figure src=\"" + image + "\" alt=\"x\" >}} in a sentence with "
                    + HostileInputs.html(r);
            case 12 -> "{{% /notice %}} closing without opening {{< /figure >}}";
            default -> "{{< figure src=\"" + image + "\" alt=\"" + arg(payload.apply(r)) + "\" >}} {{< figure src=\"" + image
                    + "\" alt=\"" + arg(payload.apply(r)) + "\" caption=\"" + arg(payload.apply(r)) + "\" >}}";
        };
    }

    /**
     * Agora replaces "\uE000n\uE001" in the rendered HTML by the n-th shortcode's HTML, after cleaning: written
     * by an editor inside an attribute, it could put the theme's markup where only text belongs.
     */
    private static String markerGadget(SplittableRandom r) {
        String shortcode = pick(r, List.of(
                "{{% callout type=\"a onmouseover=" + ALERT + " b\" title=\"t\" %}}inner{{% /callout %}}",
                "{{% notice \"warning onfocus=" + ALERT + " autofocus tabindex=0\" %}}inner{{% /notice %}}",
                "{{< figure src=\"x.png\" alt=\"a onerror=" + ALERT + " b\" >}}",
                "{{< youtube id=\"a onmouseover=" + ALERT + " b\" >}}"));
        // Number 0 is the shortcode above or below: every document with this gadget has at least that one.
        String token = HostileInputs.markerToken(r, 0);
        String sink = pick(r, List.of(
                "<span title=\"" + token + "\">t</span>",
                "<img src=\"x.png\" alt=\"" + token + "\">",
                "<a href=\"" + token + "\">l</a>",
                "<abbr title='" + token + "'>a</abbr>",
                "<div class=\"" + token + "\" id=\"" + token + "\">d</div>",
                "[l](" + token + ")",
                "![" + token + "](x.png)",
                "`" + token + "`",
                "text " + token + " text",
                "<!--" + token + "-->",
                "## " + token));
        return r.nextBoolean() ? shortcode + "\n\n" + sink : sink + "\n\n" + shortcode;
    }

    /**
     * "\uE002" marks where a paired shortcode's inner Markdown goes; in an argument it cuts the template's
     * output short, possibly inside an attribute that the next quote in the page then closes.
     */
    private static String innerGadget(SplittableRandom r) {
        return pick(r, List.of(
                "{{< figure src=\"x.png\" alt=\"a" + HostileInputs.MARKER_INNER + "\" >}}",
                "{{% callout title=\"t" + HostileInputs.MARKER_INNER + "\" %}}inner{{% /callout %}}",
                "{{< youtube id=\"v" + HostileInputs.MARKER_INNER + "\" >}}"))
                + "\n\n" + pick(r, List.of(
                "<span title=\" onmouseover=" + ALERT + " x=\">t</span>",
                "[l](https://example.org/ \" onmouseover=" + ALERT + " x=\")",
                "<abbr title=' onfocus=" + ALERT + " autofocus x='>a</abbr>"));
    }

    private static String code(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> "`" + HostileInputs.html(r).replace("`", "") + "`";
            case 1 -> "```" + pick(r, List.of("\" onmouseover=\"" + ALERT, "js><script>" + ALERT + "</script>", "x' onclick='y"))
                    + "\n" + HostileInputs.html(r) + "\n```";
            case 2 -> "    " + HostileInputs.html(r) + "\n    " + HostileInputs.text(r);
            default -> "~~~\n{{< figure src=\"javascript:" + ALERT + "\" >}}\n" + HostileInputs.html(r) + "\n~~~";
        };
    }

    private String docLinkWithPayload(SitePlan.Doc doc, List<SitePlan.Doc> targets, SplittableRandom r) {
        String to = SitePlan.link(doc, pick(r, targets).relPath(), r);
        return pick(r, List.of(
                "[x](" + to + "#" + segment(HostileInputs.text(r)).replace(" ", "%20") + ")",
                "[x](" + to + "?q=" + HostileInputs.percentEncodedPayload(r) + ")",
                "[" + HostileInputs.html(r) + "](" + to + ")",
                "[x](" + to + " \"" + HostileInputs.text(r).replace("\"", "\\\"") + "\")"));
    }
}
