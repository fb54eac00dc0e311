package org.agora.site;

import org.agora.config.SiteConfig;
import org.agora.i18n.Messages;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.SiteUrls;
import org.agora.publish.AtomFeed;
import org.agora.publish.Feeds;
import org.agora.publish.OaiRepository;
import org.agora.publish.Robots;
import org.agora.publish.Sitemap;
import org.agora.render.ViewFactory;
import org.agora.render.Views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files that help readers and machines find the pages: Atom feeds, sitemap.xml, robots.txt, and oai.xml for
 * the aggregators that harvest the library's citable documents (OAI-PMH through a static repository gateway).
 * The sitemap lists every page a reader can land on (documents, homes, sections, taxonomy, term and search
 * pages; not the 404 pages, the redirects of aliases or the later pages of a long list), each with the
 * very hreflang alternates its own head declares: both come from {@link ViewFactory}.
 */
final class DiscoveryFiles {

    private final Library library;
    private final Feeds feeds;
    private final SiteUrls urls;
    private final Sitemap sitemap;
    /** A page Agora makes under a translated folder → its English paths, which redirect to it. */
    private final Map<String, List<String>> movedPages;

    DiscoveryFiles(Library library, Feeds feeds) {
        this.library = library;
        this.feeds = feeds;
        this.urls = SiteUrls.of(library.config());
        this.sitemap = new Sitemap(urls, library.config().languages().size());
        this.movedPages = library.formerPaths();
    }

    /**
     * Feeds whose page's folder was translated: where each was (/nl/types/news/feed.xml) → where it is
     * (/nl/soorten/news/feed.xml). A feed reader follows an HTTP redirect, not a page's: hosts that read
     * _redirects get a rule, and every host the same feed at the old path, so no subscription breaks.
     */
    Map<String, String> movedFeeds() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Feeds.Feed f : feeds.all()) {
            String page = f.term() != null ? f.term().path()
                    : f.type() != null ? Feeds.typePagePath(library.generatedPaths(), f.language(), f.type()) : null;
            if (page == null) continue;
            movedPages.getOrDefault(page, List.of()).forEach(old -> out.put(Feeds.besidePage(old), f.path()));
        }
        return out;
    }

    /** Output paths of every file {@link #files} writes. */
    List<String> outputs() {
        List<String> out = new ArrayList<>();
        for (Feeds.Feed f : feeds.all()) out.add(Page.outputPathOf(f.path()));
        movedFeeds().keySet().forEach(old -> out.add(Page.outputPathOf(old)));
        if (hasSitemap(library.config())) out.addAll(sitemap.fileNames(library.pages().size()));
        out.add(Robots.FILE);
        if (OaiRepository.publishes(library)) out.add(OaiRepository.FILE);
        return out;
    }

    /** Output path → content. */
    Map<String, byte[]> files(ViewFactory views, Messages messages, Map<String, RenderedMarkdown> texts) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        AtomFeed atom = new AtomFeed(library, messages, texts);
        for (Feeds.Feed f : feeds.all()) out.put(Page.outputPathOf(f.path()), atom.write(f));
        movedFeeds().forEach((old, now) -> out.put(Page.outputPathOf(old), out.get(Page.outputPathOf(now))));
        boolean withSitemap = hasSitemap(library.config());
        if (withSitemap) out.putAll(sitemap.write(sitemapUrls(views)));
        out.put(Robots.FILE, Robots.of(urls, withSitemap));
        if (OaiRepository.publishes(library)) out.put(OaiRepository.FILE, new OaiRepository(library, messages).write(texts));
        return out;
    }

    private List<Sitemap.Url> sitemapUrls(ViewFactory views) {
        List<Sitemap.Url> out = new ArrayList<>(library.pages().size());
        for (Page page : library.pages()) {
            List<Sitemap.Alternate> alternates = new ArrayList<>();
            for (Views.AlternateView a : views.alternates(page, 1)) {
                if (a.available() && a.absoluteUrl() != null) alternates.add(new Sitemap.Alternate(a.hreflang(), a.absoluteUrl()));
            }
            alternates.add(new Sitemap.Alternate("x-default", views.xDefault(page)));
            out.add(new Sitemap.Url(urls.absolute(page.path()), Sitemap.lastmod(page.date(), page.lastmod()), alternates));
        }
        return out;
    }

    /** A sitemap lists absolute URLs: a baseURL without a host (a path only) gives none. */
    private static boolean hasSitemap(SiteConfig config) { return config.baseUrl().getHost() != null; }
}
