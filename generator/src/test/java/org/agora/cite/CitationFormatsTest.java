package org.agora.cite;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.ris.RISReference;
import org.agora.content.FrontMatter;
import org.agora.content.PageDate;
import org.agora.testing.CitationFiles;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.agora.testing.CitationFiles.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each citation format written from one citation, read back by a parser that is not its writer. */
class CitationFormatsTest {

    static final Citation REPORT = new Citation("annual-report-2025", Citation.Kind.REPORT, "Annual report 2025",
            List.of(FrontMatter.Author.person("Mbuyi", "Clarisse"), FrontMatter.Author.person("De Smet", "Pieter"),
                    FrontMatter.Author.named("Bridges Learning Network")),
            "Bridges network secretariat", PageDate.parse("2026-03-31").orElseThrow(), "en-GB",
            "https://example.org/elibrary/en/resources/annual-report-2025/", "10.5281/zenodo.15101234", null,
            "The network's year in figures.",
            List.of(new Citation.File("Annual report 2025 (PDF)", "https://example.org/elibrary/files/annual-report-2025.pdf",
                    "annual-report-2025.pdf")),
            List.of(new Citation.Version("fr", "Rapport annuel 2025", "https://example.org/elibrary/fr/ressources/rapport-annuel-2025/")),
            null);

    /** Everything that could break a format: markup, quotes, TeX, braces, line breaks that would start a RIS tag. */
    static final String HOSTILE = "Report \"2025\" </title><script>alert(1)</script> & 50% of {x} \\end{document} $_#^~\nER  - \r\nTY  - JOUR";

    static final Citation HOSTILE_CITATION = new Citation("x", Citation.Kind.BOOK, HOSTILE,
            List.of(FrontMatter.Author.person("O'Brien}, and {Evil", "Ann\r\nAU  - Injected"), FrontMatter.Author.named("A and B}")),
            HOSTILE, PageDate.parse("2026-03-31").orElseThrow(), "fr-BE", "https://example.org/x/%3Cscript%3E/",
            "10.1234/a}b{c\"<x>", "9782123456803", HOSTILE, List.of(), List.of(), null);

    @Test
    void risFollowsTheGrammarAndCiteprocReadsTheSameReference() throws Exception {
        byte[] ris = Ris.write(REPORT);
        List<CitationFiles.Tag> tags = CitationFiles.strictRis(ris);
        assertEquals(List.of("RPRT"), values(tags, "TY"));
        assertEquals(List.of("Mbuyi, Clarisse", "De Smet, Pieter", "Bridges Learning Network"), values(tags, "AU"));
        assertEquals(List.of("2026/03/31"), values(tags, "DA"));
        RISReference ref = CitationFiles.ris(ris);
        assertEquals("Annual report 2025", ref.getTitle());
        assertEquals(List.of("Mbuyi, Clarisse", "De Smet, Pieter", "Bridges Learning Network"), List.of(ref.getAuthors()));
        assertEquals("2026", ref.getYear());
        assertEquals("10.5281/zenodo.15101234", ref.getDOI());
        assertEquals("https://example.org/elibrary/en/resources/annual-report-2025/", ref.getURL());
        assertEquals("Bridges network secretariat", ref.getPublisher());
        assertEquals(List.of("https://example.org/elibrary/files/annual-report-2025.pdf"), List.of(ref.getFileAttachments()));
    }

    @Test
    void bibtexParsesWithJbibtexAndKeepsPeopleApartFromOrganisations() throws Exception {
        BibTeXEntry entry = CitationFiles.bibtex(BibTex.write(REPORT));
        assertEquals("techreport", entry.getType().getValue());
        assertEquals("mbuyi2026annual", entry.getKey().getValue());
        assertEquals("Annual report 2025", entry.getField(BibTeXEntry.KEY_TITLE).toUserString());
        assertEquals("2026", entry.getField(BibTeXEntry.KEY_YEAR).toUserString());
        assertEquals("10.5281/zenodo.15101234", entry.getField(BibTeXEntry.KEY_DOI).toUserString());
        assertEquals("Bridges network secretariat", entry.getField(BibTeXEntry.KEY_INSTITUTION).toUserString());
        // citeproc-java's BibTeX name parser splits the author list as LaTeX would.
        CSLItemData item = new de.undercouch.citeproc.bibtex.BibTeXConverter().toItemData(entry);
        assertEquals("Mbuyi", item.getAuthor()[0].getFamily());
        assertEquals("Clarisse", item.getAuthor()[0].getGiven());
        assertEquals("De Smet", item.getAuthor()[1].getFamily());
        assertEquals(3, item.getAuthor().length, "the organisation stays one name");
    }

