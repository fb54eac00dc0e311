package org.agora.cite;

import org.agora.content.FrontMatter;
import org.agora.content.PageDate;

import java.util.List;

/**
 * Everything a reference to one document says, in one language: what every citation format (RIS, BibTeX,
 * CSL-JSON, Highwire tags, COinS, formatted references) is written from, so they cannot disagree.
 * @param id a key for the work, the same in every format ("annual-report-2025")
 * @param title as the page shows it
 * @param authors people and organisations, in the order the editor wrote them; may be empty
 * @param publisher the front matter's, else the site's title in this language
 * @param issued the publication date, or null
 * @param language the page's language as a BCP 47 tag with its region ("fr-BE")
 * @param url the page's absolute URL
 * @param doi without its resolver ("10.5281/zenodo.1"), or null
 * @param isbn digits only, or null
 * @param summary the document's summary, or null
 * @param files the attachments, with absolute URLs
 * @param translations the document in the site's other languages
 * @param original the version this one translates, or null when this is the original
 */
public record Citation(String id, Kind kind, String title, List<FrontMatter.Author> authors, String publisher,
                       PageDate issued, String language, String url, String doi, String isbn, String summary,
                       List<File> files, List<Version> translations, Version original) {

    public Citation {
        authors = List.copyOf(authors);
        files = List.copyOf(files);
        translations = List.copyOf(translations);
    }

    /**
     * What sort of work it is for a citation manager. A library's reports, toolkits and directories are what
     * Zotero and CSL call a report (grey literature issued by an organisation); a document with an ISBN is a book.
     */
    public enum Kind {
        REPORT, BOOK;

        /** Its type in CSL-JSON. */
        String csl() { return switch (this) { case REPORT -> "report"; case BOOK -> "book"; }; }

        /** Its RIS type tag. */
        String ris() { return switch (this) { case REPORT -> "RPRT"; case BOOK -> "BOOK"; }; }

        /** Its BibTeX entry type. */
        String bibtex() { return switch (this) { case REPORT -> "techreport"; case BOOK -> "book"; }; }
    }

    /** @param fileName the file's name, for its type ("annual-report-2025.pdf") */
    public record File(String title, String url, String fileName) {

        public boolean isPdf() { return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"); }
    }

    /** The same work in another language: @param language its code ("fr"); @param url its absolute URL */
    public record Version(String language, String title, String url) {}

    /** The DOI as a link, or null. */
    public String doiUrl() {
        return doi == null ? null : "https://doi.org/" + org.agora.model.SiteUrls.encodePath(doi);
    }

    /** The language without its region ("fr"), as Highwire's citation_language and RIS's LA write it. */
    public String languageCode() {
        int dash = language.indexOf('-');
        return dash < 0 ? language : language.substring(0, dash);
    }

    /** The first PDF among the files: the full text a citation manager keeps with the reference. */
    public java.util.Optional<File> pdf() { return files.stream().filter(File::isPdf).findFirst(); }
}
