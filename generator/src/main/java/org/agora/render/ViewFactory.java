package org.agora.render;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.content.FrontMatter;
import org.agora.content.PageDate;
import org.agora.i18n.LocaleFormats;
import org.agora.i18n.Messages;
import org.agora.markdown.RenderedMarkdown;
import org.agora.model.EventSchedule;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.model.SiteUrls;
import org.agora.model.TranslationGroup;
import org.agora.publish.ICalendar;
import org.agora.publish.Feeds;
import org.agora.publish.StructuredData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the records templates see from the library; all links, dates and labels are made here. */
public final class ViewFactory {

    private final Library library;
    private final SiteConfig config;
    private final SiteUrls urls;
    private final Map<String, LocaleFormats> formats;
    private final Map<String, RenderedMarkdown> bodies;
    private final Map<String, List<Views.AttachmentView>> attachments;
    private final Messages messages;
    private final Map<String, List<String>> related;
    private final Map<String, String> libraryData;
    private final EventSchedule schedule;
    private final Feeds feeds;
    private final org.agora.cite.Citations citations;
    /** The top sections of each language, for the main navigation of every page; made on first use. */
    private final Map<String, List<Views.ItemView>> topSections = new java.util.concurrent.ConcurrentHashMap<>();
    /** The URL of each language's events section, for the home page's "all events" link; made on first use. */
    private final Map<String, Optional<String>> eventSections = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param bodies rendered Markdown by page path, for the summaries of listed pages
     * @param attachments resolved attachments by page path
     * @param related related documents (page paths, best first) by document path, found once the index is complete
     * @param libraryData the URL of each language's library data, written before the library pages
     * @param schedule which events are upcoming on the build date
     * @param feeds the Atom feeds the build writes, which pages announce in their head
     */
    public ViewFactory(Library library, Messages messages, Map<String, LocaleFormats> formats,
                       Map<String, RenderedMarkdown> bodies, Map<String, List<Views.AttachmentView>> attachments,
                       Map<String, List<String>> related, Map<String, String> libraryData, EventSchedule schedule,
                       Feeds feeds) {
        this.related = related;
        this.libraryData = libraryData;
        this.messages = messages;
        this.schedule = schedule;
        this.library = library;
        this.config = library.config();
        this.urls = SiteUrls.of(config);
        this.formats = formats;
        this.bodies = bodies;
        this.attachments = attachments;
        this.feeds = feeds;
        this.citations = new org.agora.cite.Citations(library);
    }

    /** The same views, with the URL of each language's library data, written before the library pages. */
    public ViewFactory withLibraryData(Map<String, String> libraryData) {
        return new ViewFactory(library, messages, formats, bodies, attachments, related, Map.copyOf(libraryData),
                schedule, feeds);
    }

    /** How many of the next events a home page shows. */
    static final int HOME_EVENTS = 3;

    /** The browser search runtime, at a fixed address so that any page (or another site) can import it. */
    public static final String SEARCH_MODULE = org.agora.search.SearchLayout.MODULE;

    public Views.SiteView site(String language) {
        List<Views.LanguageView> languages = config.languages().stream().map(this::language).toList();
        return new Views.SiteView(config.title().in(language, config.defaultLanguage()),
                config.description().in(language, config.defaultLanguage()), "Agora", languages, config.defaultLanguage(),
                urls.href("/" + SEARCH_MODULE));
    }

    public Views.LanguageView language(LanguageConfig l) {
        return new Views.LanguageView(l.code(), l.label(), l.locale().toLanguageTag(), l.direction(),
                urls.href(config.languageRoot(l.code())), urls.href(library.searchPath(l.code())),
                urls.href(library.libraryPath(l.code())));
    }

    public Views.LanguageView language(String code) { return language(config.language(code)); }

    /**
     * @param body the page's own rendered Markdown
     * @param items the documents of this pagination page (empty for documents)
     * @param pagination null when the list fits on one page
     */
    public Views.PageView page(Page page, RenderedMarkdown body, String pagePath, List<Page> items,
                               Views.PaginationView pagination) {
        return page(page, body, Html.of(body.html()), pagePath, items, pagination);
    }

