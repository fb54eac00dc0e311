package org.agora.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where pages are published, as Hugo decides it, so that a site moving from Hugo keeps every URL.
 * @param defaultLanguageInSubdir the default language under its code ("/en/") rather than at the root
 *                                (Hugo's {@code defaultContentLanguageInSubdir}, false unless set, as in Hugo)
 * @param uglyUrls pages as "/guides/facilitation.html" and sections as "/guides.html" (Hugo's {@code uglyURLs})
 * @param permalinks per section ("posts"), the pattern of its pages' paths with Hugo's tokens ("/:year/:slug/")
 * @param sectionPermalinks per section, the pattern of its section pages' paths (Hugo's {@code permalinks.section})
 * @param filenameDates the date at the start of a file name ("2019-03-24-meetup.md") also takes itself out of the
 *                      page's slug, as Hugo does when its {@code frontmatter.date} lists {@code :filename}
 * @param languageBaseUrls per language, its own host (Hugo's multihost): the language is published at that
 *                         host's root, and links to other languages are absolute
 * @param emptyTaxonomyPages a taxonomy the site names in site-config.yml has its page before any document uses it,
 *                           as Hugo writes one for every taxonomy it is given (not for Agora's default list)
 */
public record UrlSettings(boolean defaultLanguageInSubdir, boolean uglyUrls, Map<String, String> permalinks,
                          Map<String, String> sectionPermalinks, boolean filenameDates,
                          Map<String, URI> languageBaseUrls, boolean emptyTaxonomyPages) {

    /** Hugo's permalink tokens that Agora fills. */
    public static final java.util.List<String> TOKENS = java.util.List.of("year", "month", "monthname", "day",
            "weekday", "weekdayname", "yearday", "section", "sections", "title", "slug", "filename", "slugorfilename",
            "contentbasename", "contentbasenameorslug");

    public static final UrlSettings DEFAULTS = new UrlSettings(false, false, Map.of(), Map.of(), false, Map.of(), false);

    public UrlSettings {
        permalinks = Map.copyOf(permalinks);
        sectionPermalinks = Map.copyOf(sectionPermalinks);
        languageBaseUrls = Map.copyOf(languageBaseUrls);
    }

    /** Each language on its own host: every language, the default one included, is written to its own folder. */
    public boolean multihost() { return !languageBaseUrls.isEmpty(); }

    public Optional<URI> baseUrlOf(String language) { return Optional.ofNullable(languageBaseUrls.get(language)); }
}
