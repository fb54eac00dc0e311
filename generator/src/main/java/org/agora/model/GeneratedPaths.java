package org.agora.model;

import org.agora.config.GeneratedSlugs;
import org.agora.config.SiteConfig;

import java.util.Map;
import java.util.Set;

/**
 * The folder of each page Agora makes (search, library, types, years, each taxonomy) in each language: the
 * site's word from site-config.yml ({@code slugs:}), else the theme's ({@code slug.search} in its UI strings),
 * else the English name. French readers get /fr/recherche/, and the English name stays a redirect.
 *
 * @param themeSlugs per language, per page name, the theme's word, already checked to be one folder name
 * @param keptEnglish "name:language" of the pages that keep their English folder because the site's own content
 *                    is in the translated one (a French section content/fr/pays/ beside the countries)
 */
public record GeneratedPaths(SiteConfig config, Map<String, Map<String, String>> themeSlugs, Set<String> keptEnglish) {

    public GeneratedPaths {
        themeSlugs = Map.copyOf(themeSlugs.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
        keptEnglish = Set.copyOf(keptEnglish);
    }

    public GeneratedPaths(SiteConfig config, Map<String, Map<String, String>> themeSlugs) {
        this(config, themeSlugs, Set.of());
    }

    /** Only the site's own words: for tools that build a library without a theme. */
    public static GeneratedPaths of(SiteConfig config) { return new GeneratedPaths(config, Map.of()); }

    /** The same words, but the page {@code name} of {@code language} keeps its English folder. */
    public GeneratedPaths keepingEnglish(String name, String language) {
        Set<String> kept = new java.util.HashSet<>(keptEnglish);
        kept.add(name + ":" + language);
        return new GeneratedPaths(config, themeSlugs, kept);
    }

    /** "recherche" for ("search", "fr"); "search" where neither the site nor the theme translates it. */
    public String folder(String name, String language) {
        if (keptEnglish.contains(name + ":" + language)) return name;
        return config.slugs().of(name, language)
                .or(() -> java.util.Optional.ofNullable(themeSlugs.getOrDefault(language, Map.of()).get(name)))
                .filter(GeneratedSlugs::isSegment)
                .orElse(name);
    }

    /** The translated folder below the language's root, "/fr/thematiques/"; term pages are inside it. */
    public String folderOf(String name, String language) {
        return config.languageRoot(language) + folder(name, language) + "/";
    }

    /** The folder under the English name, "/fr/themes/": where a Hugo site has it, and what redirects. */
    public String englishFolderOf(String name, String language) {
        return config.languageRoot(language) + name + "/";
    }

    /** The page's path under its translated folder ("/fr/thematiques/", or "/fr/thematiques.html" with uglyURLs). */
    public String path(String name, String language) {
        return new PagePaths(config).leaf(folderOf(name, language));
    }

    public String englishPath(String name, String language) {
        return new PagePaths(config).leaf(englishFolderOf(name, language));
    }
}