    /** @param content the page's body as its template prints it, when it is not {@code body}'s HTML */
    public Views.PageView page(Page page, RenderedMarkdown body, Html content, String pagePath, List<Page> items,
                               Views.PaginationView pagination) {
        LocaleFormats f = formats.get(page.language());
        FrontMatter fm = page.document() == null ? FrontMatter.empty() : page.document().frontMatter();
        int pageNumber = pagination == null ? 1 : pagination.current();
        List<Views.AlternateView> alternates = alternates(page, pageNumber);
        List<Views.ItemView> sections = topSections.computeIfAbsent(page.language(), this::topSectionsOf);
        Views.EventsView events = events(page, items, pageNumber);
        List<Views.ItemView> listed = EventSchedule.splitsListing(page) ? inOrder(events)
                : items.stream().map(p -> item(p, page.language())).toList();
        List<Views.TermCountView> terms = page.kind() == PageKind.TAXONOMY
                ? library.termCounts(page).stream().map(c -> new Views.TermCountView(termLabel(c.term(), page.language()),
                        urls.href(c.path()), c.count())).toList()
                : List.of();
        return new Views.PageView(
                kindName(page.kind()),
                title(page),
                urls.href(pagePath),
                urls.absolute(pagePath),
                content,
                body.toc(),
                page.summary(),
                date(page.date(), f),
                date(page.lastmod(), f),
                page.type(),
                page.taxonomy(),
                taxonomies(page),
                event(page, f),
                attachments.getOrDefault(page.path(), List.of()),
                alternates,
                xDefault(page),
                listed,
                sections,
                terms,
                pagination,
                fm.params(),
                related.getOrDefault(page.path(), List.of()).stream().map(library.byPath()::get)
                        .filter(java.util.Objects::nonNull).map(p -> item(p, page.language())).toList(),
                page.kind() == PageKind.LIBRARY ? libraryView(page) : null,
                events,
                translation(page),
                meta(page, title(page), urls.absolute(pagePath), body, alternates),
                cite(page));
    }

    /** The citation of a citable document (its type is listed under citable:), with its attachments; else empty. */
    public Optional<org.agora.cite.Citation> citation(Page page) {
        if (!org.agora.cite.Citations.isCitable(page, config)) return Optional.empty();
        List<org.agora.cite.Citation.File> files = attachments.getOrDefault(page.path(), List.of()).stream()
                .map(a -> new org.agora.cite.Citation.File(a.title(), config.baseUrl().resolve(a.url()).toString(),
                        a.url().substring(a.url().lastIndexOf('/') + 1))).toList();
        return citations.of(page, files);
    }

    private Views.CiteView cite(Page page) {
        Optional<org.agora.cite.Citation> found = citation(page);
        if (found.isEmpty()) return null;
        org.agora.cite.Citation c = found.get();
        org.agora.cite.Citations.Downloads d = org.agora.cite.Citations.downloadsOf(page, config).orElseThrow();
        List<Views.DownloadView> downloads = List.of(download("ris", d.ris()), download("bibtex", d.bibtex()),
                download("csl-json", d.cslJson()));
        return new Views.CiteView(c.authors().stream().map(FrontMatter.Author::displayName).toList(), c.doi(), c.doiUrl(),
                c.isbn(), org.agora.cite.References.shared().format(c), downloads, org.agora.cite.Highwire.tags(c),
                org.agora.cite.Coins.of(c));
    }

    private Views.DownloadView download(String format, String path) {
        return new Views.DownloadView(format, urls.href(path), path.substring(path.lastIndexOf('/') + 1));
    }

    /**
     * The notice of a machine translation, or of one whose original changed since the version it pins, linking to
     * the original: the version in the site's default language, else the first language's version written by people.
     */
    private Views.TranslationView translation(Page page) {
        FrontMatter.Translation t = library.translationOf(page).orElse(null);
        boolean machine = t != null && t.byMachine();
        String pin = page.document() == null || page.document().frontMatter().translation() == null ? null
                : page.document().frontMatter().translation().source();
        if (!machine && pin == null) return null;
        TranslationGroup group = library.groupOf(page);
        Optional<Page> original = Optional.empty();
        if (group != null) {
            original = group.in(config.defaultLanguage()).filter(p -> p != page && p.document() != null && !machineMade(p));
            if (original.isEmpty()) {
                original = config.languages().stream().map(l -> group.in(l.code())).flatMap(Optional::stream)
                        .filter(p -> p != page && p.document() != null && !machineMade(p)).findFirst();
            }
        }
        boolean sourceChanged = pin != null && original.isPresent()
                && !org.agora.content.SourceVersion.of(original.get().document()).matches(pin);
        if (!machine && !sourceChanged) return null;
        return new Views.TranslationView(machine ? t.method().word() : null, machine ? t.by() : null,
                machine ? t.reviewedBy() : null,
                original.map(p -> config.language(p.language()).label()).orElse(null),
                original.map(Page::language).orElse(null),
                original.map(p -> urls.href(p.path())).orElse(null), sourceChanged);
    }

