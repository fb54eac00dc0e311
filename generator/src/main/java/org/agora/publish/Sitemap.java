package org.agora.publish;

import org.agora.content.PageDate;
import org.agora.model.SiteUrls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sitemap.xml (sitemaps.org 0.9) with the hreflang alternates of every page as xhtml:link elements, as
 * search engines read them. A sitemap file may list 50,000 URLs and weigh 50 MB; the alternates make each
 * URL weigh more with every language, so a large site is split into sitemap-1.xml, sitemap-2.xml... listed
 * by sitemap.xml as a sitemap index.
 */
public final class Sitemap {

    public static final String FILE = "sitemap.xml";
    private static final int MAX_URLS = 50_000;

    /** @param href an absolute URL */
    public record Alternate(String hreflang, String href) {}

    /** @param lastmod W3C Datetime, or null when the page has no date */
    public record Url(String loc, String lastmod, List<Alternate> alternates) {}

    private final SiteUrls urls;
    private final int urlsPerFile;

    /** @param languages how many languages the site has: each adds a line to every URL */
    public Sitemap(SiteUrls urls, int languages) {
        // A URL with its alternates takes about 250 bytes per line: this keeps files far below 50 MB.
        this(Math.min(MAX_URLS, 100_000 / (languages + 2)), urls);
    }

    private Sitemap(int urlsPerFile, SiteUrls urls) {
        this.urls = urls;
        this.urlsPerFile = urlsPerFile;
    }

    /** A sitemap that splits after {@code urlsPerFile} URLs, so that tests can see an index without 50,000 pages. */
    static Sitemap withLimit(SiteUrls urls, int urlsPerFile) { return new Sitemap(urlsPerFile, urls); }

    /** When a page last changed, as a sitemap writes it (W3C Datetime): the later of its two dates, or null. */
    public static String lastmod(PageDate date, PageDate lastmod) {
        PageDate latest = Timestamps.latest(date, lastmod);
        return latest == null ? null : Timestamps.w3c(latest);
    }

    /** The files a sitemap of this many URLs takes, the first being sitemap.xml. */
    public List<String> fileNames(int urlCount) {
        if (urlCount <= urlsPerFile) return List.of(FILE);
        List<String> out = new ArrayList<>();
        out.add(FILE);
        for (int n = 1; n <= parts(urlCount); n++) out.add(partName(n));
        return out;
    }

    /** File name → content, in the order of {@link #fileNames}. */
    public Map<String, byte[]> write(List<Url> list) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (list.size() <= urlsPerFile) {
            out.put(FILE, urlset(list));
            return out;
        }
        StringBuilder index = new StringBuilder();
        index.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        index.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int n = 1; n <= parts(list.size()); n++) {
            List<Url> slice = list.subList((n - 1) * urlsPerFile, Math.min(list.size(), n * urlsPerFile));
            parts.put(partName(n), urlset(slice));
            index.append("  <sitemap>\n    <loc>").append(Xml.escape(urls.absolute("/" + partName(n))))
                    .append("</loc>\n  </sitemap>\n");
        }
        index.append("</sitemapindex>\n");
        out.put(FILE, index.toString().getBytes(StandardCharsets.UTF_8));
        out.putAll(parts);
        return out;
    }

    private byte[] urlset(List<Url> list) {
        StringBuilder x = new StringBuilder(256 * list.size() + 256);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (Url u : list) {
            x.append("  <url>\n    <loc>").append(Xml.escape(u.loc())).append("</loc>\n");
            if (u.lastmod() != null) x.append("    <lastmod>").append(Xml.escape(u.lastmod())).append("</lastmod>\n");
            for (Alternate a : u.alternates()) {
                x.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(Xml.escape(a.hreflang()))
                        .append("\" href=\"").append(Xml.escape(a.href())).append("\"/>\n");
            }
            x.append("  </url>\n");
        }
        x.append("</urlset>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private int parts(int urlCount) { return (urlCount + urlsPerFile - 1) / urlsPerFile; }

    private static String partName(int n) { return "sitemap-" + n + ".xml"; }
}
