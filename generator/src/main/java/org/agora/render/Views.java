package org.agora.render;

import org.agora.markdown.TocEntry;

import java.util.List;
import java.util.Map;

/**
 * What templates see: plain records with ready-made text and links, so templates never compute URLs,
 * dates or translations themselves. Every URL here is final (base path included, percent-encoded).
 */
public final class Views {

    private Views() {}

    /**
     * @param homeUrl the language's home page; @param searchUrl its search page (the header's search form posts there)
     * @param libraryUrl its library: every document, with filters
     */
    public record LanguageView(String code, String label, String locale, String dir, String homeUrl, String searchUrl,
                               String libraryUrl) {}

    /** @param searchModule the URL of the browser search runtime (an ES module) */
    public record SiteView(String title, String description, String generator, List<LanguageView> languages,
                           String defaultLanguage, String searchModule) {}

    /** @param text as the page's locale writes it ("22 novembre 2026"); @param iso for datetime attributes */
    public record DateView(String text, String iso) {}

    /**
     * One entry of the language switcher and of the hreflang links.
     * @param url null when the page has no translation in that language (shown as unavailable, never linked)
     * @param absoluteUrl the same page as an absolute URL, for hreflang links; null when unavailable
     */
    public record AlternateView(String code, String label, String hreflang, String url, String absoluteUrl,
                                boolean available, boolean current) {}

    public record LinkView(String label, String url) {}

    /** @param name the taxonomy's field name ("themes"); its label comes from the UI strings ("taxonomy.themes") */
    public record TermGroupView(String name, List<LinkView> terms) {}

    /**
     * @param start its text as the page's locale writes it, with the time and UTC offset when given
     * @param end null when it adds nothing; only the time when the event ends on the day it starts
     * @param calendarUrl the event's iCalendar (.ics) file
     */
    public record EventView(DateView start, DateView end, String location, String calendarUrl) {}

    /**
     * Events as readers look for them, split on the build date.
     * @param upcoming soonest first; null on the later pages of an events section, which list past events only
     * @param past most recent first: this pagination page's share of them
     * @param others entries of an events section that are not events (sub-sections, documents without dates)
     * @param listUrl the language's events section, for a "all events" link from elsewhere; null on that section
     */
    public record EventsView(List<ItemView> upcoming, List<ItemView> past, List<ItemView> others, String listUrl) {}

    /** @param format "PDF"; @param size "1.2 MB" */
    public record AttachmentView(String title, String url, String format, String size) {}

    /**
     * A document in a list.
     * @param language the document's language; differs from the page's for a fallback document
     * @param fallback true when shown in place of a missing translation
     */
    /** A document in a list; {@code translation} is "machine" or "machine-reviewed" for a machine's translation, else null. */
    public record ItemView(String title, String url, String summary, DateView date, String type, String language,
                           boolean fallback, EventView event, String translation) {}

    public record TermCountView(String label, String url, int count) {}

    /**
     * One value of a library filter.
     * @param value what the library's data and its URL use ("open-data", "2026", "fr")
     * @param url the value's own term page in this language, or null (languages have none)
     * @param count documents of the library with this value
     */
    public record FacetValueView(String value, String label, String url, int count) {}

    /** A library filter: a taxonomy, the type, the year or the language, with its values. */
    public record FacetView(String field, String label, List<FacetValueView> values) {}

    /**
     * What the library page adds to a list page.
     * @param total documents in the whole library of this language (all pages)
     * @param dataUrl the JSON the live filters read (see docs/library-format.md)
     */
    public record LibraryView(int total, String dataUrl, List<FacetView> facets) {}

    /** @param prevUrl null on the first page; @param nextUrl null on the last */
    public record PaginationView(int current, int total, String prevUrl, String nextUrl) {}

    /**
     * The page being rendered.
     * @param kind home, section, page, taxonomy or term
     * @param content the body as safe HTML (print it with the raw filter)
     * @param items for list pages, the documents of this pagination page
     * @param sections the language's top sections, for the main navigation and the home page
     * @param terms for taxonomy pages, the terms with their counts
     * @param related for documents, up to five related documents, the page's language first
     * @param library for the library page, its filters and data; null elsewhere
     * @param events for an events section, its upcoming and past events; for a home page, the next events;
     *               null elsewhere
     * @param meta feeds, Open Graph and JSON-LD for the head
     * @param cite for a citable document, its authors, identifiers, references and citation files; null elsewhere
     */
    public record PageView(
            String kind,
            String title,
            String url,
            String canonical,
            Html content,
            List<TocEntry> toc,
            String summary,
            DateView date,
            DateView lastmod,
            String type,
            String taxonomy,
            List<TermGroupView> taxonomies,
            EventView event,
            List<AttachmentView> attachments,
            List<AlternateView> alternates,
            String xDefault,
            List<ItemView> items,
            List<ItemView> sections,
            List<TermCountView> terms,
            PaginationView pagination,
            Map<String, Object> params,
            List<ItemView> related,
            LibraryView library,
            EventsView events,
            TranslationView translation,
            MetaView meta,
            CiteView cite) {}

    /**
     * A citable document as its page shows it (byline, DOI, the Cite box) and declares it to citation managers.
     * @param authors their names as a byline writes them ("Awa Diop"), in order
     * @param doiUrl the DOI as a link, or null; @param isbn digits only, or null
     * @param references the reference in each CSL style, in the page's language (plain text)
     * @param downloads the RIS, BibTeX and CSL-JSON files
     * @param tags Highwire's citation_* meta tags for the head
     * @param coins the OpenURL ContextObject of the COinS span's title (escaped when printed)
     */
    public record CiteView(List<String> authors, String doi, String doiUrl, String isbn,
                           List<org.agora.cite.References.Reference> references, List<DownloadView> downloads,
                           List<org.agora.cite.Highwire.Tag> tags, String coins) {}

    /** @param format "ris", "bibtex" or "csl-json": its label comes from the UI strings ("cite.format.ris") */
    public record DownloadView(String format, String url, String fileName) {}

    /**
     * How a page was translated, when a machine did it: the notice readers see.
     * @param method "machine" or "machine-reviewed", or null for a translation by people
     * @param by who or what translated it, or null
     * @param reviewedBy who reviewed it, or null
     * @param originalLanguage the label of the original's language ("English"), or null without an original
     * @param originalCode its language code, for the link's hreflang
     * @param originalUrl the original's link, or null
     * @param sourceChanged whether the original's words changed since the version this translation pins
     */
    public record TranslationView(String method, String by, String reviewedBy, String originalLanguage, String originalCode,
                                  String originalUrl, boolean sourceChanged) {}

    /**
     * What the head says about the page to feed readers, link previews and search engines.
     * @param description the summary, else the first lines, else the site's description; null on 404 pages
     * @param ogType "article" for documents, "website" for the rest; null when the page is not to be shared
     * @param ogLocale the page's locale as Open Graph writes it ("fr_BE")
     * @param ogLocaleAlternates the locales of the page's translations
     * @param feeds the Atom feeds to announce: the language's, and on a section page its type's
     * @param jsonLd schema.org JSON-LD, safe to print raw inside a script element; null when there is none
     */
    public record MetaView(String description, String ogType, String ogLocale, List<String> ogLocaleAlternates,
                           List<LinkView> feeds, Html jsonLd) {}
}