    private boolean machineMade(Page p) {
        return library.translationOf(p).map(FrontMatter.Translation::byMachine).orElse(false);
    }

    /** The library's filters: a facet per taxonomy (tags left out: too many to browse), type, year and language. */
    public List<Views.FacetView> libraryFacets(Page libraryPage) {
        String lang = libraryPage.language();
        List<Views.FacetView> out = new ArrayList<>();
        List<String> order = new ArrayList<>(org.agora.model.Facets.all(config));
        order.remove(org.agora.model.Facets.TYPES);   // what kind of document comes first
        order.addFirst(org.agora.model.Facets.TYPES);
        for (String facet : order) {
            if (facet.equals("tags")) continue;
            Page taxonomyPage = library.byPath().get(library.facetPath(facet, lang));
            if (taxonomyPage == null) continue;
            List<Views.FacetValueView> values = library.termCounts(taxonomyPage).stream()
                    .map(c -> new Views.FacetValueView(c.term().slug(), termLabel(c.term(), lang), urls.href(c.path()), c.count()))
                    .toList();
            if (!values.isEmpty()) out.add(new Views.FacetView(facet, messages.label(lang, "taxonomy", facet), values));
        }
        List<Page> items = library.listing(libraryPage);
        List<Views.FacetValueView> languages = new ArrayList<>();
        for (LanguageConfig l : config.languages()) {
            int count = (int) items.stream().filter(p -> p.language().equals(l.code())).count();
            if (count > 0) languages.add(new Views.FacetValueView(l.code(), l.label(), null, count));
        }
        if (languages.size() > 1) out.add(new Views.FacetView("language", messages.t(lang, "library.language"), languages));
        return out;
    }

    private Views.LibraryView libraryView(Page page) {
        return new Views.LibraryView(library.listing(page).size(), libraryData.get(page.language()), libraryFacets(page));
    }

    /** A document type as one document's label ("Guide"), as list items show it. */
    public String typeLabel(String language, String type) { return messages.label(language, "type", type); }

    /** A term as readers of a language see it; types are named by the theme's UI strings. */
    public String termLabel(org.agora.model.Term term, String language) {
        if (!term.taxonomy().equals(org.agora.model.Facets.TYPES)) return term.label();
        return messages.has(language, "types." + term.slug()) ? messages.t(language, "types." + term.slug())
                : messages.label(language, "type", term.slug());
    }

    /**
     * An events section: every upcoming event on its first page, and this page's share of the past ones
     * ({@code items}, already paginated). A home page: the next few events of its language.
     */
    private Views.EventsView events(Page page, List<Page> items, int pageNumber) {
        String lang = page.language();
        if (EventSchedule.splitsListing(page)) {
            EventSchedule.Split split = schedule.split(library.listing(page));
            boolean first = pageNumber == 1;
            return new Views.EventsView(first ? items(split.upcoming(), lang) : null, items(items, lang),
                    first ? items(split.others(), lang) : List.of(), null);
        }
        if (page.kind() == PageKind.HOME) {
            return new Views.EventsView(items(schedule.next(library.listing(page), HOME_EVENTS), lang), List.of(), List.of(),
                    eventSections.computeIfAbsent(lang, this::eventSectionOf).orElse(null));
        }
        return null;
    }

    /** What an events section page lists, in reading order, for themes that show one plain list. */
    private static List<Views.ItemView> inOrder(Views.EventsView events) {
        List<Views.ItemView> all = new ArrayList<>();
        if (events.upcoming() != null) all.addAll(events.upcoming());
        all.addAll(events.past());
        all.addAll(events.others());
        return List.copyOf(all);
    }

    private List<Views.ItemView> items(List<Page> pages, String language) {
        return pages.stream().map(p -> item(p, language)).toList();
    }

