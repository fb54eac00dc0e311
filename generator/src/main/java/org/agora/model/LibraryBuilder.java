package org.agora.model;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
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

    private final SiteConfig config;
    private final Diagnostics diagnostics;

    public LibraryBuilder(SiteConfig config, Diagnostics diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
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

        Map<String, Term> terms = new TreeMap<>();
        Map<String, List<Page>> listings = new TreeMap<>();
        Map<String, List<Library.TermCount>> termCounts = new TreeMap<>();
        addTaxonomyPages(pages, terms, listings, termCounts);

        pages.sort(Comparator.comparing(Page::path));
        Map<String, Page> byPath = indexByPath(pages);
        pages.removeIf(p -> byPath.get(p.path()) != p);   // the loser of a clash was reported and is left out
        Map<String, TranslationGroup> groups = group(pages);
        addListings(pages, listings);
        List<Alias> aliases = aliases(pages, byPath);
        return new Library(config, List.copyOf(pages), Map.copyOf(byPath), Map.copyOf(groups), Map.copyOf(listings),
                Map.copyOf(termCounts), Map.copyOf(terms), aliases, staticFiles, Map.copyOf(sourceGroups),
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
        String path;
        if (fm.url() != null) {
            path = fm.url();
        } else if (kind == PageKind.PAGE) {
            // The file name, date prefix included: two posts may share a title on different days.
            String slug = fm.slug() != null ? fm.slug() : Slugs.segment(s.baseName());
            path = sectionPath(lang, sectionKey, sectionIndexes) + slug + "/";
        } else {
            path = sectionPath(lang, sectionKey, sectionIndexes);
        }
        String title = fm.title();
        if (title == null || title.isBlank()) {
            String fallbackName = kind == PageKind.HOME ? config.title().in(lang, config.defaultLanguage())
                    : Slugs.humanize(kind == PageKind.PAGE ? FrontMatterParser.nameWithoutDate(s.baseName())
                    : lastSegment(sectionKey));
            if (kind == PageKind.PAGE && d.frontMatterRead()) {
                diagnostics.warning(SourcePosition.of(s.file(), 1), "the document has no title; '" + fallbackName
                        + "' is shown instead", "add  title: ...  to its front matter");
            }
            title = fallbackName;
        }
        String type = fm.type() != null ? fm.type() : typeOf(sectionKey);
        return new Page(kind, lang, groupKeyOf(d), path, title, fm.date(), fm.lastmod(), type, sectionKey,
                fm.weight(), fm.summary(), fm.taxonomyTerms(), d, null, null);
    }

    private static String typeOf(String sectionKey) {
        if (sectionKey.isEmpty()) return "page";
        int slash = sectionKey.indexOf('/');
        return slash < 0 ? sectionKey : sectionKey.substring(0, slash);
    }

    /** "/fr/guides-pratiques/" for section "guides": each folder takes the slug its _index.md gives in that language. */
    private String sectionPath(String lang, String sectionKey, Map<String, ParsedDocument> sectionIndexes) {
        StringBuilder path = new StringBuilder("/").append(lang).append('/');
        if (sectionKey.isEmpty()) return path.toString();
        String prefix = "";
        for (String folder : sectionKey.split("/")) {
            prefix = prefix.isEmpty() ? folder : prefix + "/" + folder;
            ParsedDocument index = sectionIndexes.get(lang + ":" + prefix);
            String slug = index != null && index.frontMatter().slug() != null ? index.frontMatter().slug() : Slugs.segment(folder);
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
                added.put(lang.code() + ":", new Page(PageKind.HOME, lang.code(), "path:_index", "/" + lang.code() + "/",
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
                            sectionPath(p.language(), key, sectionIndexes), Slugs.humanize(lastSegment(key)), null, null,
                            typeOf(key), key, null, null, Map.of(), null, null, null));
                }
                key = parent(key);
            }
        }
        pages.addAll(added.values());
    }

    private void addTaxonomyPages(List<Page> pages, Map<String, Term> terms, Map<String, List<Page>> listings,
                                  Map<String, List<Library.TermCount>> termCounts) {
        List<Page> documents = pages.stream().filter(p -> p.kind() == PageKind.PAGE).toList();
        // As in Hugo, content/<taxonomy>/<term>/_index.md gives a taxonomy or term page its title and text.
        Map<String, Page> sectionsByPath = new HashMap<>();
        for (Page p : pages) if (p.kind() == PageKind.SECTION) sectionsByPath.put(p.path(), p);
        List<Page> added = new ArrayList<>();
        for (String taxonomy : config.taxonomies()) {
            for (LanguageConfig lang : config.languages()) {
                Map<String, List<Page>> bySlug = new TreeMap<>();
                Map<String, String> labels = new HashMap<>();
                for (Page doc : documents) {
                    if (!doc.language().equals(lang.code())) continue;
                    for (String raw : doc.terms().getOrDefault(taxonomy, List.of())) {
                        String slug = Slugs.term(taxonomy, raw);
                        bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(doc);
                        labels.putIfAbsent(slug, label(taxonomy, raw, lang));
                    }
                }
                if (bySlug.isEmpty()) continue;
                String taxonomyPath = "/" + lang.code() + "/" + taxonomy + "/";
                added.add(withContent(new Page(PageKind.TAXONOMY, lang.code(), Library.taxonomyGroupKey(taxonomy),
                        taxonomyPath, taxonomy, null, null, "taxonomy", "", null, null, Map.of(), null, taxonomy, null),
                        sectionsByPath, pages));
                List<Library.TermCount> counts = new ArrayList<>();
                for (Map.Entry<String, List<Page>> e : bySlug.entrySet()) {
                    Term term = new Term(taxonomy, e.getKey(), labels.get(e.getKey()));
                    terms.put(Library.termKey(taxonomy, e.getKey(), lang.code()), term);
                    String path = taxonomyPath + e.getKey() + "/";
                    added.add(withContent(new Page(PageKind.TERM, lang.code(), Library.termGroupKey(taxonomy, e.getKey()),
                            path, term.label(), null, null, "term", "", null, null, Map.of(), null, taxonomy, e.getKey()),
                            sectionsByPath, pages));
                    List<Page> tagged = new ArrayList<>(e.getValue());
                    tagged.sort(Comparator.comparing(Page::date, Comparator.nullsLast(Comparator.<PageDate>reverseOrder()))
                            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER).thenComparing(Page::path));
                    listings.put(path, List.copyOf(tagged));
                    counts.add(new Library.TermCount(term, path, tagged.size()));
                }
                counts.sort(Comparator.comparing((Library.TermCount c) -> c.term().label(), String.CASE_INSENSITIVE_ORDER));
                termCounts.put(taxonomyPath, List.copyOf(counts));
            }
        }
        // An _index.md for a term no document of its language carries yet is still that term's page, and
        // a translation of the term pages of other languages.
        for (Page section : List.copyOf(sectionsByPath.values())) {
            String[] parts = section.sectionKey().split("/");
            if (!config.taxonomies().contains(parts[0]) || parts.length > 2) continue;
            Page generated = parts.length == 1
                    ? new Page(PageKind.TAXONOMY, section.language(), Library.taxonomyGroupKey(parts[0]), section.path(),
                    parts[0], null, null, "taxonomy", "", null, null, Map.of(), null, parts[0], null)
                    : new Page(PageKind.TERM, section.language(), Library.termGroupKey(parts[0], Slugs.term(parts[0], parts[1])),
                    section.path(), section.title(), null, null, "term", "", null, null, Map.of(), null, parts[0],
                    Slugs.term(parts[0], parts[1]));
            added.add(withContent(generated, sectionsByPath, pages));
        }
        // A site page written for the search path (Hugo sites often have content/search.md) becomes the
        // search page's title and introduction, instead of clashing with it.
        for (LanguageConfig lang : config.languages()) {
            String path = Library.searchPath(lang.code());
            Page own = pages.stream().filter(p -> p.path().equals(path) && p.document() != null).findFirst().orElse(null);
            if (own != null) pages.remove(own);
            added.add(new Page(PageKind.SEARCH, lang.code(), Library.SEARCH_GROUP_KEY, path,
                    own != null && own.document().frontMatter().title() != null ? own.title() : "search",
                    null, null, "search", "", null, own == null ? null : own.summary(), Map.of(),
                    own == null ? null : own.document(), null, null));
        }
        pages.addAll(added);
    }

    /** The generated page, taking over the section page written for the same path, if any. */
    private static Page withContent(Page generated, Map<String, Page> sectionsByPath, List<Page> pages) {
        Page section = sectionsByPath.remove(generated.path());
        if (section == null) return generated;
        pages.remove(section);
        String title = section.document().frontMatter().title() != null ? section.title() : generated.title();
        return new Page(generated.kind(), generated.language(), generated.groupKey(), generated.path(), title,
                section.date(), section.lastmod(), generated.type(), section.sectionKey(), section.weight(),
                section.summary(), Map.of(), section.document(), generated.taxonomy(), generated.term());
    }

    /** Country codes show as the locale's own name ("Belgique", "België"); other terms as written. */
    private static String label(String taxonomy, String raw, LanguageConfig lang) {
        if (taxonomy.equals("countries")) {
            String name = new java.util.Locale.Builder().setRegion(raw.toUpperCase(java.util.Locale.ROOT)).build()
                    .getDisplayCountry(lang.locale());
            return name.isEmpty() ? raw : name;
        }
        return raw;
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

    private void addListings(List<Page> pages, Map<String, List<Page>> listings) {
        Map<String, List<Page>> bySection = new HashMap<>();
        Map<String, List<Page>> byLanguage = new HashMap<>();
        for (Page p : pages) {
            if (p.kind() == PageKind.PAGE) {
                bySection.computeIfAbsent(p.language() + ":" + p.sectionKey(), k -> new ArrayList<>()).add(p);
                byLanguage.computeIfAbsent(p.language(), k -> new ArrayList<>()).add(p);
            } else if (p.kind() == PageKind.SECTION) {
                bySection.computeIfAbsent(p.language() + ":" + parent(p.sectionKey()), k -> new ArrayList<>()).add(p);
            }
        }
        for (Page p : pages) {
            if (p.kind() == PageKind.SECTION) {
                List<Page> children = new ArrayList<>(bySection.getOrDefault(p.language() + ":" + p.sectionKey(), List.of()));
                children.sort(LISTING_ORDER);
                listings.put(p.path(), List.copyOf(children));
            } else if (p.kind() == PageKind.HOME) {
                List<Page> recent = new ArrayList<>(byLanguage.getOrDefault(p.language(), List.of()));
                recent.sort(Comparator.comparing(Page::date, Comparator.nullsLast(Comparator.<PageDate>reverseOrder()))
                        .thenComparing(Page::path));
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
            for (String aliasPath : p.document().frontMatter().aliases()) {
                int line = p.document().frontMatter().lineOf("aliases");
                SourcePosition at = SourcePosition.of(p.document().source().file(), line);
                String output = Page.outputPathOf(aliasPath);
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
