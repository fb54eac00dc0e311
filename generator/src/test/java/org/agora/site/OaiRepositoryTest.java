package org.agora.site;

import org.agora.config.ConfigLoader;
import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;
import org.agora.publish.OaiRepository;
import org.agora.testing.Harvesting;
import org.agora.testing.TestSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.agora.testing.TestSite.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * oai.xml of a small site written for the purpose: a translated report with every citation field, a document whose
 * front matter is hostile to XML, an undated resource, news (not citable), checked against the OAI static
 * repository schema and field by field against the front matter.
 */
class OaiRepositoryTest {

    static final String DC = Harvesting.DC;
    static final String OAI = Harvesting.OAI;
    /** Markup, an entity, the end of a CDATA section, quotes and control characters XML 1.0 cannot hold. */
    static final String HOSTILE_YAML = "\"<b>Tom & Jerry</b> ]]> <![CDATA[ \\\" ' \\x01\\x08\\x1f\\uFFFE end\"";

    @TempDir
    static Path temp;
    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() throws IOException {
        Path dir = temp.resolve("site");
        write(dir, "site-config.yml", """
                title: { en: "Test library", fr: "Bibliothèque test" }
                baseURL: https://example.org/lib/
                """ + TestSite.languages("en", "fr") + """
                oai:
                  adminEmail: library@example.org
                  gateway: https://gateway.example.net/oai
                  rights: { en: "CC BY 4.0", fr: "CC BY 4.0 (français)" }
                """);
        write(dir, "content/en/resources/report.md", """
                ---
                title: Annual report
                date: 2026-03-31
                lastmod: 2026-06-01
                summary: The year in figures.
                authors:
                  - { family: Diallo, given: Ana }
                  - { name: Bridges Network }
                  - Bo Peeters
                publisher: Bridges Press
                doi: https://doi.org/10.1234/ABC.5
                isbn: 978-2-1234-5680-3
                themes: [open-data, climate]
                tags: [figures]
                countries: [BE, SN]
                attachments:
                  - file: data.csv
                    title: Data
                ---
                The report.
                """);
        write(dir, "content/en/resources/data.csv", "a,b\n1,2\n");
        write(dir, "content/fr/resources/report.md", """
                ---
                title: Rapport annuel
                date: 2026-04-02T23:30:00-02:00
                slug: rapport
                themes: [open-data]
                ---
                Le rapport.
                """);
        write(dir, "content/en/resources/hostile.md", "---\ntitle: " + HOSTILE_YAML + "\ndate: 2025-01-02\nsummary: "
                + HOSTILE_YAML + "\nauthors: [" + HOSTILE_YAML + ", { family: " + HOSTILE_YAML + ", given: \"]]>\" }]\npublisher: "
                + HOSTILE_YAML + "\ntags: [\"a<b & c\"]\n---\nText & more <text>.\n");
        write(dir, "content/en/resources/undated.md", "---\ntitle: Undated\n---\nNo date.\n");
        write(dir, "content/en/news/item.md", "---\ntitle: News\ndate: 2026-01-01\n---\nNews.\n");
        out = temp.resolve("out");
        result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, out, false));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
    }

    @Test
    void theFileValidatesAgainstTheStaticRepositorySchema() {
        assertTrue(Files.isRegularFile(out.resolve("oai.xml")), "oai.xml at the site's root");
        assertEquals(List.of(), Harvesting.oaiErrors(out.resolve("oai.xml")));
    }

    @Test
    void identifyDescribesTheLibraryAndItsGateway() {
        Element identify = first(Harvesting.parse(out.resolve("oai.xml")).getDocumentElement(), "Identify");
        assertEquals("Test library", text(identify, OAI, "repositoryName"));
        // The gateway's URL, a slash, and the file's URL without its scheme, as the specification builds it.
        assertEquals("https://gateway.example.net/oai/example.org/lib/oai.xml", text(identify, OAI, "baseURL"));
        assertEquals("2.0", text(identify, OAI, "protocolVersion"));
        assertEquals("library@example.org", text(identify, OAI, "adminEmail"));
        assertEquals("2025-01-02", text(identify, OAI, "earliestDatestamp"), "the hostile document's day, the oldest");
        assertEquals("no", text(identify, OAI, "deletedRecord"));
        assertEquals("YYYY-MM-DD", text(identify, OAI, "granularity"));
    }

    @Test
    void oneRecordPerCitableDatedDocumentPerLanguage() {
        assertEquals(List.of("oai:example.org:en/resources/hostile/", "oai:example.org:en/resources/report/",
                "oai:example.org:fr/resources/rapport/"), new ArrayList<>(records().keySet()),
                "no news, no undated resource, no section page; languages in the site's order");
    }

    @Test
    void aRecordsDublinCoreIsItsFrontMatter() {
        Map<String, List<String>> dc = dublinCore(records().get("oai:example.org:en/resources/report/"));
        assertEquals(List.of("Annual report"), dc.get("title"));
        assertEquals(List.of("Diallo, Ana", "Bridges Network", "Bo Peeters"), dc.get("creator"));
        assertEquals(List.of("open-data", "climate", "figures"), dc.get("subject"), "themes, then tags");
        assertEquals(List.of("The year in figures."), dc.get("description"));
        assertEquals(List.of("Bridges Press"), dc.get("publisher"));
        assertEquals(List.of("2026-03-31"), dc.get("date"));
        assertEquals("Text", dc.get("type").getFirst());
        assertEquals(List.of("https://example.org/lib/en/resources/report/", "https://doi.org/10.1234/ABC.5",
                "urn:isbn:9782123456803"), dc.get("identifier"));
        assertEquals(List.of("en"), dc.get("language"));
        assertEquals(List.of("https://example.org/lib/fr/resources/rapport/", "https://example.org/lib/en/resources/data.csv"),
                dc.get("relation"), "the French version, then the attachment");
        assertEquals(List.of("Belgium", "Senegal"), dc.get("coverage"), "the countries' names in the document's language");
        assertEquals(List.of("CC BY 4.0"), dc.get("rights"));
        assertEquals("2026-06-01", datestamp("oai:example.org:en/resources/report/"), "the last change, not the publication");
    }

    @Test
    void aTranslationIsItsOwnRecordInItsLanguage() {
        Element record = records().get("oai:example.org:fr/resources/rapport/");
        Map<String, List<String>> dc = dublinCore(record);
        assertEquals(List.of("Rapport annuel"), dc.get("title"));
        assertEquals(List.of("fr"), dc.get("language"));
        assertEquals(List.of("Bibliothèque test"), dc.get("publisher"), "the library, when the document names no publisher");
        assertEquals(List.of("https://example.org/lib/en/resources/report/"), dc.get("relation"));
        assertEquals(List.of("CC BY 4.0 (français)"), dc.get("rights"));
        // 23:30 at UTC-2 is the next day in UTC: datestamps are UTC days.
        assertEquals("2026-04-03", datestamp("oai:example.org:fr/resources/rapport/"));
        assertEquals(List.of("2026-04-03"), dc.get("date"));
        assertFalse(dc.containsKey("creator"), "no author given, none invented");
        Element title = child(record.getElementsByTagNameNS(DC, "title").item(0));
        assertEquals("fr", title.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
    }

    @Test
    void hostileFrontMatterIsTextInAValidFile() {
        Map<String, List<String>> dc = new LinkedHashMap<>();
        // Whitespace compared collapsed: the front matter may turn a control character into a space before this.
        dublinCore(records().get("oai:example.org:en/resources/hostile/")).forEach((k, v) ->
                dc.put(k, v.stream().map(s -> s.replaceAll("\\s+", " ")).toList()));
        String expected = "<b>Tom & Jerry</b> ]]> <![CDATA[ \" ' end";
        assertEquals(List.of(expected), dc.get("title"), "markup kept as text, control characters dropped");
        assertEquals(List.of(expected), dc.get("description"));
        assertEquals(List.of(expected, expected + ", ]]>"), dc.get("creator"));
        assertEquals(List.of(expected), dc.get("publisher"));
        assertEquals(List.of("a<b & c"), dc.get("subject"));
        assertEquals(List.of(), Harvesting.oaiErrors(out.resolve("oai.xml")));
    }

    @Test
    void theFileIsPublishedBesideTheOtherDiscoveryFiles() throws IOException {
        String robots = Files.readString(out.resolve("robots.txt"));
        assertTrue(robots.contains("Sitemap:"), robots);
        assertTrue(Files.isRegularFile(out.resolve("sitemap.xml")));
        assertTrue(Files.isRegularFile(out.resolve("oai.xml")));
    }

    /** The same documents' feeds, hostile tag feed included, are valid Atom, and name authors as readers say them. */
    @Test
    void theFeedsOfTheseDocumentsAreValidAtom() {
        List<Path> feeds = Harvesting.feeds(out);
        assertTrue(feeds.size() >= 8, "language, type and term feeds: " + feeds);
        List<String> errors = new ArrayList<>();
        feeds.forEach(f -> errors.addAll(Harvesting.atomErrors(f)));
        assertEquals(List.of(), errors);
        Element feed = Harvesting.parse(out.resolve("en/types/resources/feed.xml")).getDocumentElement();
        List<String> authors = new ArrayList<>();
        for (Element entry : Harvesting.children(feed, "entry")) {
            if (!Harvesting.children(entry, "title").getFirst().getTextContent().equals("Annual report")) continue;
            for (Element a : Harvesting.children(entry, "author")) authors.add(Harvesting.children(a, "name").getFirst().getTextContent());
        }
        assertEquals(List.of("Ana Diallo", "Bridges Network", "Bo Peeters"), authors);
    }

    /** Without settings: RFC 2142's webmaster mailbox on the site's host, and the file's own URL as base URL. */
    @Test
    void withoutSettingsTheFileNamesTheHostsWebmasterAndItsOwnUrl() throws IOException {
        SiteConfig config = config("baseURL: https://www.example.org:8443/lib/\nlanguages: { en: { label: English } }\n");
        assertEquals("webmaster@www.example.org", OaiRepository.adminEmail(config));
        assertEquals("https://www.example.org:8443/lib/oai.xml", OaiRepository.baseUrl(config));
        SiteConfig withGateway = config("baseURL: http://www.example.org:8443/lib/\nlanguages: { en: { label: English } }\n"
                + "oai: { gateway: \"http://gw.example.net/oai/\" }\n");
        assertEquals("http://gw.example.net/oai/www.example.org%3A8443/lib/oai.xml", OaiRepository.baseUrl(withGateway),
                "no second slash after the gateway's own; the port's colon encoded");
    }

    /** webmaster@localhost is no address OAI-PMH accepts: a site on a host without a domain has no oai.xml. */
    @Test
    void aSiteOnLocalhostWithoutAddressHasNoOaiFile() throws IOException {
        Path dir = temp.resolve("local");
        write(dir, "site-config.yml", "baseURL: http://localhost:1313/\nlanguages: { en: { label: English } }\n");
        write(dir, "content/resources/r.md", "---\ntitle: R\ndate: 2026-01-01\n---\nText.\n");
        BuildResult local = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, temp.resolve("local-out"), false));
        assertTrue(local.success(), () -> local.diagnostics().sorted().toString());
        assertTrue(Files.isRegularFile(temp.resolve("local-out/en/feed.xml")) || Files.isRegularFile(temp.resolve("local-out/feed.xml")));
        assertFalse(Files.exists(temp.resolve("local-out/oai.xml")));
    }

    /** A site that already publishes a static repository of its own (made by hand, or by another tool) keeps it. */
    @Test
    void theSitesOwnOaiFileIsKept() throws IOException {
        Path dir = temp.resolve("own");
        // An XML file can hold script a browser runs: the site must say its developers wrote it.
        write(dir, "site-config.yml", "baseURL: https://example.org/\nlanguages: { en: { label: English } }\n"
                + "security: { activeFiles: [static/oai.xml] }\n");
        write(dir, "content/resources/r.md", "---\ntitle: R\ndate: 2026-01-01\n---\nText.\n");
        write(dir, "static/oai.xml", "<Repository/>\n");
        BuildResult own = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, temp.resolve("own-out"), false));
        assertTrue(own.success(), () -> own.diagnostics().sorted().toString());
        assertEquals("<Repository/>\n", Files.readString(temp.resolve("own-out/oai.xml")));
    }

    @Test
    void aMistypedSettingIsAnErrorAtItsLine() throws IOException {
        Diagnostics d = new Diagnostics();
        Path dir = temp.resolve("bad");
        write(dir, "site-config.yml", "baseURL: https://example.org/\nlanguages: { en: { label: English } }\n"
                + "oai:\n  adminEmail: nobody\n  gateway: ftp://x\n  harvest: yes\n");
        assertEquals(Optional.empty(), new ConfigLoader().load(dir, d));
        String all = d.sorted().toString();
        assertTrue(all.contains("oai.adminEmail 'nobody' is not an e-mail address"), all);
        assertTrue(all.contains("oai.gateway 'ftp://x'"), all);
        assertTrue(all.contains("harvest"), all);
    }

    // --- reading the file back ---------------------------------------------------------------------------

    static Map<String, Element> records() {
        Map<String, Element> out = new LinkedHashMap<>();
        var list = Harvesting.parse(OaiRepositoryTest.out.resolve("oai.xml")).getElementsByTagNameNS(OAI, "record");
        for (int i = 0; i < list.getLength(); i++) {
            Element r = (Element) list.item(i);
            out.put(r.getElementsByTagNameNS(OAI, "identifier").item(0).getTextContent(), r);
        }
        return out;
    }

    static String datestamp(String identifier) {
        return records().get(identifier).getElementsByTagNameNS(OAI, "datestamp").item(0).getTextContent();
    }

    /** Element name → texts, in document order. */
    static Map<String, List<String>> dublinCore(Element record) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Element dc = (Element) record.getElementsByTagNameNS("http://www.openarchives.org/OAI/2.0/oai_dc/", "dc").item(0);
        for (var n = dc.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DC.equals(e.getNamespaceURI())) {
                out.computeIfAbsent(e.getLocalName(), k -> new ArrayList<>()).add(e.getTextContent());
            }
        }
        return out;
    }

    private static Element first(Element parent, String localName) {
        return (Element) parent.getElementsByTagNameNS("*", localName).item(0);
    }

    private static String text(Element parent, String ns, String localName) {
        return parent.getElementsByTagNameNS(ns, localName).item(0).getTextContent();
    }

    private static Element child(org.w3c.dom.Node n) { return (Element) n; }

    private static SiteConfig config(String yaml) throws IOException {
        Path dir = Files.createTempDirectory(temp, "config");
        return TestSite.at(dir).config(yaml).loadConfig(new Diagnostics());
    }

}
