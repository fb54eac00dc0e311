package org.agora.publish;

import org.agora.config.LanguageConfig;
import org.agora.content.PageDate;
import org.agora.i18n.Messages;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.content.Slugs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which documents each Atom feed carries: one feed per language (/fr/feed.xml), one per language and
 * document type (/fr/types/news/feed.xml) and one per taxonomy term page, so a reader can follow one theme or
 * one country (/fr/themes/open-data/feed.xml), newest first. A feed holds its language's own documents only,
 * never fallbacks from another language, and only dated ones: an entry needs a date, and an undated page
 * (an "about" page) is not news. A feed without entries is not written, and no page links to it.
 * Feeds need absolute URLs (an entry's id is its address), so a site whose baseURL has no host has none.
 */
public final class Feeds {

    /** Readers poll feeds often: the newest documents are what they need, not the whole library. */
    public static final int MAX_ENTRIES = 50;

    /**
     * @param type the document type of a type's feed, else null
     * @param term the term page of a term's feed (its title names the feed), else null
     * @param path the feed's site path
     * @param entries newest first, at most {@link #MAX_ENTRIES}
     */
    public record Feed(String language, String type, Page term, String path, List<Page> entries) {
        public Feed {
            entries = List.copyOf(entries);
        }

        /** The newest entry's date: a feed says it changed when its content did, never when it was built. */
        public PageDate updated() {
            return entries.stream().map(Feeds::updated).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    private final Map<String, Feed> byKey;

    private Feeds(Map<String, Feed> byKey) { this.byKey = byKey; }

    /** Newest first by publication date; the site path breaks ties, so the order never varies between builds. */
    private static final Comparator<Page> NEWEST_FIRST = Comparator.comparing(Feeds::published).reversed()
            .thenComparing(Page::path);

    public static Feeds of(Library library) {
        Map<String, Feed> out = new LinkedHashMap<>();
        if (library.config().baseUrl().getHost() == null) return new Feeds(out);
        for (LanguageConfig l : library.config().languages()) {
            List<Page> dated = library.pages().stream()
                    .filter(p -> p.kind() == PageKind.PAGE && p.language().equals(l.code()) && published(p) != null)
                    .sorted(NEWEST_FIRST).toList();
            if (dated.isEmpty()) continue;
            out.put(key(l.code(), null), new Feed(l.code(), null, null, languagePath(library.config(), l.code()), first(dated)));
            Map<String, List<Page>> byType = new TreeMap<>();
            for (Page p : dated) byType.computeIfAbsent(p.type(), k -> new ArrayList<>()).add(p);
            byType.forEach((type, pages) -> out.put(key(l.code(), type),
                    new Feed(l.code(), type, null, typePath(library.generatedPaths(), l.code(), type), first(pages))));
            // A term page lists fallbacks from other languages too; its feed, like the others, only the language's own.
            for (Page termPage : library.pages()) {
                if (termPage.kind() != PageKind.TERM || !termPage.language().equals(l.code())
                        || org.agora.model.Facets.TYPES.equals(termPage.taxonomy())) continue;
                List<Page> own = library.listing(termPage).stream()
                        .filter(p -> p.kind() == PageKind.PAGE && p.language().equals(l.code()) && published(p) != null)
                        .sorted(NEWEST_FIRST).toList();
                if (!own.isEmpty()) out.put(termKey(termPage), new Feed(l.code(), null, termPage, termPath(termPage), first(own)));
            }
        }
        return new Feeds(out);
    }

    /** A term page's feed, if its language has dated documents with the term. */
    public Optional<Feed> term(Page termPage) { return Optional.ofNullable(byKey.get(termKey(termPage))); }

    /** Beside the term's page: /fr/themes/open-data/feed.xml (also for /fr/themes/open-data.html, with ugly URLs). */
    static String termPath(Page termPage) { return besidePage(termPage.path()); }

    /** The feed file in a page's folder. */
    public static String besidePage(String pagePath) {
        String path = pagePath;
        if (path.endsWith(".html")) path = path.substring(0, path.length() - ".html".length());
        return (path.endsWith("/") ? path : path + "/") + "feed.xml";
    }

    private static String termKey(Page termPage) { return "term\u0000" + termPage.path(); }

    /** Every feed to write, languages in the site's order, types alphabetically. */
    public List<Feed> all() { return List.copyOf(byKey.values()); }

    public Optional<Feed> language(String language) { return Optional.ofNullable(byKey.get(key(language, null))); }

    public Optional<Feed> type(String language, String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(language, type)));
    }

    public static String languagePath(org.agora.config.SiteConfig config, String language) {
        return config.languageRoot(language) + "feed.xml";
    }

    /** In the folder of the type's own page, /fr/types/news/. */
    public static String typePath(org.agora.model.GeneratedPaths generated, String language, String type) {
        return typeFolder(generated, language, type) + "feed.xml";
    }

    public static String typePagePath(org.agora.model.GeneratedPaths generated, String language, String type) {
        return new org.agora.model.PagePaths(generated.config()).leaf(typeFolder(generated, language, type));
    }

    private static String typeFolder(org.agora.model.GeneratedPaths generated, String language, String type) {
        return generated.folderOf(org.agora.model.Facets.TYPES, language) + Slugs.of(type) + "/";
    }

    /**
     * "What's new – Site" or "News – Site" in the feed's language: the name feed readers show. A type is
     * named by the UI string types.&lt;type&gt; (a plural: "Events"), as its page is, else by its label ("Event").
     */
    public static String title(Feed feed, Messages messages, String siteTitle) {
        if (feed.term() != null) {
            // A theme's own string, else the plain pattern (a site's older theme may not have it).
            return messages.has(feed.language(), "feed.termTitle")
                    ? messages.t(feed.language(), "feed.termTitle", Map.of("term", feed.term().title(), "site", siteTitle))
                    : feed.term().title() + " – " + siteTitle;
        }
        if (feed.type() == null) return messages.t(feed.language(), "feed.title", Map.of("site", siteTitle));
        String key = "types." + feed.type();
        String type = messages.has(feed.language(), key) ? messages.t(feed.language(), key)
                : messages.label(feed.language(), "type", feed.type());
        return messages.t(feed.language(), "feed.typeTitle", Map.of("type", type, "site", siteTitle));
    }

    /** The date an entry was first published: its date, else its last modification. */
    static PageDate published(Page p) { return p.date() != null ? p.date() : p.lastmod(); }

    /** The date an entry last changed: the later of its date and its last modification. */
    static PageDate updated(Page p) { return Timestamps.latest(p.date(), p.lastmod()); }

    private static List<Page> first(List<Page> pages) {
        return pages.size() <= MAX_ENTRIES ? pages : pages.subList(0, MAX_ENTRIES);
    }

    private static String key(String language, String type) { return type == null ? language : language + "\u0000" + type; }
}
