package org.agora.fuzz;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What in a page can run code, load a document or send the reader's data elsewhere: scripts, event handlers,
 * script-capable URLs, frames, objects, base, forms, refreshes and style. A theme has a fixed set of these;
 * content must add none, whatever an editor writes.
 */
final class ActiveContent {

    /**
     * One active thing, described so that the same thing on two pages is the same item.
     * @param kind "script", "handler", "url", "element" ...
     * @param value what identifies it: a script's absolute src or its text, a handler's name and code, a URL
     * @param html the element as found, to show in a report
     */
    record Item(String kind, String value, String html) {
        String key() { return kind + " " + value; }
    }

    /** @param problems JSON-LD that is not JSON or not where the theme puts it: data that became something else */
    record Scan(List<Item> items, List<String> problems, int jsonLdScripts) {}

    /** Attributes whose value a browser follows or loads as a URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href", "data",
            "poster", "background", "cite", "codebase", "dynsrc", "lowsrc", "longdesc", "manifest", "icon", "ping",
            "to", "from", "values", "by", "srcset", "imagesrcset");
    /** Elements that load or embed documents, change every link, send data, or bring their own style. */
    private static final Set<String> ACTIVE_ELEMENTS = Set.of("iframe", "frame", "frameset", "object", "embed", "applet",
            "portal", "base", "form", "style");
    private static final Set<String> ACTIVE_LINK_RELS = Set.of("stylesheet", "import", "preload", "modulepreload",
            "prefetch", "prerender", "manifest", "serviceworker");
    /** data: images are pictures; any other data: URL is a document or a script. */
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|gif|jpe?g|webp|avif|bmp)[;,].*", Pattern.DOTALL);
    private static final Pattern RUNNING_SCHEME = Pattern.compile("(javascript|vbscript|livescript|mocha|data):.*", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ActiveContent() {}

    static Scan ofHtml(String html, String pageUrl) {
        return scan(Jsoup.parse(html, pageUrl), true);
    }

    /** An SVG file is XML; browsers run its scripts and handlers when it is opened as a document. */
    static Scan ofSvg(String xml, String fileUrl) {
        return scan(Jsoup.parse(xml, fileUrl, Parser.xmlParser()), false);
    }

    private static Scan scan(Document doc, boolean html) {
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int jsonLd = 0;
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script")) {
                if (isJsonLd(e) && html && e.parents().stream().anyMatch(p -> p.normalName().equals("head"))) {
                    // Data, not code: it must stay JSON, or its text was able to close the element and start another.
                    jsonLd++;
                    String text = e.data();
                    try {
                        JSON.readTree(text);
                    } catch (Exception notJson) {
                        problems.add("JSON-LD is not JSON (" + firstLine(notJson.getMessage()) + "): " + cut(e.outerHtml()));
                    }
                } else if (!e.attr("src").isEmpty()) {
                    items.add(new Item("script", "src=" + e.absUrl("src") + typeOf(e), cut(e.outerHtml())));
                } else {
                    items.add(new Item("script", "inline" + typeOf(e) + ": " + e.data().strip(), cut(e.outerHtml())));
                }
            } else if (html && ACTIVE_ELEMENTS.contains(tag)) {
                items.add(new Item("element", tag + describeElement(e), cut(e.outerHtml())));
            } else if (tag.equals("link") && relIsActive(e.attr("rel"))) {
                items.add(new Item("element", "link rel=" + e.attr("rel").toLowerCase(Locale.ROOT) + " href=" + e.absUrl("href"),
                        cut(e.outerHtml())));
            } else if (tag.equals("meta") && e.attr("http-equiv").strip().equalsIgnoreCase("refresh")) {
                items.add(new Item("element", "meta refresh to " + refreshTarget(e.attr("content"), doc.location()), cut(e.outerHtml())));
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue();
                if (name.startsWith("on")) {
                    items.add(new Item("handler", name + "=" + value, cut(e.outerHtml())));
                } else if (name.equals("srcdoc")) {
                    items.add(new Item("url", "srcdoc=" + value, cut(e.outerHtml())));
                } else if (URL_ATTRIBUTES.contains(name) && runsScript(value, name, tag)) {
                    items.add(new Item("url", tag + " " + name + "=" + visible(value), cut(e.outerHtml())));
                } else if (name.equals("style") && (visible(value).contains("javascript:") || visible(value).contains("expression("))) {
                    items.add(new Item("url", "style=" + value, cut(e.outerHtml())));
                }
            }
        }
        return new Scan(items, problems, jsonLd);
    }

    private static boolean isJsonLd(Element script) {
        return script.attr("type").strip().equalsIgnoreCase("application/ld+json") && script.attr("src").isEmpty();
    }

    private static String typeOf(Element script) {
        String type = script.attr("type").strip();
        return type.isEmpty() ? "" : " type=" + type;
    }

    private static String describeElement(Element e) {
        StringBuilder s = new StringBuilder();
        for (String a : List.of("src", "data", "href", "action", "method", "target", "http-equiv")) {
            if (e.hasAttr(a)) s.append(' ').append(a).append('=').append(a.equals("method") ? e.attr(a) : e.absUrl(a).isEmpty() ? e.attr(a) : e.absUrl(a));
        }
        if (e.normalName().equals("style")) s.append(": ").append(e.data().strip());
        return s.toString();
    }

    private static boolean relIsActive(String rel) {
        for (String r : rel.toLowerCase(Locale.ROOT).split("\\s+")) if (ACTIVE_LINK_RELS.contains(r)) return true;
        return false;
    }

    /** A refresh to a page of the same site is the generator's redirect of an alias; anywhere else is content's doing. */
    private static String refreshTarget(String content, String pageUrl) {
        String c = content.strip();
        int url = c.toLowerCase(Locale.ROOT).indexOf("url=");
        if (url < 0) return "itself";
        String target = c.substring(url + 4).strip().replaceAll("^['\"]|['\"]$", "");
        String v = visible(target);
        if (v.startsWith("//")) return target;
        if (!v.matches("^[a-z][a-z0-9+.-]*:.*")) return "a page of the site";
        try {
            URI resolved = URI.create(target);
            URI page = URI.create(pageUrl);
            String scheme = resolved.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && java.util.Objects.equals(resolved.getHost(), page.getHost())) {
                return "a page of the site";
            }
            return resolved.toString();
        } catch (IllegalArgumentException e) {
            return target;
        }
    }

    /** What a browser sees of a URL: entities are already decoded by the parser; it skips controls and spaces. */
    private static String visible(String value) {
        return value.replaceAll("[\\x00-\\x20\\x7f]+", "").toLowerCase(Locale.ROOT);
    }

    private static boolean runsScript(String value, String attribute, String tag) {
        for (String part : attribute.equals("values") ? value.split(";") : attribute.contains("srcset") ? value.split(",") : new String[] {value}) {
            String v = visible(part);
            if (!RUNNING_SCHEME.matcher(v).matches()) continue;
            if (v.startsWith("data:") && DATA_IMAGE.matcher(v).matches() && (attribute.equals("src") || attribute.contains("srcset"))
                    && (tag.equals("img") || tag.equals("source"))) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String cut(String s) { return cut(s, 400); }

    static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max) + "…"; }
}