    /** The language's top events section, if the site has one. */
    private Optional<String> eventSectionOf(String language) {
        return library.pages().stream()
                .filter(p -> EventSchedule.splitsListing(p) && p.language().equals(language) && !p.sectionKey().contains("/"))
                .map(p -> urls.href(p.path())).findFirst();
    }


    /** Feeds, Open Graph and JSON-LD for the page's head. */
    private Views.MetaView meta(Page page, String title, String canonical, RenderedMarkdown body,
                                List<Views.AlternateView> alternates) {
        List<Views.LinkView> feedLinks = new ArrayList<>(languageFeed(page.language()));
        if (page.kind() == PageKind.SECTION) feeds.type(page.language(), page.type()).ifPresent(f -> feedLinks.add(feedLink(f)));
        if (page.kind() == PageKind.TERM && org.agora.model.Facets.TYPES.equals(page.taxonomy())) {
            feeds.type(page.language(), page.term()).ifPresent(f -> feedLinks.add(feedLink(f)));
        } else if (page.kind() == PageKind.TERM) {
            feeds.term(page).ifPresent(f -> feedLinks.add(feedLink(f)));
        }
        String description = page.summary() != null && !page.summary().isBlank() ? page.summary()
                : !body.excerpt().isBlank() ? body.excerpt()
                : config.description().in(page.language(), config.defaultLanguage());
        List<String> otherLocales = alternates.stream().filter(a -> a.available() && !a.current())
                .map(a -> ogLocale(a.code())).toList();
        String siteTitle = config.title().in(page.language(), config.defaultLanguage());
        List<StructuredData.Media> media = attachments.getOrDefault(page.path(), List.of()).stream()
                .map(a -> new StructuredData.Media(a.title(), config.baseUrl().resolve(a.url()).toString(), a.url())).toList();
        String structured = StructuredData.of(new StructuredData.Subject(page, title, canonical, description,
                new StructuredData.Organization(siteTitle, urls.absolute("/")), urls.absolute(config.languageRoot(page.language())), media,
                citation(page).orElse(null)));
        Html jsonLd = structured == null ? null : Html.of(structured);
        return new Views.MetaView(description, page.kind() == PageKind.PAGE ? "article" : "website",
                ogLocale(page.language()), otherLocales, List.copyOf(feedLinks), jsonLd);
    }

    private List<Views.LinkView> languageFeed(String language) {
        return feeds.language(language).map(f -> List.of(feedLink(f))).orElse(List.of());
    }

    private Views.LinkView feedLink(Feeds.Feed feed) {
        return new Views.LinkView(Feeds.title(feed, messages, config.title().in(feed.language(), config.defaultLanguage())),
                urls.href(feed.path()));
    }

    /** Open Graph writes locales as language_TERRITORY: "fr_BE". */
    private String ogLocale(String language) {
        return config.language(language).locale().toLanguageTag().replace('-', '_');
    }

    private List<Views.ItemView> topSectionsOf(String language) {
        return library.pages().stream()
                .filter(p -> p.kind() == PageKind.SECTION && p.language().equals(language) && !p.sectionKey().contains("/"))
                .map(p -> item(p, language)).toList();
    }

    /** "/fr/404.html"; the default language's at the root is "/404.html", where hosts look for it. */
    public String notFoundPath(String language) { return config.languageRoot(language) + "404.html"; }

    /** The 404 page of a language: its alternates are the other languages' 404 pages, which link home. */
    public Views.PageView notFound(String language, String title) {
        List<Views.AlternateView> alternates = new ArrayList<>();
        for (LanguageConfig l : config.languages()) {
            String path = notFoundPath(l.code());
            alternates.add(new Views.AlternateView(l.code(), l.label(), l.code(), urls.href(path), urls.absolute(path),
                    true, l.code().equals(language)));
        }
        String path = notFoundPath(language);
        return new Views.PageView("404", title, urls.href(path), urls.absolute(path), Html.of(""), List.of(), null, null, null,
                "404", null, List.of(), null, List.of(), alternates, urls.absolute("/"), List.of(), List.of(), List.of(),
                null, Map.of(), List.of(), null, null, null,
                new Views.MetaView(null, null, null, List.of(), languageFeed(language), null), null);
    }

