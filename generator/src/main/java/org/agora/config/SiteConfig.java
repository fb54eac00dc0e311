package org.agora.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * site-config.yml as typed, validated values.
 * @param baseUrl absolute URL of the site root, always ending in '/'
 * @param languages in the order the site lists them
 * @param fallbacks for each language, the languages whose documents fill its gaps, in order
 * @param taxonomies front-matter fields that group documents into term pages
 * @param termLabels labels of terms per language, from data/taxonomies.yml
 * @param types the fields each type of document requires
 * @param security what the site trusts its editors with
 * @param limits how much of each input the build accepts
 * @param urls where pages are published (Hugo's URL settings)
 * @param brokenLinks whether a broken link stops the build
 * @param searchPacks whether the search export bundles its files into packs read with HTTP Range
 * @param searchSynonyms per language code, lines of words that mean the same ("NGO, non-governmental organisation")
 * @param translationDefault how a translation without its own {@code translation:} was made, or null (not said)
 * @param oai what the OAI-PMH static repository says about the library (oai: in site-config.yml)
 * @param citable the document types whose documents readers can cite: a Cite box, citation files and tags
 * @param slugs the folders the site gives the pages Agora makes, per language (slugs: in site-config.yml)
 */
public record SiteConfig(
        Path siteDir,
        Path configFile,
        LocalizedText title,
        LocalizedText description,
        URI baseUrl,
        String defaultLanguage,
        List<LanguageConfig> languages,
        Map<String, List<String>> fallbacks,
        String theme,
        List<String> taxonomies,
        int pageSize,
        Security security,
        TermLabels termLabels,
        DocumentTypes types,
        Limits limits,
        UrlSettings urls,
        BrokenLinks brokenLinks,
        SearchPacks searchPacks,
        Map<String, List<String>> searchSynonyms,
        TranslationMethod translationDefault,
        OaiSettings oai,
        List<String> citable,
        GeneratedSlugs slugs) {

    public SiteConfig {
        searchSynonyms = Map.copyOf(searchSynonyms);
        languages = List.copyOf(languages);
        fallbacks = Map.copyOf(fallbacks);
        taxonomies = List.copyOf(taxonomies);
        citable = List.copyOf(citable);
    }

    /** Whether documents of this type get a Cite box, citation files and citation tags. */
    public boolean isCitable(String type) { return type != null && citable.contains(type); }

    public Path contentDir() { return siteDir.resolve("content"); }

    /**
     * Where a language's pages live below the output folder: "/fr/", or "/" for the default language when it is
     * served at the root (Hugo's default). With one host per language, every language has its own folder.
     */
    public String languageRoot(String language) {
        boolean atRoot = language.equals(defaultLanguage) && !urls.defaultLanguageInSubdir() && !urls.multihost();
        return atRoot ? "/" : "/" + language + "/";
    }

    /** Whether some language lives at the root of the output, so that no page chooses a language there. */
    public boolean defaultLanguageAtRoot() { return languageRoot(defaultLanguage).equals("/"); }

    /** Editors may write any HTML, script included: nothing they write is sanitised. */
    public boolean trustRawHtml() { return security.trustRawHtml(); }

    /** The path part of the base URL, "/" or "/elibrary/": every site link starts with it. */
    public String basePath() {
        String p = baseUrl.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    public LanguageConfig language(String code) {
        return languages.stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a site language: " + code));
    }

    public boolean hasLanguage(String code) {
        return languages.stream().anyMatch(l -> l.code().equals(code));
    }

    public List<String> languageCodes() { return languages.stream().map(LanguageConfig::code).toList(); }

    public List<String> fallbacksOf(String language) { return fallbacks.getOrDefault(language, List.of()); }
}
