package org.agora.model;

import org.agora.content.Slugs;
import org.agora.config.SiteConfig;
import org.agora.content.StaticFile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole site, linked: every page with its place, translations, listings and taxonomy terms.
 * Templates and later stages read it; nothing changes it.
 * @param generatedPaths the folders of the pages Agora makes in each language (/fr/recherche/)
 * @param pages all pages, sorted by path
 * @param listings for each list page (home, section, term), its documents in display order
 * @param termCounts for each taxonomy page, its terms with the number of documents
 * @param sourceGroups for each Markdown file (path below content/), its translation group key, so that
 *                     links between Markdown files find the page in the reader's language
 * @param pathKeyGroups for each path without language ("guides/checklist"), its translation group key, so that
 *                      a link written in one language's folder finds a document that only another language has
 * @param unpublished Markdown files left out of the build (drafts), by path below content/
 */
public record Library(
        SiteConfig config,
        GeneratedPaths generatedPaths,
        List<Page> pages,
        Map<String, Page> byPath,
        Map<String, TranslationGroup> groups,
        Map<String, List<Page>> listings,
        Map<String, List<TermCount>> termCounts,
        Map<String, Term> terms,
        List<Alias> aliases,
        List<StaticFile> staticFiles,
        Map<String, String> sourceGroups,
        Map<String, String> pathKeyGroups,
        java.util.Set<String> unpublished) {

    /** A term and how many documents of the page's language carry it. */
    public record TermCount(Term term, String path, int count) {}

    public TranslationGroup groupOf(Page page) { return groups.get(page.groupKey()); }

    /**
     * How a document was translated: its own {@code translation:}, else, for a translation (a version outside the
     * default language whose group has the default language's version), the site's default; empty for originals
     * and when neither says.
     */
    public Optional<org.agora.content.FrontMatter.Translation> translationOf(Page page) {
        if (page.document() == null) return Optional.empty();
        var own = page.document().frontMatter().translation();
        if (own != null && own.method() != null) return Optional.of(own);
        if (config.translationDefault() == null || page.language().equals(config.defaultLanguage())) return Optional.empty();
        TranslationGroup group = groupOf(page);
        boolean hasOriginal = group != null && group.in(config.defaultLanguage()).filter(p -> p.document() != null).isPresent();
        return hasOriginal ? Optional.of(new org.agora.content.FrontMatter.Translation(config.translationDefault(), null, null,
                own == null ? null : own.source()))
                : Optional.empty();
    }

    public List<Page> listing(Page page) { return listings.getOrDefault(page.path(), List.of()); }

    public List<TermCount> termCounts(Page taxonomyPage) { return termCounts.getOrDefault(taxonomyPage.path(), List.of()); }

    /** How a raw front-matter value of a taxonomy shows in a language, and where its page is. */
    public Optional<Term> term(String taxonomy, String rawValue, String language) {
        return Optional.ofNullable(terms.get(termKey(taxonomy, Slugs.term(taxonomy, rawValue), language)));
    }

    public Optional<Page> termPage(Term term, String language) {
        return Optional.ofNullable(groups.get(termGroupKey(term.taxonomy(), term.slug())))
                .flatMap(g -> g.in(language));
    }

    /** The page a language's readers get for a group: their own, else the first fallback that exists. */
    public Optional<Page> inLanguageOrFallback(TranslationGroup group, String language) {
        Optional<Page> own = group.in(language);
        if (own.isPresent()) return own;
        for (String fallback : config.fallbacksOf(language)) {
            Optional<Page> p = group.in(fallback);
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    /**
     * Pages Agora makes that moved to their language's folder → their English paths, which redirect to them
     * ("/fr/thèmes/" → ["/fr/themes/"]); the site's own aliases are not in it.
     */
    public Map<String, List<String>> formerPaths() {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (Alias a : aliases) {
            if (a.target().document() == null) out.computeIfAbsent(a.target().path(), k -> new java.util.ArrayList<>()).add(a.path());
        }
        return out;
    }

    public List<Page> pagesIn(String language) {
        return pages.stream().filter(p -> p.language().equals(language)).toList();
    }

    static String termKey(String taxonomy, String slug, String language) {
        return taxonomy + "\u0000" + slug + "\u0000" + language;
    }

    public static String termGroupKey(String taxonomy, String slug) { return "taxonomy:" + taxonomy + "/" + slug; }

    static String taxonomyGroupKey(String taxonomy) { return "taxonomy:" + taxonomy; }

    static final String SEARCH_GROUP_KEY = "generated:search";
    static final String LIBRARY_GROUP_KEY = "generated:library";

    /** Where a language's search page lives: the header's search box sends its query there. */
    public String searchPath(String language) { return generatedPage(PageKind.SEARCH, "search", language); }

    /** Where a language's library lives: every document its readers can open, with filters. */
    public String libraryPath(String language) { return generatedPage(PageKind.LIBRARY, "library", language); }

    /** A facet's page in a language ("/fr/thematiques/"), whether or not it was written. */
    public String facetPath(String facet, String language) { return generatedPaths.path(facet, language); }

    private String generatedPage(PageKind kind, String name, String language) {
        String translated = generatedPaths.path(name, language);
        Page page = byPath.get(translated);
        // The site's own page at the English path took it over (a Hugo site's content/fr/search.md).
        return page != null && page.kind() == kind ? translated : generatedPaths.englishPath(name, language);
    }
}