    /**
     * The page in every language; page N of a long list has as translations page N of the other
     * languages' lists, where they are that long.
     */
    public List<Views.AlternateView> alternates(Page page, int pageNumber) {
        TranslationGroup group = library.groupOf(page);
        Paginator paginator = new Paginator(config.pageSize(), urls);
        List<Views.AlternateView> out = new ArrayList<>();
        for (LanguageConfig l : config.languages()) {
            Optional<String> path = (group == null ? Optional.<Page>empty() : group.in(l.code()))
                    .filter(x -> paginator.count(x, schedule.paginated(x, library.listing(x)).size()) >= pageNumber)
                    .map(x -> Paginator.pathOf(x, pageNumber));
            out.add(new Views.AlternateView(l.code(), l.label(), l.code(), path.map(urls::href).orElse(null),
                    path.map(urls::absolute).orElse(null), path.isPresent(), l.code().equals(page.language())));
        }
        return out;
    }

    /** The default language's version when it exists, else the first language that has one. */
    public String xDefault(Page page) {
        TranslationGroup group = library.groupOf(page);
        Optional<Page> p = group.in(config.defaultLanguage());
        if (p.isEmpty()) {
            p = config.languages().stream().map(l -> group.in(l.code())).flatMap(Optional::stream).findFirst();
        }
        return urls.absolute(p.orElse(page).path());
    }

    private List<Views.TermGroupView> taxonomies(Page page) {
        List<Views.TermGroupView> out = new ArrayList<>();
        for (String taxonomy : config.taxonomies()) {
            List<Views.LinkView> links = new ArrayList<>();
            for (String raw : page.terms().getOrDefault(taxonomy, List.of())) {
                library.term(taxonomy, raw, page.language()).ifPresent(term -> library.termPage(term, page.language())
                        .ifPresent(tp -> links.add(new Views.LinkView(term.label(), urls.href(tp.path())))));
            }
            if (!links.isEmpty()) out.add(new Views.TermGroupView(taxonomy, List.copyOf(links)));
        }
        return out;
    }

    public Views.ItemView item(Page p, String pageLanguage) {
        LocaleFormats f = formats.get(pageLanguage);
        RenderedMarkdown body = bodies.get(p.path());
        String summary = p.summary() != null ? p.summary() : body == null || body.excerpt().isEmpty() ? null : body.excerpt();
        return new Views.ItemView(p.title(), urls.href(p.path()), summary, date(p.date(), f), p.type(), p.language(),
                !p.language().equals(pageLanguage), event(p, f),
                library.translationOf(p).filter(FrontMatter.Translation::byMachine).map(t -> t.method().word()).orElse(null));
    }

    private Views.EventView event(Page p, LocaleFormats f) {
        return EventSchedule.eventOf(p).map(e -> {
            String endText = f.eventEnd(e.start(), e.end());
            Views.DateView end = endText.isEmpty() ? null : new Views.DateView(endText, e.end().iso());
            String location = e.location() == null || e.location().isBlank() ? null : e.location().strip();
            return new Views.EventView(new Views.DateView(f.eventStart(e.start()), e.start().iso()), end, location,
                    ICalendar.pathOf(p).map(urls::href).orElse(null));
        }).orElse(null);
    }

    private static Views.DateView date(PageDate d, LocaleFormats f) {
        return d == null ? null : new Views.DateView(f.date(d), d.iso());
    }


    /** A taxonomy page without its own _index.md is titled with the taxonomy's label in the page's language. */
    private String title(Page page) {
        if (page.kind() == PageKind.TAXONOMY && page.document() == null) {
            return messages.label(page.language(), "taxonomy", page.taxonomy());
        }
        if (page.kind() == PageKind.SEARCH && page.document() == null) return messages.t(page.language(), "search.title", Map.of());
        if (page.kind() == PageKind.LIBRARY && page.document() == null) return messages.t(page.language(), "library.title", Map.of());
        if (page.kind() == PageKind.TERM && page.document() == null && org.agora.model.Facets.TYPES.equals(page.taxonomy())) {
            return termLabel(new org.agora.model.Term(page.taxonomy(), page.term(), page.title()), page.language());
        }
        return page.title();
    }

    private static String kindName(PageKind kind) { return kind.name().toLowerCase(java.util.Locale.ROOT); }
}
