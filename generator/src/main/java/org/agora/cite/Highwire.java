package org.agora.cite;

import org.agora.content.FrontMatter;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code citation_*} meta tags Google Scholar asks for (its inclusion guidelines, after HighWire Press)
 * and Zotero's "Embedded Metadata" translator reads: one tag per author, in order, the date as
 * {@code YYYY/MM/DD}, the full text's PDF. The theme prints them in the head; Pebble escapes each value.
 */
public final class Highwire {

    /** One {@code <meta name content>}. */
    public record Tag(String name, String content) {}

    private Highwire() {}

    public static List<Tag> tags(Citation c) {
        List<Tag> out = new ArrayList<>();
        add(out, "citation_title", c.title());
        for (FrontMatter.Author a : c.authors()) add(out, "citation_author", a.invertedName());
        if (c.issued() != null) {
            var d = c.issued().date();
            add(out, "citation_publication_date", String.format(java.util.Locale.ROOT, "%04d/%02d/%02d",
                    d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
        }
        add(out, "citation_publisher", c.publisher());
        // Scholar and Zotero take a work with an institution for a report; a book is known by its ISBN.
        if (c.kind() == Citation.Kind.REPORT) add(out, "citation_technical_report_institution", c.publisher());
        add(out, "citation_doi", c.doi());
        add(out, "citation_isbn", c.isbn());
        add(out, "citation_language", c.languageCode());
        add(out, "citation_abstract_html_url", c.url());
        c.pdf().ifPresent(pdf -> add(out, "citation_pdf_url", pdf.url()));
        return List.copyOf(out);
    }

    private static void add(List<Tag> out, String name, String value) {
        if (value != null && !value.isBlank()) out.add(new Tag(name, Ris.oneLine(value)));
    }
}
