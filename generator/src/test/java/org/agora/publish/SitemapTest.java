package org.agora.publish;

import org.agora.testing.Sitemaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.agora.model.SiteUrls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SitemapTest {

    static final SiteUrls URLS = new SiteUrls("/kb/", URI.create("https://example.org/kb/"));

    @TempDir
    Path temp;

    static List<Sitemap.Url> urls(int n) {
        List<Sitemap.Url> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String loc = "https://example.org/kb/en/p" + i + "/";
            out.add(new Sitemap.Url(loc, i % 2 == 0 ? "2026-04-28T09:00:00+02:00" : null, List.of(
                    new Sitemap.Alternate("en", loc), new Sitemap.Alternate("x-default", loc))));
        }
        return out;
    }

    private Path save(Map<String, byte[]> files) throws IOException {
        for (var e : files.entrySet()) Files.write(temp.resolve(e.getKey()), e.getValue());
        return temp;
    }

    @Test
    void aSmallSiteHasOneSitemapThatValidates() throws IOException {
        Sitemap sitemap = new Sitemap(URLS, 3);
        assertEquals(List.of("sitemap.xml"), sitemap.fileNames(7));
        Path out = save(sitemap.write(urls(7)));
        assertEquals(List.of(), Sitemaps.validateSite(out));
        assertEquals(7, Sitemaps.entries(out).size());
    }

    @Test
    void aLargeSiteIsSplitAndIndexed() throws IOException {
        Sitemap sitemap = Sitemap.withLimit(URLS, 3);
        assertEquals(List.of("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"), sitemap.fileNames(7));
        Map<String, byte[]> files = sitemap.write(urls(7));
        assertEquals(sitemap.fileNames(7), List.copyOf(files.keySet()));
        Path out = save(files);
        String index = Files.readString(out.resolve("sitemap.xml"));
        assertTrue(index.contains("<sitemapindex") && index.contains("<loc>https://example.org/kb/sitemap-3.xml</loc>"), index);
        assertEquals(List.of(), Sitemaps.validateSite(out));
        assertEquals(7, Sitemaps.entries(out).size());
    }

    @Test
    void theSchemasRejectWhatSearchEnginesWould() throws IOException {
        // The validation is strict and complete: these are what a careless writer would produce.
        Map<String, String> bad = Map.of(
                "time without seconds", "<lastmod>2026-04-28T09:00+02:00</lastmod>",
                "unknown xhtml attribute", "<xhtml:link rel=\"alternate\" hreflang=\"en\" lang=\"x y\" href=\"https://example.org/kb/\"/>",
                "element xhtml does not have", "<xhtml:alternate hreflang=\"en\" href=\"https://example.org/kb/\"/>",
                "hreflang that is no language", "<xhtml:link rel=\"alternate\" hreflang=\"en gb\" href=\"https://example.org/kb/\"/>");
        for (var e : bad.entrySet()) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                    + " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n<url><loc>https://example.org/kb/</loc>"
                    + e.getValue() + "</url>\n</urlset>\n";
            Path f = temp.resolve("bad.xml");
            Files.writeString(f, xml, StandardCharsets.UTF_8);
            assertFalse(Sitemaps.validate(f, Sitemaps.urlsetSchema()).isEmpty(), e.getKey());
        }
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotHoldAreDropped() {
        String xml = new String(new Sitemap(URLS, 3).write(List.of(new Sitemap.Url("https://example.org/kb/a&b/\u0001", null, List.of())))
                .get("sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<loc>https://example.org/kb/a&amp;b/</loc>"), xml);
    }
}
