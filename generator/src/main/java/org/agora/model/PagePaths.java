package org.agora.model;

import org.agora.content.Slugs;
import org.agora.config.SiteConfig;
import org.agora.config.UrlSettings;
import org.agora.content.PageDate;

import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each kind of page lives, as Hugo places it: the default language at the root unless the site puts it
 * under its code, {@code url:} from the language's root, section permalinks with Hugo's tokens, and
 * {@code uglyURLs}. Paths are site paths below the output folder ("/fr/guides/animer/").
 */
public final class PagePaths {

    private static final Pattern TOKEN = Pattern.compile(":([a-zA-Z]+)");

    private final SiteConfig config;
    private final UrlSettings urls;

    public PagePaths(SiteConfig config) {
        this.config = config;
        this.urls = config.urls();
    }

    public String languageRoot(String language) { return config.languageRoot(language); }

    /** A page written at {@code folder} ("/fr/guides/animer/"): the folder itself, or "animer.html" beside it. */
    public String leaf(String folder) {
        if (!urls.uglyUrls() || folder.equals("/") || !folder.endsWith("/")) return folder;
        if (languageRootOf(folder)) return folder;
        return folder.substring(0, folder.length() - 1) + ".html";
    }

    private boolean languageRootOf(String folder) {
        return config.languages().stream().anyMatch(l -> config.languageRoot(l.code()).equals(folder));
    }

    /**
     * An editor's {@code url:} as Hugo reads it in a multilingual site: from the language's root, unless it
     * already starts there ("/fr/merci/" in a French page stays, "/merci/" becomes "/fr/merci/").
     */
    public String fromUrl(String written, String language) {
        // "helm/v3" is the folder helm/v3/ to Hugo: the page's address ends with a slash like any other.
        String last = written.substring(written.lastIndexOf('/') + 1);
        String url = written.endsWith("/") || last.contains(".") ? written : written + "/";
        String root = languageRoot(language);
        if (root.equals("/") || url.startsWith(root) || (url + "/").equals(root)) return url;
        return root + url.substring(1);
    }

    /** The path of a page in a section with a permalink pattern, or null when its section has none. */
    public String permalink(Map<String, String> patterns, String sectionKey, PermalinkFacts facts) {
        String pattern = patternFor(patterns, sectionKey);
        if (pattern == null) return null;
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(pattern);
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), facts)));
        m.appendTail(out);
        String path = org.agora.content.SitePath.normalize(out.toString().replaceAll("/{2,}", "/"))
                .orElse("/" + Slugs.segment(facts.fileName()) + "/");
        String full = languageRoot(facts.language()) + path.substring(1);
        return urls.uglyUrls() ? leaf(full.endsWith("/") ? full : full + "/") : full;
    }

    public Map<String, String> pagePatterns() { return urls.permalinks(); }

    public Map<String, String> sectionPatterns() { return urls.sectionPermalinks(); }

    /** Hugo keys permalinks by the top section; a longer key ("docs/guides") names a nested one. */
    private static String patternFor(Map<String, String> patterns, String sectionKey) {
        if (patterns.isEmpty()) return null;
        String key = sectionKey;
        while (true) {
            String p = patterns.get(key);
            if (p != null) return p;
            int slash = key.lastIndexOf('/');
            if (slash < 0) return key.isEmpty() ? null : patterns.get("");
            key = key.substring(0, slash);
        }
    }

    private static String value(String token, PermalinkFacts f) {
        PageDate d = f.date();
        return switch (token) {
            case "year" -> d == null ? "" : String.format("%04d", d.date().getYear());
            case "month" -> d == null ? "" : String.format("%02d", d.date().getMonthValue());
            case "monthname" -> d == null ? "" : d.date().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            case "day" -> d == null ? "" : String.format("%02d", d.date().getDayOfMonth());
            case "weekday" -> d == null ? "" : String.valueOf(d.date().getDayOfWeek().getValue() % 7);
            case "weekdayname" -> d == null ? "" : d.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            case "yearday" -> d == null ? "" : String.valueOf(d.date().getDayOfYear());
            case "section" -> Slugs.segment(first(f.sectionKey()));
            case "sections" -> f.sectionKey().isEmpty() ? "" : Slugs.segment(f.sectionKey());
            case "title" -> Slugs.segment(f.title());
            case "slug", "contentbasenameorslug" -> f.givenSlug() != null ? Slugs.segment(f.givenSlug()) : Slugs.segment(f.title());
            case "filename", "contentbasename" -> Slugs.segment(f.fileName());
            case "slugorfilename" -> f.givenSlug() != null ? Slugs.segment(f.givenSlug()) : Slugs.segment(f.fileName());
            default -> ":" + token;
        };
    }

    private static String first(String sectionKey) {
        int slash = sectionKey.indexOf('/');
        return slash < 0 ? sectionKey : sectionKey.substring(0, slash);
    }

    /**
     * What a permalink pattern may ask of a page.
     * @param givenSlug the slug from front matter, or null
     * @param fileName the file's name without language and extension (a bundle's folder name)
     */
    public record PermalinkFacts(String language, String sectionKey, String title, String givenSlug, String fileName,
                                 PageDate date) {}
}
