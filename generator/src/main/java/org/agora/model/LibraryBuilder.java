package org.agora.model;

import org.agora.content.Slugs;
import org.agora.config.GeneratedSlugs;
import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.config.TermLabels;
import org.agora.content.FrontMatter;
import org.agora.content.FrontMatterParser;
import org.agora.content.PageDate;
import org.agora.content.ParsedDocument;
import org.agora.content.SourceFile;
import org.agora.content.StaticFile;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The "link translations" stage: groups documents with their translations, gives every page its
 * site path (translated section slugs included), adds the pages the generator owes readers (homes,
 * sections without an _index.md, taxonomy pages) and reports pages that would share a path.
 */
public final class LibraryBuilder {

    private static final Comparator<Page> LISTING_ORDER = Comparator
            .comparing((Page p) -> p.weight() == null ? Integer.MAX_VALUE : p.weight())
            .thenComparing(Page::date, Comparator.nullsLast(Comparator.<PageDate>reverseOrder()))
            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Page::path);

    private static final Comparator<Page> NEWEST_FIRST = Comparator
            .comparing(Page::date, Comparator.nullsLast(Comparator.<PageDate>reverseOrder()))
            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Page::path);

    private final SiteConfig config;
    private final Diagnostics diagnostics;
    private final PagePaths paths;
    private final GeneratedPaths wanted;
    /** {@link #wanted}, less the folders the site's own content is in: set at the start of each build. */
    private GeneratedPaths generated;

    public LibraryBuilder(SiteConfig config, Diagnostics diagnostics) {
        this(config, GeneratedPaths.of(config), diagnostics);
    }

    /** @param generated the folders of the pages Agora makes, with the theme's words for them */
    public LibraryBuilder(SiteConfig config, GeneratedPaths generated, Diagnostics diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
        this.paths = new PagePaths(config);
        this.wanted = generated;
        this.generated = generated;
    }

    public Library build(List<ParsedDocument> documents, List<StaticFile> staticFiles, boolean includeDrafts) {
        Map<String, String> sourceGroups = new TreeMap<>();
        Map<String, String> pathKeyGroups = new TreeMap<>();
        Set<String> unpublished = new HashSet<>();
        List<ParsedDocument> published = new ArrayList<>();
        for (ParsedDocument d : documents) {
            sourceGroups.put(d.source().relPath(), groupKeyOf(d));
            pathKeyGroups.putIfAbsent(d.source().pathKey(), groupKeyOf(d));
            if (d.frontMatter().draft() && !includeDrafts) unpublished.add(d.source().relPath());
            else published.add(d);
        }

        Map<String, ParsedDocument> sectionIndexes = new HashMap<>();
        for (ParsedDocument d : published) {
            if (d.source().isSectionIndex()) sectionIndexes.put(d.source().language() + ":" + sectionKeyOf(d.source()), d);
        }

        List<Page> pages = new ArrayList<>();
        for (ParsedDocument d : published) pages.add(documentPage(d, sectionIndexes));
        addMissingSections(pages, sectionIndexes);

        reportUndefinedTerms(pages);
        Map<String, List<Page>> visible = visibleDocuments(pages);
        Map<String, Term> terms = new TreeMap<>();
        Map<String, List<Page>> listings = new TreeMap<>();
        Map<String, List<Library.TermCount>> termCounts = new TreeMap<>();
        generated = clearOfSiteContent(pages, staticFiles);
        addTaxonomyPages(pages, terms, listings, termCounts, visible);
        addTextOfTermPagesToLibraries(pages, listings);

        pages.sort(Comparator.comparing(Page::path));
        Map<String, Page> byPath = indexByPath(pages);
        pages.removeIf(p -> byPath.get(p.path()) != p);   // the loser of a clash was reported and is left out
        Map<String, TranslationGroup> groups = group(pages);
        addListings(pages, listings, visible);
        // Pages that lost a path clash, or that became the text of a generated page (search, library), are
        // not documents: lists and their counts leave them out.
        listings.replaceAll((path, list) -> list.stream().filter(p -> byPath.get(p.path()) == p).toList());
        termCounts.replaceAll((path, counts) -> counts.stream()
                .map(c -> new Library.TermCount(c.term(), c.path(), listings.getOrDefault(c.path(), List.of()).size())).toList());
        List<Alias> aliases = new ArrayList<>(aliases(pages, byPath));
        aliases.addAll(englishPathRedirects(pages, aliases, staticFiles));
        aliases.sort(Comparator.comparing(Alias::path));
        return new Library(config, generated, List.copyOf(pages), Map.copyOf(byPath), Map.copyOf(groups), Map.copyOf(listings),
                Map.copyOf(termCounts), Map.copyOf(terms), List.copyOf(aliases), staticFiles, Map.copyOf(sourceGroups),
                Map.copyOf(pathKeyGroups), Set.copyOf(unpublished));
    }

    private static String groupKeyOf(ParsedDocument d) {
        String key = d.frontMatter().translationKey();
        return key != null ? "key:" + key : "path:" + d.source().pathKey();
    }

    /** The content folder a section page stands for: "news" for news/_index, "" for the home. */
    private static String sectionKeyOf(SourceFile s) {
        if (!s.isSectionIndex()) return s.sectionPath();
        String key = s.pathKey();
        return key.equals("_index") ? "" : key.substring(0, key.length() - "/_index".length());
    }

    private Page documentPage(ParsedDocument d, Map<String, ParsedDocument> sectionIndexes) {
        SourceFile s = d.source();
        FrontMatter fm = d.frontMatter();
        String lang = s.language();
        String sectionKey = sectionKeyOf(s);
        PageKind kind = s.isSectionIndex() ? (sectionKey.isEmpty() ? PageKind.HOME : PageKind.SECTION) : PageKind.PAGE;
        String path = pathOf(d, kind, sectionKey, sectionIndexes);
        String title = fm.title();
        if (title == null || title.isBlank()) {
            String fallbackName = kind == PageKind.HOME ? config.title().in(lang, config.defaultLanguage())
                    : Slugs.humanize(kind == PageKind.PAGE ? FrontMatterParser.nameWithoutDate(s.baseName())
                    : lastSegment(sectionKey));
            if (kind == PageKind.PAGE && d.frontMatterRead()) {
                diagnostics.warning("frontmatter.missing-title", SourcePosition.of(s.file(), 1), "the document has no title; '" + fallbackName
                        + "' is shown instead", "add  title: ...  to its front matter");
            }
            title = fallbackName;
        }
        String type = fm.type() != null ? fm.type() : typeOf(sectionKey);
        return new Page(kind, lang, groupKeyOf(d), path, title, fm.date(), fm.lastmod(), type, sectionKey,
                fm.weight(), fm.summary(), fm.taxonomyTerms(), d, null, null);
    }

    /**
     * Where Hugo would publish the document: its url:, else its section's permalink pattern, else its section's
     * folder and its slug (or file name, lower case).
     */
    private String pathOf(ParsedDocument d, PageKind kind, String sectionKey, Map<String, ParsedDocument> sectionIndexes) {
        SourceFile s = d.source();
        FrontMatter fm = d.frontMatter();
        String lang = s.language();
        if (fm.url() != null) {
            warnIfNeedsEscaping(d);
            return paths.fromUrl(fm.url(), lang);
        }
        if (kind != PageKind.PAGE) {
            String folder = sectionPath(lang, sectionKey, sectionIndexes);
            if (kind == PageKind.SECTION && !paths.sectionPatterns().isEmpty()) {
                String p = paths.permalink(paths.sectionPatterns(), sectionKey, facts(d, sectionKey, lastSegment(sectionKey)));
                if (p != null) return p;
            }
            return paths.leaf(folder);
        }
        String name = config.urls().filenameDates() ? FrontMatterParser.nameWithoutDate(s.baseName()) : s.baseName();
        String permalink = paths.permalink(paths.pagePatterns(), sectionKey, facts(d, sectionKey, name));
        if (permalink != null) return permalink;
        // The file name, date prefix included unless the site takes dates from file names: two posts may share a
        // title on different days.
        String slug = fm.slug() != null ? Slugs.segment(fm.slug()) : Slugs.segment(name);
        return paths.leaf(sectionPath(lang, sectionKey, sectionIndexes) + slug + "/");
    }

    private PagePaths.PermalinkFacts facts(ParsedDocument d, String sectionKey, String name) {
        FrontMatter fm = d.frontMatter();
        String givenSlug = fm.slug();
        if (givenSlug == null && config.urls().filenameDates() && !name.equals(d.source().baseName())) givenSlug = name;
        String title = fm.title() != null && !fm.title().isBlank() ? fm.title() : name;
        return new PagePaths.PermalinkFacts(d.source().language(), sectionKey, title, givenSlug, name, fm.date());
    }

    /** Hugo publishes a url: with spaces as it is; readers then see "%20" in links, which the editor can avoid. */
    private void warnIfNeedsEscaping(ParsedDocument d) {
        String url = d.frontMatter().url();
        String needs = url.codePoints().filter(c -> c <= ' ' || "\"<>^`{|}%".indexOf(c) >= 0)
                .mapToObj(Character::toString).distinct().map(c -> c.equals(" ") ? "spaces" : "'" + c + "'")
                .reduce((a, b) -> a + ", " + b).orElse(null);
        if (needs == null) return;
        diagnostics.warning("link.needs-escaping", SourcePosition.of(d.source().file(), d.frontMatter().lineOf("url")),
                "url '" + url + "' has " + needs + ", which links must escape (" + SiteUrls.encodePath(url) + ")",
                "write it with hyphens instead, for example  url: " + Slugs.segment(url).replaceAll("^/?", "/"));
    }

    private static String typeOf(String sectionKey) {
        if (sectionKey.isEmpty()) return "page";
        int slash = sectionKey.indexOf('/');
        return slash < 0 ? sectionKey : sectionKey.substring(0, slash);
    }

    /** "/fr/guides-pratiques/" for section "guides": each folder takes the slug its _index.md gives in that language. */
    private String sectionPath(String lang, String sectionKey, Map<String, ParsedDocument> sectionIndexes) {
        StringBuilder path = new StringBuilder(paths.languageRoot(lang));
        if (sectionKey.isEmpty()) return path.toString();
        String prefix = "";
        for (String folder : sectionKey.split("/")) {
            prefix = prefix.isEmpty() ? folder : prefix + "/" + folder;
            ParsedDocument index = sectionIndexes.get(lang + ":" + prefix);
            String slug = Slugs.segment(index != null && index.frontMatter().slug() != null ? index.frontMatter().slug() : folder);
            path.append(slug).append('/');
        }
        return path.toString();
    }

    /** Hugo and Zola readers expect every folder of documents to have a page, even without an _index.md. */
    private void addMissingSections(List<Page> pages, Map<String, ParsedDocument> sectionIndexes) {
        Set<String> present = new HashSet<>();
        for (Page p : pages) {
            if (p.kind() == PageKind.SECTION || p.kind() == PageKind.HOME) present.add(p.language() + ":" + p.sectionKey());
        }
        Map<String, Page> added = new TreeMap<>();
        for (LanguageConfig lang : config.languages()) {
            if (!present.contains(lang.code() + ":")) {
                String title = config.title().in(lang.code(), config.defaultLanguage());
                added.put(lang.code() + ":", new Page(PageKind.HOME, lang.code(), "path:_index", paths.languageRoot(lang.code()),
                        title, null, null, "home", "", null, null, Map.of(), null, null, null));
            }
        }
        for (Page p : pages) {
            if (p.kind() != PageKind.PAGE && p.kind() != PageKind.SECTION) continue;
            String key = p.kind() == PageKind.SECTION ? parent(p.sectionKey()) : p.sectionKey();
            while (!key.isEmpty()) {
                String id = p.language() + ":" + key;
                if (!present.contains(id) && !added.containsKey(id)) {
                    added.put(id, new Page(PageKind.SECTION, p.language(), "path:" + key + "/_index",
                            paths.leaf(sectionPath(p.language(), key, sectionIndexes)), Slugs.humanize(lastSegment(key)), null, null,
                            typeOf(key), key, null, null, Map.of(), null, null, null));
                }
                key = parent(key);
            }
        }
        pages.addAll(added.values());
    }

    private void addTaxonomyPages(List<Page> pages, Map<String, Term> terms, Map<String, List<Page>> listings,
                                  Map<String, List<Library.TermCount>> termCounts, Map<String, List<Page>> visible) {
        // As in Hugo, content/<taxonomy>/<term>/_index.md gives a taxonomy or term page its title and text.
        Map<String, Page> sectionsByPath = new HashMap<>();
        for (Page p : pages) if (p.kind() == PageKind.SECTION) sectionsByPath.put(p.path(), p);
        List<Page> added = new ArrayList<>();
        for (String taxonomy : Facets.all(config)) {
            // Every term of every language, so that a term page exists in all languages and its pages are
            // translations of each other, as documents are.
            Map<String, Map<String, String>> rawBySlug = new TreeMap<>();
            Map<Page, List<String>> slugsOf = new java.util.IdentityHashMap<>();   // each document's slugs, made once (records hash deeply)
            for (LanguageConfig lang : config.languages()) {
                for (Page doc : visible.getOrDefault(lang.code(), List.of())) {
                    if (slugsOf.containsKey(doc)) continue;
                    List<String> slugs = new ArrayList<>();
                    for (String raw : Facets.values(doc, taxonomy)) {
                        String slug = Slugs.term(taxonomy, raw);
                        rawBySlug.computeIfAbsent(slug, k -> new HashMap<>()).putIfAbsent(doc.language(), raw);
                        if (!slugs.contains(slug)) slugs.add(slug);
                    }
                    slugsOf.put(doc, slugs);
                }
            }
            // A taxonomy the site names has its page even before a document uses it, as in Hugo.
            if (rawBySlug.isEmpty() && !(config.urls().emptyTaxonomyPages() && config.taxonomies().contains(taxonomy))) continue;
            for (LanguageConfig lang : config.languages()) {
                String taxonomyFolder = generated.folderOf(taxonomy, lang.code());
                String taxonomyPath = paths.leaf(taxonomyFolder);
                added.add(withContent(new Page(PageKind.TAXONOMY, lang.code(), Library.taxonomyGroupKey(taxonomy),
                        taxonomyPath, taxonomy, null, null, "taxonomy", "", null, null, Map.of(), null, taxonomy, null),
                        sectionsByPath, pages, generated.englishPath(taxonomy, lang.code())));
                Map<String, List<Page>> bySlug = new HashMap<>();
                for (Page doc : visible.getOrDefault(lang.code(), List.of())) {
                    for (String slug : slugsOf.get(doc)) bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(doc);
                }
                List<Library.TermCount> counts = new ArrayList<>();
                for (Map.Entry<String, Map<String, String>> e : rawBySlug.entrySet()) {
                    String slug = e.getKey();
                    Term term = new Term(taxonomy, slug, label(taxonomy, slug, e.getValue(), lang));
                    terms.put(Library.termKey(taxonomy, slug, lang.code()), term);
                    String path = paths.leaf(taxonomyFolder + slug + "/");
                    added.add(withContent(new Page(PageKind.TERM, lang.code(), Library.termGroupKey(taxonomy, slug),
                            path, term.label(), null, null, "term", "", null, null, Map.of(), null, taxonomy, slug),
                            sectionsByPath, pages, englishTermPath(taxonomy, slug, lang.code())));
                    List<Page> tagged = new ArrayList<>(bySlug.getOrDefault(slug, List.of()));
                    tagged.sort(NEWEST_FIRST);
                    listings.put(path, List.copyOf(tagged));
                    counts.add(new Library.TermCount(term, path, tagged.size()));
                }
                // Sorted as the language sorts ("Bénin" before "Burkina Faso"), years newest first.
                java.text.Collator collator = java.text.Collator.getInstance(lang.locale());
                collator.setStrength(java.text.Collator.SECONDARY);
                counts.sort(taxonomy.equals(Facets.YEARS)
                        ? Comparator.comparing((Library.TermCount c) -> c.term().slug()).reversed()
                        : Comparator.comparing((Library.TermCount c) -> c.term().label(), collator)
                                .thenComparing(c -> c.term().slug()));
                termCounts.put(taxonomyPath, List.copyOf(counts));
            }
        }
        // An _index.md for a term no document carries yet is still that term's page, and a translation of the
        // term pages of other languages.
        for (Page section : List.copyOf(sectionsByPath.values())) {
            String[] parts = section.sectionKey().split("/");
            if (!Facets.all(config).contains(parts[0]) || parts.length > 2) continue;
            String lang = section.language();
            String english = parts.length == 1 ? generated.englishPath(parts[0], lang)
                    : englishTermPath(parts[0], Slugs.term(parts[0], parts[1]), lang);
            // Under the folder its readers' language gives it, unless the _index.md chose its own path.
            String path = !section.path().equals(english) ? section.path() : parts.length == 1
                    ? generated.path(parts[0], lang)
                    : paths.leaf(generated.folderOf(parts[0], lang) + Slugs.term(parts[0], parts[1]) + "/");
            Page page = parts.length == 1
                    ? new Page(PageKind.TAXONOMY, lang, Library.taxonomyGroupKey(parts[0]), path,
                    parts[0], null, null, "taxonomy", "", null, null, Map.of(), null, parts[0], null)
                    : new Page(PageKind.TERM, lang, Library.termGroupKey(parts[0], Slugs.term(parts[0], parts[1])),
                    path, section.title(), null, null, "term", "", null, null, Map.of(), null, parts[0],
                    Slugs.term(parts[0], parts[1]));
            added.add(withContent(page, sectionsByPath, pages, section.path()));
        }
        for (LanguageConfig lang : config.languages()) {
            // A site page written for the search path (Hugo sites often have content/search.md) becomes the
            // search page's title and introduction, instead of clashing with it; the same for the library.
            added.add(generatedWithText(pages, PageKind.SEARCH, lang.code(), ownOrTranslatedPath(pages, "search", lang.code()),
                    Library.SEARCH_GROUP_KEY, "search"));
            Page library = generatedWithText(pages, PageKind.LIBRARY, lang.code(),
                    ownOrTranslatedPath(pages, "library", lang.code()), Library.LIBRARY_GROUP_KEY, "library");
            String libraryPath = library.path();
            added.add(library);
            List<Page> all = new ArrayList<>(visible.getOrDefault(lang.code(), List.of()));
            all.sort(NEWEST_FIRST);
            listings.put(libraryPath, List.copyOf(all));
        }
        pages.addAll(added);
    }

    /** Taxonomy and term pages with text of their own are documents too, counted in their language's library. */
    private void addTextOfTermPagesToLibraries(List<Page> pages, Map<String, List<Page>> listings) {
        for (LanguageConfig lang : config.languages()) {
            List<Page> extra = pages.stream().filter(p -> (p.kind() == PageKind.TERM || p.kind() == PageKind.TAXONOMY)
                    && p.language().equals(lang.code()) && p.isDocument()).toList();
            if (extra.isEmpty()) continue;
            String libraryPath = pages.stream().filter(p -> p.kind() == PageKind.LIBRARY && p.language().equals(lang.code()))
                    .map(Page::path).findFirst().orElseThrow();
            List<Page> all = new ArrayList<>(listings.getOrDefault(libraryPath, List.of()));
            all.addAll(extra);
            all.sort(NEWEST_FIRST);
            listings.put(libraryPath, List.copyOf(all));
        }
    }

    /**
     * The translated folder ("/fr/recherche/"), unless the site has its own page at the English one: a Hugo site
     * with content/fr/search.md keeps its search page where its readers know it.
     */
    private String ownOrTranslatedPath(List<Page> pages, String name, String lang) {
        String translated = generated.path(name, lang);
        String english = generated.englishPath(name, lang);
        if (translated.equals(english)) return translated;
        boolean ownAtEnglish = pages.stream().anyMatch(p -> p.path().equals(english) && p.document() != null);
        return ownAtEnglish ? english : translated;
    }

    /**
     * The words wanted, except where the site's own pages are already in the translated folder: "recherche" is also
     * French for research, "pays" may be a section of the site. The site keeps its URLs; the page Agora makes keeps
     * its English folder, with a warning that says how to have both.
     */
    private GeneratedPaths clearOfSiteContent(List<Page> sitePages, List<StaticFile> staticFiles) {
        Map<String, List<Occupant>> byFolder = new HashMap<>();   // every folder the site's own things are in or are
        for (Page p : sitePages) {
            SourcePosition at = p.document() != null ? SourcePosition.of(p.document().source().file(), 1) : SourcePosition.of(config.configFile());
            String what = p.document() != null ? p.document().source().relPath() : "the section " + p.path();
            occupy(byFolder, p.path(), new Occupant(what, at, p.sectionKey()));
            if (p.document() == null) continue;
            for (String alias : p.document().frontMatter().aliases()) {
                if (alias.startsWith("/")) occupy(byFolder, alias, new Occupant("an alias of " + what,
                        SourcePosition.of(p.document().source().file(), p.document().frontMatter().lineOf("aliases")), ""));
            }
        }
        for (StaticFile f : staticFiles) occupy(byFolder, "/" + f.outputPath(), new Occupant(f.relPath(), SourcePosition.of(f.file()), ""));
        List<String> names = new ArrayList<>(GeneratedSlugs.OWN_PAGES);
        Facets.all(config).stream().filter(n -> !names.contains(n)).forEach(names::add);
        GeneratedPaths out = wanted;
        for (LanguageConfig lang : config.languages()) {
            for (String name : names) {
                String folder = wanted.folderOf(name, lang.code());
                if (folder.equals(wanted.englishFolderOf(name, lang.code()))) continue;
                // content/fr/themes/_index.md with slug: thèmes is the themes page's own text, not another page.
                Occupant there = byFolder.getOrDefault(folder, List.of()).stream()
                        .filter(o -> !o.sectionKey().equals(name) && !o.sectionKey().startsWith(name + "/")).findFirst().orElse(null);
                if (there == null) continue;
                out = out.keepingEnglish(name, lang.code());
                diagnostics.warning("slug.taken", there.at(), "the folder " + folder + " is the site's own (" + there.what()
                                + "); the " + name + " pages of '" + lang.code() + "' stay at " + wanted.englishFolderOf(name, lang.code()),
                        "give that content another slug:, or " + name + " another word in slugs: of site-config.yml");
            }
        }
        return out;
    }

    /** Something of the site's own in a folder: a page, an alias, a static file; a section's key says whose text it is. */
    private record Occupant(String what, SourcePosition at, String sectionKey) {}

    /** Marks every folder {@code path} is in, and the folder an ugly "x.html" page stands for. */
    private static void occupy(Map<String, List<Occupant>> byFolder, String path, Occupant occupant) {
        String folderForm = path.endsWith(".html") ? path.substring(0, path.length() - ".html".length()) + "/" : path;
        for (int slash = folderForm.indexOf('/', 1); slash > 0; slash = folderForm.indexOf('/', slash + 1)) {
            byFolder.computeIfAbsent(folderForm.substring(0, slash + 1), k -> new ArrayList<>()).add(occupant);
        }
    }

    private String englishTermPath(String taxonomy, String slug, String lang) {
        return paths.leaf(generated.englishFolderOf(taxonomy, lang) + slug + "/");
    }

    /**
     * The English path of every page Agora makes under a translated folder redirects to it, so links and
     * bookmarks from before keep working; a page, file or alias of the site's own at that path keeps it.
     */
    private List<Alias> englishPathRedirects(List<Page> pages, List<Alias> siteAliases, List<StaticFile> staticFiles) {
        Set<String> taken = new HashSet<>();
        staticFiles.forEach(f -> taken.add(f.outputPath()));
        pages.forEach(p -> taken.add(p.outputPath()));
        siteAliases.forEach(a -> taken.add(Page.outputPathOf(a.path())));
        List<Alias> out = new ArrayList<>();
        for (Page p : pages) {
            String english = switch (p.kind()) {
                case TAXONOMY -> generated.englishPath(p.taxonomy(), p.language());
                case TERM -> englishTermPath(p.taxonomy(), p.term(), p.language());
                case SEARCH -> generated.englishPath("search", p.language());
                case LIBRARY -> generated.englishPath("library", p.language());
                default -> null;
            };
            if (english == null || english.equals(p.path()) || !taken.add(Page.outputPathOf(english))) continue;
            out.add(new Alias(english, p, 0));
        }
        return out;
    }

    private static Page generatedWithText(List<Page> pages, PageKind kind, String lang, String path, String groupKey,
                                          String type) {
        Page own = pages.stream().filter(p -> p.path().equals(path) && p.document() != null).findFirst().orElse(null);
        if (own != null) pages.remove(own);
        return new Page(kind, lang, groupKey, path,
                own != null && own.document().frontMatter().title() != null ? own.title() : type,
                null, null, type, "", null, own == null ? null : own.summary(), Map.of(),
                own == null ? null : own.document(), null, null);
    }

    /**
     * The documents a language's readers get: their own, and for a document not translated into their
     * language, the version in the first fallback language that has one (never two versions of one document).
     */
    private Map<String, List<Page>> visibleDocuments(List<Page> pages) {
        Map<String, Map<String, Page>> groups = new TreeMap<>();
        for (Page p : pages) {
            if (p.kind() == PageKind.PAGE) groups.computeIfAbsent(p.groupKey(), k -> new HashMap<>()).putIfAbsent(p.language(), p);
        }
        Map<String, List<Page>> out = new HashMap<>();
        for (LanguageConfig lang : config.languages()) {
            List<Page> docs = new ArrayList<>();
            for (Map<String, Page> group : groups.values()) {
                Page shown = group.get(lang.code());
                for (java.util.Iterator<String> f = config.fallbacksOf(lang.code()).iterator(); shown == null && f.hasNext(); ) {
                    shown = group.get(f.next());
                }
                if (shown != null) docs.add(shown);
            }
            // A home or section page with text is a document of its own language only: every language has its
            // section pages, so a fallback would show two pages for one place.
            for (Page p : pages) {
                if (p.kind() != PageKind.PAGE && p.language().equals(lang.code()) && p.isDocument()) docs.add(p);
            }
            out.put(lang.code(), List.copyOf(docs));
        }
        return out;
    }

    /** Terms a document gives that data/taxonomies.yml does not define are most likely typos. */
    private void reportUndefinedTerms(List<Page> pages) {
        var labels = config.termLabels();
        for (String taxonomy : config.taxonomies()) {
            if (!labels.defines(taxonomy)) continue;
            Map<String, String> known = new TreeMap<>();
            labels.terms(taxonomy).keySet().forEach(raw -> known.put(Slugs.term(taxonomy, raw), raw));
            for (Page p : pages) {
                if (p.document() == null) continue;
                for (String raw : p.terms().getOrDefault(taxonomy, List.of())) {
                    if (known.containsKey(Slugs.term(taxonomy, raw))) continue;
                    String hint = org.agora.diag.Suggestions.closest(raw, known.values())
                            .map(s -> "did you mean '" + s + "'? Otherwise add '" + raw + "' to " + TermLabels.FILE)
                            .orElse("add it, with its label in each language, to " + TermLabels.FILE);
                    diagnostics.warning(SourcePosition.of(p.document().source().file(), p.document().frontMatter().lineOf(taxonomy)),
                            taxonomy + " '" + raw + "' is not defined in " + TermLabels.FILE, hint);
                }
            }
        }
    }

    /** The generated page, taking over the section page written for the same path, if any. */
    private static Page withContent(Page generated, Map<String, Page> sectionsByPath, List<Page> pages, String englishPath) {
        Page section = sectionsByPath.remove(generated.path());
        // content/fr/themes/_index.md is the text of the French themes page, whatever folder French readers see.
        if (section == null) section = sectionsByPath.remove(englishPath);
        if (section == null) return generated;
        pages.remove(section);
        // A folder content/tags/x/ without content/tags/_index.md gives "tags" a section page with no text.
        if (section.document() == null) return generated;
        String title = section.document().frontMatter().title() != null ? section.title() : generated.title();
        return new Page(generated.kind(), generated.language(), generated.groupKey(), generated.path(), title,
                section.date(), section.lastmod(), generated.type(), section.sectionKey(), section.weight(),
                section.summary(), Map.of(), section.document(), generated.taxonomy(), generated.term());
    }

    /**
     * What readers see for a term: the label data/taxonomies.yml gives in their language, a country's name in
     * their locale ("Belgique", "België"), or the term as a document of their language (else any) wrote it.
     * Type labels come from the theme's UI strings when pages are rendered.
     */
    /** data/taxonomies.yml's labels by taxonomy and slug, slugged once per build rather than once per term. */
    private final Map<String, Map<String, org.agora.config.LocalizedText>> labelsBySlug = new HashMap<>();

    private Map<String, org.agora.config.LocalizedText> labelsOf(String taxonomy) {
        Map<String, org.agora.config.LocalizedText> out = new HashMap<>();
        config.termLabels().terms(taxonomy).forEach((value, text) -> out.putIfAbsent(Slugs.term(taxonomy, value), text));
        return out;
    }

    private String label(String taxonomy, String slug, Map<String, String> rawByLanguage, LanguageConfig lang) {
        String written = rawByLanguage.getOrDefault(lang.code(), rawByLanguage.getOrDefault(config.defaultLanguage(),
                new TreeMap<>(rawByLanguage).firstEntry().getValue()));
        org.agora.config.LocalizedText given = labelsBySlug.computeIfAbsent(taxonomy, this::labelsOf).get(slug);
        if (given != null) return given.in(lang.code(), config.defaultLanguage());
        if (taxonomy.equals("countries")) {
            String name = new java.util.Locale.Builder().setRegion(written.strip().toUpperCase(java.util.Locale.ROOT)).build()
                    .getDisplayCountry(lang.locale());
            return name.isEmpty() ? written : name;
        }
        return written;
    }

    private Map<String, Page> indexByPath(List<Page> pages) {
        Map<String, Page> byPath = new LinkedHashMap<>();
        Map<String, Page> byOutput = new HashMap<>();
        for (Page p : pages) {
            Page other = byOutput.putIfAbsent(p.outputPath(), p);
            if (other != null) {
                reportClash(p, other);
                continue;
            }
            byPath.put(p.path(), p);
        }
        return byPath;
    }

    private void reportClash(Page p, Page other) {
        String otherName = other.document() == null ? "a page the generator makes (" + other.kind().name().toLowerCase() + ")"
                : other.document().source().relPath();
        SourcePosition at = p.document() != null ? SourcePosition.of(p.document().source().file(), lineOfPathField(p))
                : other.document() != null ? SourcePosition.of(other.document().source().file(), lineOfPathField(other))
                : SourcePosition.of(config.configFile());
        diagnostics.error(at, "two pages would be written to " + p.path() + " (this one and " + otherName + ")",
                "give one of them another slug: or url: in its front matter");
    }

    private static int lineOfPathField(Page p) {
        FrontMatter fm = p.document().frontMatter();
        if (fm.url() != null) return fm.lineOf("url");
        if (fm.slug() != null) return fm.lineOf("slug");
        return 1;
    }

    private Map<String, TranslationGroup> group(List<Page> pages) {
        Map<String, Map<String, Page>> byKey = new TreeMap<>();
        for (Page p : pages) {
            Map<String, Page> members = byKey.computeIfAbsent(p.groupKey(), k -> new TreeMap<>());
            Page other = members.putIfAbsent(p.language(), p);
            if (other != null && p.document() != null) {
                String key = p.groupKey().startsWith("key:") ? "translationKey '" + p.groupKey().substring(4) + "'"
                        : "the same path";
                diagnostics.error(SourcePosition.of(p.document().source().file(), p.document().frontMatter().lineOf("translationKey")),
                        "two '" + p.language() + "' documents share " + key + ": this one and "
                                + (other.document() == null ? other.path() : other.document().source().relPath()),
                        "a translation group holds one document per language; change the translationKey or the language of one");
            }
        }
        Map<String, TranslationGroup> groups = new HashMap<>();
        byKey.forEach((k, v) -> groups.put(k, new TranslationGroup(k, v)));
        return groups;
    }

    /** Sections list their documents (fallback versions of untranslated ones included) and their subsections. */
    private void addListings(List<Page> pages, Map<String, List<Page>> listings, Map<String, List<Page>> visible) {
        Map<String, List<Page>> bySection = new HashMap<>();
        visible.forEach((lang, docs) -> docs.stream().filter(d -> d.kind() == PageKind.PAGE).forEach(d ->
                bySection.computeIfAbsent(lang + ":" + d.sectionKey(), k -> new ArrayList<>()).add(d)));
        for (Page p : pages) {
            if (p.kind() == PageKind.SECTION) {
                bySection.computeIfAbsent(p.language() + ":" + parent(p.sectionKey()), k -> new ArrayList<>()).add(p);
            }
        }
        for (Page p : pages) {
            if (p.kind() == PageKind.SECTION) {
                List<Page> children = new ArrayList<>(bySection.getOrDefault(p.language() + ":" + p.sectionKey(), List.of()));
                children.sort(LISTING_ORDER);
                listings.put(p.path(), List.copyOf(children));
            } else if (p.kind() == PageKind.HOME) {
                List<Page> recent = new ArrayList<>(visible.getOrDefault(p.language(), List.of()).stream()
                        .filter(d -> d.kind() == PageKind.PAGE).toList());
                recent.sort(NEWEST_FIRST);
                listings.put(p.path(), List.copyOf(recent));
            }
        }
    }

    private List<Alias> aliases(List<Page> pages, Map<String, Page> byPath) {
        List<Alias> out = new ArrayList<>();
        Map<String, Alias> seen = new HashMap<>();
        Set<String> pageOutputs = new HashSet<>();
        pages.forEach(p -> pageOutputs.add(p.outputPath()));
        for (Page p : pages) {   // in path order: the same document is blamed for a clash in every build
            if (p.document() == null) continue;
            for (String written : p.document().frontMatter().aliases()) {
                // As in Hugo: an absolute alias is a path of the site as written; a relative one is beside the page.
                String aliasPath = written.startsWith("/") ? written
                        : org.agora.content.SitePath.normalize(p.path().substring(0, p.path().lastIndexOf('/', p.path().length() - 2) + 1) + written)
                        .orElse(null);
                if (aliasPath != null && config.urls().uglyUrls() && !aliasPath.endsWith("/")
                        && !aliasPath.substring(aliasPath.lastIndexOf('/') + 1).contains(".")) {
                    aliasPath += ".html";   // as Hugo writes "/coc" with uglyURLs: coc.html
                }
                if (aliasPath == null) {
                    diagnostics.error("frontmatter.path-outside-site", SourcePosition.of(p.document().source().file(),
                            p.document().frontMatter().lineOf("aliases")), "alias '" + written + "' would point outside the site",
                            "write a path inside the site such as  /old-page/");
                    continue;
                }
                int line = p.document().frontMatter().lineOf("aliases");
                SourcePosition at = SourcePosition.of(p.document().source().file(), line);
                String output = Page.outputPathOf(aliasPath);
                if (output.equals(p.outputPath())) {
                    // Hugo sites keep a page's old path among its aliases after moving it back: nothing to redirect.
                    diagnostics.warning("alias.own-path", at, "alias " + aliasPath + " is this page's own path; it is ignored",
                            "remove it from aliases:");
                    continue;
                }
                if (pageOutputs.contains(output)) {
                    diagnostics.error(at, "alias " + aliasPath + " is the path of an existing page",
                            "remove the alias, or move that page");
                    continue;
                }
                Alias alias = new Alias(aliasPath, p, line);
                Alias other = seen.putIfAbsent(output, alias);
                if (other != null) {
                    diagnostics.error(at, "alias " + aliasPath + " is also claimed by "
                            + other.target().document().source().relPath(), "keep the alias in one document only");
                    continue;
                }
                out.add(alias);
            }
        }
        out.sort(Comparator.comparing(Alias::path));
        return List.copyOf(out);
    }

    private static String parent(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    private static String lastSegment(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

}
