package org.agora.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agora.testing.OutputSite;
import org.agora.testing.Sitemaps;
import org.agora.testing.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.agora.testing.TestSite.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds, sitemap, robots.txt, Open Graph and JSON-LD of a small site written for the purpose: 56 English
 * news items (more than a feed holds), a translated guide with two authors, an event, a report with a PDF,
 * an undated page, a document with a hostile title, and no Dutch documents at all.
 */
class DiscoveryTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String HOSTILE = "</script><script>alert(1)</script> & \"x\" <!--";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path out;
    static BuildResult result;
    static OutputSite site;

    @BeforeAll
    static void build() throws IOException {
        Path dir = temp.resolve("site");
        write(dir, "site-config.yml", """
                title: { en: "Test library", fr: "Bibliothèque test", nl: "Testbibliotheek" }
                description: { en: "A library for tests.", fr: "Une bibliothèque pour les tests.", nl: "Een bibliotheek voor tests." }
                baseURL: https://example.org/lib/
                """ + TestSite.TRILINGUAL + """
                fallback:
                  fr: [en]
                  nl: [en]
                """);
        write(dir, "content/en/news/_index.md", "---\ntitle: News\n---\n");
        for (int i = 1; i <= 55; i++) {
            write(dir, "content/en/news/item-%02d.md".formatted(i), "---\ntitle: News %02d\ndate: %s\n---\nBody of item %d.\n"
                    .formatted(i, LocalDate.of(2025, 1, 1).plusDays(3L * i), i));
        }
        write(dir, "content/en/news/hostile.md", "---\ntitle: '" + HOSTILE.replace("'", "''") + "'\ndate: 2027-01-01\n---\nHostile.\n");
        write(dir, "content/en/guides/guide.md", """
                ---
                title: Guide
                date: 2026-02-01
                lastmod: 2026-06-01
                summary: How to do it.
                tags: [maps, training]
                author: [Ana Diallo, Bo Peeters]
                ---
                Steps.
                """);
        write(dir, "content/fr/guides/guide.md", "---\ntitle: Guide FR\ndate: 2026-03-01T10:30:00+01:00\ntags: [maps]\n---\nÉtapes.\n");
        write(dir, "content/en/about.md", "---\ntitle: About\n---\nNo date here.\n");
        write(dir, "content/en/events/party.md", """
                ---
                title: Party
                date: 2026-04-01
                tags: [maps]
                event: { start: 2026-05-01T18:00:00+02:00, end: 2026-05-01T23:00:00+02:00, location: "Hall, Ghent" }
                ---
                Come.
                """);
        write(dir, "content/en/resources/report.md", """
                ---
                title: Report
                date: 2026-05-01
                attachments:
                  - file: /files/report.pdf
                    title: "Report (PDF)"
                ---
                Read it.
                """);
        write(dir, "content/files/report.pdf", "%PDF-1.4 not really\n");
        write(dir, "static/robots.txt", "User-agent: *\nDisallow: /lib/private/\n");
        out = temp.resolve("out");
        result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, out, false));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        site = new OutputSite(out, "/lib/");
    }

    @Test
    void everyPageLinksOnlyToFilesThatExist() {
        assertEquals(List.of(), site.brokenLinks());
    }

    @Test
    void theLanguageFeedHoldsTheNewestFiftyOfItsOwnDocuments() throws Exception {
        org.w3c.dom.Document feed = xml("en/feed.xml");
        assertEquals(ATOM, feed.getDocumentElement().getNamespaceURI());
        assertEquals("feed", feed.getDocumentElement().getLocalName());
        assertEquals("en", feed.getDocumentElement().getAttribute("xml:lang"));
        assertEquals("What's new – Test library", child(feed.getDocumentElement(), "title"));
        assertEquals("https://example.org/lib/en/feed.xml", child(feed.getDocumentElement(), "id"));
        List<org.w3c.dom.Element> entries = entries(feed);
        assertEquals(50, entries.size());
        List<OffsetDateTime> published = entries.stream().map(e -> OffsetDateTime.parse(child(e, "published"))).toList();
        for (int i = 1; i < published.size(); i++) assertFalse(published.get(i).isAfter(published.get(i - 1)), "newest first");
        assertEquals(HOSTILE, child(entries.getFirst(), "title"), "the newest, its title as text");
        // The feed changed when its newest entry did: the latest updated time of its entries, never the build's clock.
        OffsetDateTime newest = entries.stream().map(e -> OffsetDateTime.parse(child(e, "updated"))).max(OffsetDateTime::compareTo).orElseThrow();
        assertEquals(newest, OffsetDateTime.parse(child(feed.getDocumentElement(), "updated")));
        List<String> titles = entries.stream().map(e -> child(e, "title")).toList();
        assertFalse(titles.contains("About"), "an undated page is not news");
        assertFalse(titles.contains("News 01"), "the oldest items fall out of a full feed");
        assertTrue(titles.contains("Guide") && titles.contains("Party") && titles.contains("Report"), titles.toString());
    }

    @Test
    void everyEntryHasWhatAtomRequires() throws Exception {
        for (String rel : List.of("en/feed.xml", "fr/feed.xml", "en/types/news/feed.xml", "en/types/events/feed.xml",
                "en/tags/maps/feed.xml", "fr/tags/maps/feed.xml")) {
            org.w3c.dom.Document feed = xml(rel);
            org.w3c.dom.Element root = feed.getDocumentElement();
            for (String required : List.of("id", "title", "updated")) assertEquals(1, children(root, required).size(), rel + " " + required);
            assertFalse(children(root, "author").isEmpty(), rel + ": a feed author, as entries may have none");
            Set<String> ids = new HashSet<>();
            for (org.w3c.dom.Element e : entries(feed)) {
                for (String required : List.of("id", "title", "updated", "published")) {
                    assertEquals(1, children(e, required).size(), rel + " entry " + required);
                }
                assertTrue(ids.add(child(e, "id")), rel + ": ids are unique");
                assertTrue(child(e, "id").startsWith("https://example.org/lib/"), "ids are absolute URLs");
                org.w3c.dom.Element link = children(e, "link").getFirst();
                assertEquals("alternate", link.getAttribute("rel"));
                assertEquals(child(e, "id"), link.getAttribute("href"));
                assertTrue(site.pageFor(link.getAttribute("href")).isPresent(), link.getAttribute("href"));
                OffsetDateTime.parse(child(e, "updated"));   // RFC 3339, seconds and offset included
            }
        }
    }

    @Test
    void feedsAreLocalisedAndNeverCarryFallbacks() throws Exception {
        org.w3c.dom.Document fr = xml("fr/feed.xml");
        assertEquals("Nouveautés – Bibliothèque test", child(fr.getDocumentElement(), "title"));
        List<org.w3c.dom.Element> entries = entries(fr);
        assertEquals(1, entries.size(), "French readers see English fallbacks in lists, but the feed is French only");
        assertEquals("Guide FR", child(entries.getFirst(), "title"));
        assertEquals("2026-03-01T10:30:00+01:00", child(entries.getFirst(), "published"), "the offset the editor wrote");
        assertEquals("Guides pratiques – Bibliothèque test", child(xml("fr/types/guides/feed.xml").getDocumentElement(), "title"));
        assertEquals("News – Test library", child(xml("en/types/news/feed.xml").getDocumentElement(), "title"));
        assertEquals("Events – Test library", child(xml("en/types/events/feed.xml").getDocumentElement(), "title"));
        assertFalse(Files.exists(out.resolve("fr/types/news/feed.xml")), "no French news: no French news feed");
        assertFalse(Files.exists(out.resolve("nl/feed.xml")), "no Dutch documents: no Dutch feed");
    }

    @Test
    void aReaderCanFollowOneTermInTheirLanguage() throws Exception {
        org.w3c.dom.Document en = xml("en/tags/maps/feed.xml");
        assertEquals(List.of("Party", "Guide"), entries(en).stream().map(e -> child(e, "title")).toList(), "newest first");
        assertEquals("https://example.org/lib/en/tags/maps/", children(en.getDocumentElement(), "link").stream()
                .filter(l -> l.getAttribute("rel").equals("alternate")).findFirst().orElseThrow().getAttribute("href"),
                "the feed opens on the term's page");
        org.w3c.dom.Document fr = xml("fr/tags/maps/feed.xml");
        assertEquals(List.of("Guide FR"), entries(fr).stream().map(e -> child(e, "title")).toList(),
                "the French term page lists English fallbacks, its feed does not");
        assertTrue(child(fr.getDocumentElement(), "title").endsWith(" – Bibliothèque test"), child(fr.getDocumentElement(), "title"));
        List<String> announced = site.page("en/tags/maps/index.html").select("head link[type=application/atom+xml]").stream()
                .map(e -> e.attr("href")).toList();
        assertEquals(List.of("/lib/en/feed.xml", "/lib/en/tags/maps/feed.xml"), announced);
        assertTrue(Files.exists(out.resolve("en/tags/training/feed.xml")));
        assertFalse(Files.exists(out.resolve("fr/tags/training/feed.xml")), "no French document has it: no French feed");
        assertNull(site.page("fr/tags/training/index.html").selectFirst("head link[href$=/tags/training/feed.xml]"));
    }

    @Test
    void entriesNameTheirAuthorsOrTheSite() throws Exception {
        for (org.w3c.dom.Element e : entries(xml("en/types/guides/feed.xml"))) {
            List<String> names = children(e, "author").stream().map(a -> child(a, "name")).toList();
            assertEquals(List.of("Ana Diallo", "Bo Peeters"), names);
            assertEquals("2026-06-01T00:00:00Z", child(e, "updated"), "lastmod");
            assertEquals("How to do it.", child(e, "summary"));
        }
        org.w3c.dom.Element party = entries(xml("en/types/events/feed.xml")).getFirst();
        assertEquals(List.of("Test library"), children(party, "author").stream().map(a -> child(a, "name")).toList());
        assertEquals("Come.", child(party, "summary"), "the first lines when there is no summary");
    }

    @Test
    void pagesAnnounceTheirLanguageFeedAndSectionsTheirTypeFeed() {
        Document news = site.page("en/news/index.html");
        List<String> feeds = news.select("head link[rel=alternate][type=application/atom+xml]").stream().map(e -> e.attr("href")).toList();
        assertEquals(List.of("/lib/en/feed.xml", "/lib/en/types/news/feed.xml"), feeds);
        assertEquals("News – Test library", news.selectFirst("head link[href=/lib/en/types/news/feed.xml]").attr("title"));
        Document guide = site.page("en/guides/guide/index.html");
        assertEquals(List.of("/lib/en/feed.xml"),
                guide.select("head link[type=application/atom+xml]").stream().map(e -> e.attr("href")).toList());
        assertEquals("Nouveautés – Bibliothèque test",
                site.page("fr/guides/guide/index.html").selectFirst("head link[type=application/atom+xml]").attr("title"));
        site.pages().forEach((rel, doc) -> {
            if (rel.startsWith("nl/")) assertNull(doc.selectFirst("link[type=application/atom+xml]"), rel + ": no Dutch feed to announce");
        });
    }

    @Test
    void openGraphDescribesThePageAndItsTranslations() {
        Document guide = site.page("en/guides/guide/index.html");
        assertEquals("article", og(guide, "og:type"));
        assertEquals("Guide", og(guide, "og:title"));
        assertEquals("How to do it.", og(guide, "og:description"));
        assertEquals("https://example.org/lib/en/guides/guide/", og(guide, "og:url"));
        assertEquals(guide.selectFirst("link[rel=canonical]").attr("href"), og(guide, "og:url"));
        assertEquals("Test library", og(guide, "og:site_name"));
        assertEquals("en_GB", og(guide, "og:locale"));
        assertEquals(List.of("fr_BE"), guide.select("meta[property=og:locale:alternate]").stream().map(e -> e.attr("content")).toList());
        Document news = site.page("en/news/index.html");
        assertEquals("website", og(news, "og:type"));
        assertEquals("A library for tests.", og(news, "og:description"), "the site's description when the page has none");
        assertNull(site.page("en/404.html").selectFirst("meta[property=og:type]"), "a 404 page is not shared");
    }

    @Test
    void jsonLdDescribesEachKindOfPage() throws IOException {
        JsonNode guide = jsonLd("en/guides/guide/index.html");
        assertEquals("https://schema.org", guide.get("@context").asText());
        assertEquals("Article", guide.get("@type").asText());
        assertEquals("Guide", guide.get("headline").asText());
        assertEquals("en", guide.get("inLanguage").asText());
        assertEquals("https://example.org/lib/en/guides/guide/", guide.get("url").asText());
        assertEquals("2026-02-01", guide.get("datePublished").asText());
        assertEquals("2026-06-01", guide.get("dateModified").asText());
        assertEquals("Ana Diallo", guide.get("author").get(0).get("name").asText());
        assertEquals("Person", guide.get("author").get(0).get("@type").asText());
        assertEquals("Test library", guide.get("publisher").get("name").asText());

        JsonNode party = jsonLd("en/events/party/index.html");
        assertEquals("Event", party.get("@type").asText());
        assertEquals("Party", party.get("name").asText());
        assertEquals("2026-05-01T18:00+02:00", party.get("startDate").asText());
        assertEquals("2026-05-01T23:00+02:00", party.get("endDate").asText());
        assertEquals("Place", party.get("location").get("@type").asText());
        assertEquals("Hall, Ghent", party.get("location").get("name").asText());
        assertEquals("Test library", party.get("organizer").get("name").asText());

        JsonNode report = jsonLd("en/resources/report/index.html");
        assertEquals("CreativeWork", report.get("@type").asText());
        JsonNode pdf = report.get("associatedMedia").get(0);
        assertEquals("https://example.org/lib/files/report.pdf", pdf.get("contentUrl").asText());
        assertEquals("application/pdf", pdf.get("encodingFormat").asText());
        assertEquals("Report (PDF)", pdf.get("name").asText());

        assertEquals("WebSite", jsonLd("en/index.html").get("@type").asText());
        assertEquals("CollectionPage", jsonLd("en/news/index.html").get("@type").asText());
        assertNull(site.page("en/search/index.html").selectFirst("script[type=application/ld+json]"));
    }

    @Test
    void aHostileTitleCannotCloseTheScriptElement() throws IOException {
        Path file = site.fileFor("/lib/en/news/hostile/").orElseThrow();
        String html = Files.readString(file, StandardCharsets.UTF_8);
        int start = html.indexOf("<script type=\"application/ld+json\">");
        int end = html.indexOf("</script>", start);
        String json = html.substring(start + "<script type=\"application/ld+json\">".length(), end);
        assertFalse(json.contains("<"), json);
        assertEquals(HOSTILE, JSON.readTree(json).get("headline").asText(), "the title survives, escaped");
        assertFalse(html.contains("<script>alert(1)"), "the title is never HTML anywhere on the page");
        Document doc = site.page(out.relativize(file).toString());
        assertEquals(1, doc.select("script[type=application/ld+json]").size());
        assertEquals(HOSTILE, og(doc, "og:title"));
    }

    @Test
    void theSitemapValidatesAndListsEveryPageWithTheAlternatesItDeclares() {
        assertEquals(List.of(), Sitemaps.validateSite(out));
        assertEquals(List.of(), Sitemaps.mismatches(site, out));
        Map<String, Sitemaps.Entry> entries = Sitemaps.entries(out);
        Sitemaps.Entry guide = entries.get("https://example.org/lib/en/guides/guide/");
        assertEquals("2026-06-01", guide.lastmod());
        assertEquals(Map.of("en", "https://example.org/lib/en/guides/guide/", "fr", "https://example.org/lib/fr/guides/guide/",
                "x-default", "https://example.org/lib/en/guides/guide/"), guide.alternates());
        assertEquals("2026-03-01T10:30:00+01:00", entries.get("https://example.org/lib/fr/guides/guide/").lastmod());
        assertNull(entries.get("https://example.org/lib/en/about/").lastmod(), "no date, no lastmod");
        assertTrue(entries.containsKey("https://example.org/lib/en/news/"));
        assertFalse(entries.containsKey("https://example.org/lib/en/news/page/2/"), "later pages of a list are left out");
        assertTrue(Files.exists(out.resolve("en/news/page/2/index.html")));
    }

    @Test
    void theSiteOwnRobotsTxtIsKept() throws IOException {
        assertEquals("User-agent: *\nDisallow: /lib/private/\n", Files.readString(out.resolve("robots.txt")));
    }

    @Test
    void aSiteWithoutHostHasNoFeedOrSitemapButARobotsTxt(@TempDir Path other) throws IOException {
        write(other, "site-config.yml", "title: Local\nbaseURL: /local/\ndefaultContentLanguageInSubdir: true\nlanguages:\n  en: { label: English, locale: en-GB }\n");
        write(other, "content/en/news/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText.\n");
        BuildResult local = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(other, other.resolve("public"), false));
        assertTrue(local.success(), () -> local.diagnostics().sorted().toString());
        assertFalse(Files.exists(other.resolve("public/en/feed.xml")), "an Atom id must be an absolute URL");
        assertFalse(Files.exists(other.resolve("public/sitemap.xml")), "a sitemap lists absolute URLs");
        assertEquals("User-agent: *\nAllow: /\n", Files.readString(other.resolve("public/robots.txt")));
        Document page = new OutputSite(other.resolve("public"), "/local/").page("en/news/a/index.html");
        assertNull(page.selectFirst("link[type=application/atom+xml]"));
    }

    // --- helpers

    private static String og(Document doc, String property) {
        Element meta = doc.selectFirst("head meta[property=" + property + "]");
        assertNotNull(meta, property);
        return meta.attr("content");
    }

    private static JsonNode jsonLd(String rel) throws IOException {
        Element script = site.page(rel).selectFirst("head script[type=application/ld+json]");
        assertNotNull(script, rel);
        return JSON.readTree(script.data());
    }

    private static org.w3c.dom.Document xml(String rel) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(out.resolve(rel).toFile());
    }

    private static List<org.w3c.dom.Element> entries(org.w3c.dom.Document feed) {
        return children(feed.getDocumentElement(), "entry");
    }

    private static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof org.w3c.dom.Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) out.add(e);
        }
        return out;
    }

    private static String child(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Element> found = children(parent, name);
        assertEquals(1, found.size(), name);
        return found.getFirst().getTextContent();
    }
}
