package org.agora.testing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import javax.xml.validation.Schema;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A built site's sitemap read back: validated against the sitemaps.org schemas plus W3C's XHTML 1.0 Strict
 * schema for the xhtml:link elements (as Google advises), with no network (imports resolve to the copies in
 * src/test/resources/schemas), and compared with what the pages themselves declare.
 */
public final class Sitemaps {

    /** The one import the schemas make (xhtml1-strict.xsd imports the xml: namespace's schema). */
    private static final Map<String, String> LOCAL = Map.of("http://www.w3.org/2001/xml.xsd", "xml.xsd");

    /** One URL of the sitemap: @param alternates hreflang → href, x-default included */
    public record Entry(String loc, String lastmod, Map<String, String> alternates) {}

    private Sitemaps() {}

    /** Schema for sitemap files (urlset) with xhtml:link alternates. */
    public static Schema urlsetSchema() { return schema("sitemap.xsd", "xhtml1-strict.xsd"); }

    /** Schema for a sitemap index (sitemapindex). */
    public static Schema indexSchema() { return schema("siteindex.xsd"); }

    private static Schema schema(String... files) { return LocalSchemas.schema(LOCAL, files); }

    /** Every schema error of one file ("sitemap.xml:12:7: ..."), or none. */
    public static List<String> validate(Path file, Schema schema) { return LocalSchemas.errors(file, schema); }

    /** The site's sitemap files: sitemap.xml, and the parts it lists when it is an index. */
    public static List<Path> files(Path out) {
        Path main = out.resolve("sitemap.xml");
        org.w3c.dom.Document doc = parse(main);
        if (!doc.getDocumentElement().getLocalName().equals("sitemapindex")) return List.of(main);
        List<Path> out2 = new ArrayList<>(List.of(main));
        var locs = doc.getElementsByTagNameNS("*", "loc");
        for (int i = 0; i < locs.getLength(); i++) {
            String loc = locs.item(i).getTextContent().strip();
            out2.add(out.resolve(loc.substring(loc.lastIndexOf('/') + 1)));
        }
        return out2;
    }

    /** Every schema error of every sitemap file of a built site. */
    public static List<String> validateSite(Path out) {
        List<String> errors = new ArrayList<>();
        for (Path f : files(out)) {
            boolean index = parse(f).getDocumentElement().getLocalName().equals("sitemapindex");
            errors.addAll(validate(f, index ? indexSchema() : urlsetSchema()));
        }
        return errors;
    }

    /** The URLs of every urlset file of the site, by loc. */
    public static Map<String, Entry> entries(Path out) {
        Map<String, Entry> entries = new TreeMap<>();
        for (Path f : files(out)) {
            org.w3c.dom.Document doc = parse(f);
            var urls = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
            for (int i = 0; i < urls.getLength(); i++) {
                org.w3c.dom.Element url = (org.w3c.dom.Element) urls.item(i);
                String loc = text(url, "loc");
                Map<String, String> alternates = new TreeMap<>();
                var links = url.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
                for (int j = 0; j < links.getLength(); j++) {
                    org.w3c.dom.Element l = (org.w3c.dom.Element) links.item(j);
                    if (alternates.put(l.getAttribute("hreflang"), l.getAttribute("href")) != null) {
                        throw new AssertionError("hreflang " + l.getAttribute("hreflang") + " twice for " + loc);
                    }
                }
                if (entries.put(loc, new Entry(loc, text(url, "lastmod"), alternates)) != null) {
                    throw new AssertionError(loc + " is listed twice");
                }
            }
        }
        return entries;
    }

    /** What a page's head declares: hreflang → href of its link rel=alternate elements. */
    public static Map<String, String> declaredAlternates(Document page) {
        Map<String, String> out = new TreeMap<>();
        for (Element l : page.select("head link[rel=alternate][hreflang]")) out.put(l.attr("hreflang"), l.attr("href"));
        return out;
    }

    /**
     * Problems, one line each: a page the sitemap lists whose head declares other alternates, a listed URL
     * that is no page, and a page a reader can land on that the sitemap leaves out.
     */
    public static List<String> mismatches(OutputSite site, Path out) {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> entries = entries(out);
        java.util.Set<String> listedPages = new java.util.TreeSet<>();
        for (Entry e : entries.values()) {
            Optional<String> page = site.pageFor(e.loc());
            if (page.isEmpty()) {
                problems.add(e.loc() + ": listed, but no page of the output");
                continue;
            }
            listedPages.add(page.get());
            Map<String, String> declared = declaredAlternates(site.page(page.get()));
            if (!declared.equals(e.alternates())) {
                problems.add(e.loc() + ": sitemap " + e.alternates() + " but the page declares " + declared);
            }
        }
        site.pages().forEach((rel, doc) -> {
            boolean landing = !rel.equals("index.html") && !rel.endsWith("404.html")
                    && doc.selectFirst("meta[http-equiv=refresh]") == null && !rel.matches("(.*/)?page/\\d+(/index)?\\.html");
            if (landing && !listedPages.contains(rel)) problems.add(rel + ": a page the sitemap does not list");
        });
        return problems;
    }

    private static String text(org.w3c.dom.Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private static org.w3c.dom.Document parse(Path file) { return LocalSchemas.parse(file); }
}