    @Test
    void cslJsonIsReadByCiteprocAsTheSameItem() throws Exception {
        CSLItemData item = CitationFiles.cslJson(CslJson.write(REPORT));
        assertEquals("Annual report 2025", item.getTitle());
        assertEquals(de.undercouch.citeproc.csl.CSLType.REPORT, item.getType());
        assertEquals("Clarisse", item.getAuthor()[0].getGiven());
        assertEquals("Bridges Learning Network", item.getAuthor()[2].getLiteral());
        assertEquals(List.of(2026, 3, 31), java.util.Arrays.stream(item.getIssued().getDateParts()[0]).boxed().toList());
        assertEquals("10.5281/zenodo.15101234", item.getDOI());
        assertEquals("https://example.org/elibrary/en/resources/annual-report-2025/", item.getURL());
        assertEquals("en-GB", item.getLanguage());
    }

    @Test
    void highwireAndCoinsSayTheSame() {
        Map<String, List<String>> tags = Highwire.tags(REPORT).stream().collect(Collectors.groupingBy(Highwire.Tag::name,
                java.util.LinkedHashMap::new, Collectors.mapping(Highwire.Tag::content, Collectors.toList())));
        assertEquals(List.of("Mbuyi, Clarisse", "De Smet, Pieter", "Bridges Learning Network"), tags.get("citation_author"));
        assertEquals(List.of("2026/03/31"), tags.get("citation_publication_date"));
        assertEquals(List.of("https://example.org/elibrary/files/annual-report-2025.pdf"), tags.get("citation_pdf_url"));
        var coins = CitationFiles.query(Coins.of(REPORT));
        assertTrue(coins.contains(Map.entry("rft_id", "info:doi/10.5281/zenodo.15101234")), coins::toString);
        assertTrue(coins.contains(Map.entry("rft.btitle", "Annual report 2025")), coins::toString);
        assertTrue(coins.contains(Map.entry("rft.aulast", "Mbuyi")), coins::toString);
        assertTrue(coins.contains(Map.entry("rft.aucorp", "Bridges Learning Network")), coins::toString);
        assertEquals("ctx_ver", coins.getFirst().getKey());
    }

    @Test
    void referencesAreInThePagesLanguage() {
        List<References.Reference> en = References.shared().format(REPORT);
        assertEquals(List.of("apa", "chicago", "harvard"), en.stream().map(References.Reference::style).toList());
        assertTrue(en.getFirst().text().startsWith("Mbuyi, C., De Smet, P., & Bridges Learning Network. (2026). Annual report 2025."),
                en.getFirst().text());
        assertTrue(en.getFirst().text().endsWith("https://doi.org/10.5281/zenodo.15101234"), en.getFirst().text());
        Citation fr = new Citation(REPORT.id(), REPORT.kind(), "Rapport annuel 2025", REPORT.authors(), REPORT.publisher(),
                REPORT.issued(), "fr-BE", REPORT.url(), REPORT.doi(), null, null, List.of(), List.of(), null);
        String chicago = References.shared().format(fr).get(1).text();
        assertTrue(chicago.contains("De Smet, et Bridges"), chicago);
        String harvard = References.shared().format(fr).get(2).text();
        assertTrue(harvard.contains("Disponible sur"), harvard);
    }

    @Test
    void hostileTextStaysInsideItsFieldInEveryFormat() throws Exception {
        List<CitationFiles.Tag> tags = CitationFiles.strictRis(Ris.write(HOSTILE_CITATION));
        assertEquals(1, values(tags, "TI").size());
        assertEquals(2, values(tags, "AU").size(), "a line break in a name starts no tag");
        assertTrue(values(tags, "TI").getFirst().contains("<script>alert(1)</script>"));
        assertEquals(HOSTILE.replaceAll("[\\r\\n]+", " "), CitationFiles.ris(Ris.write(HOSTILE_CITATION)).getTitle());

        BibTeXEntry entry = CitationFiles.bibtex(BibTex.write(HOSTILE_CITATION));
        assertEquals(Set.of("title", "author", "year", "month", "date", "publisher", "doi", "isbn", "language", "url"),
                entry.getFields().keySet().stream().map(Key::getValue).collect(Collectors.toSet()),
                "no value closes its field or opens another");
        String title = entry.getField(BibTeXEntry.KEY_TITLE).toUserString();
        assertFalse(title.contains("\n"));
        assertTrue(title.contains("50\\% of \\textbraceleft{}x\\textbraceright{} \\textbackslash{}end"), title);
        assertEquals(2, CitationFiles.bibtexNames(entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString()).size(),
                "'and' inside a name splits no author");

        CSLItemData item = CitationFiles.cslJson(CslJson.write(HOSTILE_CITATION));
        assertEquals(HOSTILE, item.getTitle(), "JSON keeps the text exactly");
        assertEquals("10.1234/a}b{c\"<x>", item.getDOI());

        var coins = CitationFiles.query(Coins.of(HOSTILE_CITATION));
        assertTrue(coins.contains(Map.entry("rft.btitle", HOSTILE.replaceAll("[\\r\\n]+", " ").strip())), coins::toString);
        assertFalse(Coins.of(HOSTILE_CITATION).matches(".*[\\s<>\"].*"), "the query is encoded: nothing in it needs HTML escaping but &");
        for (Highwire.Tag t : Highwire.tags(HOSTILE_CITATION)) assertFalse(t.content().matches("(?s).*[\\r\\n].*"), t.toString());
    }
}
