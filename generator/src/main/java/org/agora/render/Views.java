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

    /** @param homeUrl the language's home page; @param searchUrl its search page (the header's search form posts there) */
    public record LanguageView(String code, String label, String locale, String dir, String homeUrl, String searchUrl) {}

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

    public record EventView(DateView start, DateView end, String location) {}

    /** @param format "PDF"; @param size "1.2 MB" */
    public record AttachmentView(String title, String url, String format, String size) {}

    /**
     * A document in a list.
     * @param language the document's language; differs from the page's for a fallback document
     * @param fallback true when shown in place of a missing translation
     */
    public record ItemView(String title, String url, String summary, DateView date, String type, String language,
                           boolean fallback, EventView event) {}

    public record TermCountView(String label, String url, int count) {}

    /** @param prevUrl null on the first page; @param nextUrl null on the last */
    public record PaginationView(int current, int total, String prevUrl, String nextUrl) {}

    /**
     * The page being rendered.
     * @param kind home, section, page, taxonomy or term
     * @param content the body as safe HTML (print it with the raw filter)
     * @param items for list pages, the documents of this pagination page
     * @param sections the language's top sections, for the main navigation and the home page
     * @param terms for taxonomy pages, the terms with their counts
     * @param meta feeds, Open Graph and JSON-LD for the head
     */
    public record PageView(
            String kind,
            String title,
            String url,
            String canonical,
            String content,
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
            MetaView meta) {}

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
                           List<LinkView> feeds, String jsonLd) {}
}
