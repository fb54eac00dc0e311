package org.agora.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.ris.RISReference;
import org.agora.testing.CitationFiles;
import org.agora.testing.OutputSite;
import org.agora.testing.TestPaths;
import org.jbibtex.BibTeXEntry;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled annual report as citation managers and search engines read it: its citation files (parsed by
 * RIS, BibTeX and CSL-JSON readers that are not Agora's), its Highwire tags, COinS and JSON-LD, all compared
 * with its front matter as YAML reads it; and a hostile document whose text stays text in every output.
 */
class CitableDocumentsTest {

    static final String REPORT = "en/resources/annual-report-2025/index.html";
    static final String HOSTILE = "Report \"2025\" </title><script>alert(1)</script> & {x} \\end $_#";

    @TempDir
    static Path temp;
    static OutputSite site;
    /** The report's front matter, read as plain YAML: what the editor wrote. */
    static JsonNode written;

    @BeforeAll
    static void build() throws IOException {
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(TestPaths.repoRoot(), temp.resolve("out"), false));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        site = new OutputSite(temp.resolve("out"), "/elibrary/");
        String text = Files.readString(TestPaths.repoRoot().resolve("content/en/resources/annual-report-2025.md"));
        written = new YAMLMapper().readTree(text.split("\n---\n", 2)[0].substring(4));
    }

    static List<String> writtenAuthors() {
        List<String> out = new ArrayList<>();
        written.get("authors").forEach(a -> out.add(a.asText()));
        return out;
    }

    /** The file a link of the report's Cite box leads to. */
    static byte[] download(String format) throws IOException {
        Element link = site.page(REPORT).selectFirst(".cite-downloads a[href$=" + format + "]");
        assertNotNull(link, format);
        return Files.readAllBytes(site.fileFor(link.attr("href")).orElseThrow(() -> new AssertionError(link.attr("href"))));
    }

    @Test
    void theReportShowsItsAuthorsDoiAttachmentAndCiteBox() {
        Document page = site.page(REPORT);
        String credits = page.selectFirst(".doc-credits").text();
        assertTrue(credits.contains("Clarisse Mbuyi, Pieter De Smet, Bridges Learning Network"), credits);
        Element doi = page.selectFirst(".doc-credits a[href^=https://doi.org/]");
        assertEquals("https://doi.org/" + written.get("doi").asText(), doi.attr("href"));
        assertEquals("Annual report 2025 (PDF)", page.selectFirst(".attachments a").text());
        Element box = page.selectFirst("section.cite");
        assertEquals("Cite this document", box.selectFirst("h2").text());
        assertEquals(List.of("APA (7th edition)", "Chicago (author-date)", "Harvard (Cite Them Right)"), box.select("dt").eachText());
        assertTrue(box.selectFirst("dd").text().startsWith("Mbuyi, C., De Smet, P., & Bridges Learning Network. (2026). Annual report 2025."),
                box.selectFirst("dd").text());
        assertEquals(3, box.select(".cite-downloads a[download]").size());
        assertEquals(List.of(), site.brokenLinks());
    }

    @Test
    void theCitationFilesParseAndSayWhatTheFrontMatterSays() throws Exception {
        byte[] ris = download(".ris");
        List<CitationFiles.Tag> tags = CitationFiles.strictRis(ris);
        assertEquals(writtenAuthors(), CitationFiles.values(tags, "AU"));
        RISReference ref = CitationFiles.ris(ris);
        assertEquals(written.get("title").asText(), ref.getTitle());
        assertEquals(written.get("doi").asText(), ref.getDOI());
        assertEquals(written.get("date").asText().replace('-', '/'), ref.getDate());
        assertEquals("https://example.org/elibrary/en/resources/annual-report-2025/", ref.getURL());

        BibTeXEntry bib = CitationFiles.bibtex(download(".bib"));
        assertEquals(written.get("title").asText(), bib.getField(BibTeXEntry.KEY_TITLE).toUserString());
        assertEquals(written.get("doi").asText(), bib.getField(BibTeXEntry.KEY_DOI).toUserString());
        assertEquals(written.get("publisher").asText(), bib.getField(BibTeXEntry.KEY_INSTITUTION).toUserString());
        CSLItemData fromBib = new de.undercouch.citeproc.bibtex.BibTeXConverter().toItemData(bib);
        assertEquals("Mbuyi", fromBib.getAuthor()[0].getFamily());

        CSLItemData item = CitationFiles.cslJson(download(".csl.json"));
        assertEquals(written.get("title").asText(), item.getTitle());
        List<String> names = new ArrayList<>();
        for (var n : item.getAuthor()) names.add(n.getLiteral() != null ? n.getLiteral() : n.getFamily() + ", " + n.getGiven());
        assertEquals(writtenAuthors(), names);
        assertEquals(written.get("date").asText(), "%04d-%02d-%02d".formatted(item.getIssued().getDateParts()[0][0],
                item.getIssued().getDateParts()[0][1], item.getIssued().getDateParts()[0][2]));
        assertEquals(written.get("doi").asText(), item.getDOI());
    }

    @Test
    void highwireTagsAndCoinsMatchTheFrontMatter() {
        Document page = site.page(REPORT);
        assertEquals(written.get("title").asText(), page.selectFirst("head meta[name=citation_title]").attr("content"));
        assertEquals(writtenAuthors(), page.select("head meta[name=citation_author]").eachAttr("content"));
        assertEquals(written.get("date").asText().replace('-', '/'), page.selectFirst("meta[name=citation_publication_date]").attr("content"));
        assertEquals(written.get("doi").asText(), page.selectFirst("meta[name=citation_doi]").attr("content"));
        assertEquals(written.get("publisher").asText(), page.selectFirst("meta[name=citation_publisher]").attr("content"));
        String pdf = page.selectFirst("meta[name=citation_pdf_url]").attr("content");
        assertTrue(pdf.endsWith(written.get("attachments").get(0).get("file").asText()), pdf);
        assertTrue(site.fileFor(pdf.replace("https://example.org", "")).isPresent(), "the PDF is published: " + pdf);

        List<Map.Entry<String, String>> coins = CitationFiles.query(page.selectFirst("span.Z3988").attr("title"));
        assertTrue(coins.contains(Map.entry("rft.btitle", written.get("title").asText())), coins::toString);
        assertTrue(coins.contains(Map.entry("rft_id", "info:doi/" + written.get("doi").asText())), coins::toString);
        assertTrue(coins.contains(Map.entry("rft.aulast", "Mbuyi")), coins::toString);
        assertTrue(coins.contains(Map.entry("rft.aufirst", "Clarisse")), coins::toString);
        assertTrue(coins.contains(Map.entry("rft.date", written.get("date").asText())), coins::toString);
    }

    @Test
    void jsonLdLinksTheLanguageVersionsOfTheWork() throws Exception {
        JsonNode en = jsonLd(REPORT);
        List<String> translations = new ArrayList<>();
        en.get("workTranslation").forEach(t -> translations.add(t.get("inLanguage").asText() + " " + t.get("url").asText()));
        assertEquals(List.of("fr https://example.org/elibrary/fr/ressources/rapport-annuel-2025/",
                "nl https://example.org/elibrary/nl/bronnen/jaarverslag-2025/"), translations);
        assertNull(en.get("translationOfWork"));
        assertEquals("Organization", en.get("author").get(2).get("@type").asText());
        assertEquals("Mbuyi", en.get("author").get(0).get("familyName").asText());
        assertEquals(written.get("doi").asText(), en.get("identifier").get(0).get("value").asText());
        JsonNode fr = jsonLd("fr/ressources/rapport-annuel-2025/index.html");
        assertEquals("https://example.org/elibrary/en/resources/annual-report-2025/", fr.get("translationOfWork").get("url").asText());
        assertNull(fr.get("workTranslation"));
    }

    @Test
    void eachLanguageCitesInItsOwnWords() {
        Element fr = site.page("fr/ressources/rapport-annuel-2025/index.html").selectFirst("section.cite");
        assertEquals("Citer ce document", fr.selectFirst("h2").text());
        assertTrue(fr.select("dd").get(1).text().contains(", et Réseau d’apprentissage Passerelles. 2026. Rapport annuel 2025."), fr.text());
        Element nl = site.page("nl/bronnen/jaarverslag-2025/index.html").selectFirst("section.cite");
        assertEquals("Dit document citeren", nl.selectFirst("h2").text());
        assertTrue(nl.select("dd").get(1).text().contains(", en Leernetwerk Bruggen. 2026. Jaarverslag 2025."), nl.text());
    }

    @Test
    void onlyCitableTypesAreCited() {
        Document guide = site.page("en/guides/facilitation/index.html");
        assertNull(guide.selectFirst("section.cite"));
        assertTrue(guide.select("meta[name^=citation_]").isEmpty());
        assertNull(guide.selectFirst("span.Z3988"));
    }

    @Test
    void hostileTextStaysTextOnThePageAndInItsFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("content/en/resources"));
        Files.writeString(dir.resolve("site-config.yml"), """
                title: Test library
                baseURL: https://example.org/lib/
                defaultContentLanguageInSubdir: true
                languages:
                  en: { label: English, locale: en-GB }
                """);
        String yaml = "'" + HOSTILE.replace("'", "''") + "'";
        Files.writeString(dir.resolve("content/en/resources/x.md"), """
                ---
                title: %s
                date: 2026-03-31
                authors:
                  - "O'Brien</script>, Ann\\" onload=\\"alert(1)"
                  - { name: "A and B} {" }
                publisher: %s
                doi: "10.1234/a}b\\"<x>"
                ---
                Text.
                """.formatted(yaml, yaml));
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, dir.resolve("out"), false));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        OutputSite out = new OutputSite(dir.resolve("out"), "/lib/");
        Document page = out.page("en/resources/x/index.html");
        assertEquals(HOSTILE, page.selectFirst("meta[name=citation_title]").attr("content"));
        assertEquals(List.of("O'Brien</script>, Ann\" onload=\"alert(1)", "A and B} {"),
                page.select("meta[name=citation_author]").eachAttr("content"));
        assertEquals("10.1234/a}b\"<x>", page.selectFirst("meta[name=citation_doi]").attr("content"));
        assertTrue(page.select("[onload]").isEmpty());
        assertTrue(page.select("script").stream().allMatch(s -> s.hasAttr("src") || s.attr("type").equals("application/ld+json")),
                "no script but the theme's and the JSON-LD");
        assertTrue(CitationFiles.query(page.selectFirst("span.Z3988").attr("title")).contains(Map.entry("rft.btitle", HOSTILE)));
        assertTrue(page.selectFirst("section.cite dd").text().contains("alert(1)"), "a reference is text");
        assertEquals(2, CitationFiles.values(CitationFiles.strictRis(Files.readAllBytes(out.root().resolve("en/resources/x/x.ris"))), "AU").size());
        BibTeXEntry bib = CitationFiles.bibtex(Files.readAllBytes(out.root().resolve("en/resources/x/x.bib")));
        assertEquals(2, CitationFiles.bibtexNames(bib.getField(BibTeXEntry.KEY_AUTHOR).toUserString()).size());
        assertEquals(HOSTILE, CitationFiles.cslJson(Files.readAllBytes(out.root().resolve("en/resources/x/x.csl.json"))).getTitle());
    }

    @Test
    void withUglyUrlsTheFilesStillSitBesideThePageAndOnlyCitableTypesGetThem(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("content/en/reports"));
        Files.createDirectories(dir.resolve("content/en/resources"));
        Files.writeString(dir.resolve("site-config.yml"), """
                title: Test library
                baseURL: https://example.org/lib/
                defaultContentLanguageInSubdir: true
                uglyURLs: true
                citable: [reports]
                languages:
                  en: { label: English, locale: en-US }
                """);
        Files.writeString(dir.resolve("content/en/reports/survey.md"),
                "---\ntitle: Survey\ndate: 2026-01-02\nauthors: [\"Diop, Awa\"]\nisbn: 978-2-12-345680-3\n---\nText.\n");
        Files.writeString(dir.resolve("content/en/resources/list.md"), "---\ntitle: List\n---\nText.\n");
        BuildResult result = new SiteBuilder(BuildListener.NONE).build(new BuildOptions(dir, dir.resolve("out"), false));
        assertTrue(result.success(), () -> result.diagnostics().sorted().toString());
        OutputSite out = new OutputSite(dir.resolve("out"), "/lib/");
        Document page = out.page("en/reports/survey.html");
        assertEquals(List.of("/lib/en/reports/survey.ris", "/lib/en/reports/survey.bib", "/lib/en/reports/survey.csl.json"),
                page.select(".cite-downloads a").eachAttr("href"));
        assertEquals(List.of(), out.brokenLinks());
        RISReference ris = CitationFiles.ris(Files.readAllBytes(out.root().resolve("en/reports/survey.ris")));
        assertEquals("9782123456803", ris.getIsbnOrIssn());
        assertEquals("BOOK", CitationFiles.values(CitationFiles.strictRis(Files.readAllBytes(out.root().resolve("en/reports/survey.ris"))), "TY").getFirst());
        assertEquals("9782123456803", page.selectFirst("meta[name=citation_isbn]").attr("content"));
        assertNull(out.page("en/resources/list.html").selectFirst("section.cite"), "resources are not citable on this site");
        assertFalse(Files.exists(out.root().resolve("en/resources/list.ris")));
    }

    static JsonNode jsonLd(String rel) throws IOException {
        return new ObjectMapper().readTree(site.page(rel).selectFirst("script[type=application/ld+json]").data());
    }
}
