package org.agora.publish;

import org.agora.config.SiteConfig;
import org.agora.i18n.Messages;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.SiteUrls;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a feed as Atom (RFC 4287). Everything in it comes from the content, so the same site gives the
 * same bytes: ids are the entries' absolute URLs (stable as long as the page does not move), and the
 * feed's updated time is its newest entry's.
 */
public final class AtomFeed {

    private final Library library;
    private final SiteConfig config;
    private final SiteUrls urls;
    private final Messages messages;
    private final Map<String, RenderedMarkdown> texts;

    /** @param texts rendered Markdown by page path, for the summaries of documents without one */
    public AtomFeed(Library library, Messages messages, Map<String, RenderedMarkdown> texts) {
        this.library = library;
        this.config = library.config();
        this.urls = SiteUrls.of(config);
        this.messages = messages;
        this.texts = texts;
    }

    public byte[] write(Feeds.Feed feed) {
        String lang = feed.language();
        String siteTitle = config.title().in(lang, config.defaultLanguage());
        String description = config.description().in(lang, config.defaultLanguage());
        // The page a reader opens from the feed: the type's page once the site has one, else the home.
        String typePage = feed.type() == null ? null : Feeds.typePagePath(library.generatedPaths(), lang, feed.type());
        String htmlPage = feed.term() != null ? feed.term().path()
                : typePage != null && library.byPath().containsKey(typePage) ? typePage : config.languageRoot(lang);

        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(Xml.escape(lang)).append("\">\n");
        element(x, "  ", "title", Feeds.title(feed, messages, siteTitle));
        if (description != null && !description.isBlank()) element(x, "  ", "subtitle", description);
        link(x, "  ", "self", "application/atom+xml", null, urls.absolute(feed.path()));
        link(x, "  ", "alternate", "text/html", null, urls.absolute(htmlPage));
        element(x, "  ", "id", urls.absolute(feed.path()));
        element(x, "  ", "updated", Timestamps.rfc3339(feed.updated()));
        x.append("  <author>\n");
        element(x, "    ", "name", siteTitle);
        element(x, "    ", "uri", urls.absolute(config.languageRoot(lang)));
        x.append("  </author>\n");
        element(x, "  ", "generator", "Agora");
        for (Page p : feed.entries()) entry(x, p, siteTitle);
        x.append("</feed>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void entry(StringBuilder x, Page p, String siteTitle) {
        String url = urls.absolute(p.path());
        x.append("  <entry>\n");
        element(x, "    ", "title", p.title());
        link(x, "    ", "alternate", "text/html", p.language(), url);
        element(x, "    ", "id", url);
        element(x, "    ", "published", Timestamps.rfc3339(Feeds.published(p)));
        element(x, "    ", "updated", Timestamps.rfc3339(Feeds.updated(p)));
        List<String> authors = authors(p);
        for (String author : authors.isEmpty() ? List.of(siteTitle) : authors) {
            x.append("    <author>\n");
            element(x, "      ", "name", author);
            x.append("    </author>\n");
        }
        x.append("    <category term=\"").append(Xml.escape(p.type())).append("\" label=\"")
                .append(Xml.escape(messages.label(p.language(), "type", p.type()))).append("\"/>\n");
        String summary = summary(p);
        if (summary != null) element(x, "    ", "summary", summary);
        x.append("  </entry>\n");
    }

    private String summary(Page p) {
        if (p.summary() != null && !p.summary().isBlank()) return p.summary();
        RenderedMarkdown body = texts.get(p.path());
        return body == null || body.excerpt().isBlank() ? null : body.excerpt();
    }


    /** The document's authors as readers say them: its typed authors, else a site's author: field. */
    public static List<String> authors(Page p) { return Citable.names(p); }

    private static void element(StringBuilder x, String indent, String name, String text) {
        x.append(indent).append('<').append(name).append('>').append(Xml.escape(text))
                .append("</").append(name).append(">\n");
    }

    private static void link(StringBuilder x, String indent, String rel, String type, String hreflang, String href) {
        x.append(indent).append("<link rel=\"").append(rel).append("\" type=\"").append(type).append('"');
        if (hreflang != null) x.append(" hreflang=\"").append(Xml.escape(hreflang)).append('"');
        x.append(" href=\"").append(Xml.escape(href)).append("\"/>\n");
    }
}
