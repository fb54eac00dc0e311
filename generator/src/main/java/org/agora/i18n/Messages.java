package org.agora.i18n;

import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The theme's UI strings per language, with CLDR plural forms ("one", "few", "many", "other"...) chosen
 * by CLDR's rules for the language's locale ({@link PluralRules}). A string missing in a language falls back to the default
 * language's, then to the key itself, and is remembered so the build can warn about it.
 */
public final class Messages {

    /** One UI string: a plain text, or a text per plural category. */
    public sealed interface Text {
        record Plain(String text) implements Text {}

        record Plural(Map<String, String> forms) implements Text {}
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)\\}");

    private final SiteConfig config;
    private final Map<String, Map<String, Text>> byLanguage;
    private final Map<String, PluralRules> plurals = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    public Messages(SiteConfig config, Map<String, Map<String, Text>> byLanguage) {
        this.config = config;
        this.byLanguage = Map.copyOf(byLanguage);
    }

    public String t(String language, String key) { return t(language, key, Map.of()); }

    public String t(String language, String key, Map<String, ?> args) {
        Text text = lookup(language, key);
        if (text == null) {
            missing.add(language + ":" + key);
            return key;
        }
        String pattern = switch (text) {
            case Text.Plain p -> p.text();
            case Text.Plural p -> p.forms().getOrDefault(category(language, args.get("count")),
                    p.forms().getOrDefault("other", key));
        };
        return fill(pattern, args);
    }

    public boolean has(String language, String key) { return lookup(language, key) != null; }

    /**
     * The language's own plain string, never another language's: a word that becomes a URL ("recherche") must not
     * reach German readers because German strings lack it.
     */
    public java.util.Optional<String> ownPlain(String language, String key) {
        return byLanguage.getOrDefault(language, Map.of()).get(key) instanceof Text.Plain p
                ? java.util.Optional.of(p.text()) : java.util.Optional.empty();
    }

    /**
     * The UI string "group.name" (e.g. "type.news"), or the name made readable when the theme has none:
     * sites bring their own types and taxonomies, and a missing label is not worth a warning.
     */
    public String label(String language, String group, String name) {
        String key = group + "." + name;
        if (has(language, key)) return t(language, key);
        String words = name.replace('-', ' ').replace('_', ' ').strip();
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "language:key" of every string a template asked for that no language had. */
    public Set<String> missingKeys() { return Set.copyOf(missing); }

    private Text lookup(String language, String key) {
        Text t = byLanguage.getOrDefault(language, Map.of()).get(key);
        if (t == null && !language.equals(config.defaultLanguage())) {
            t = byLanguage.getOrDefault(config.defaultLanguage(), Map.of()).get(key);
            if (t != null) missing.add(language + ":" + key);
        }
        return t;
    }

    private String category(String language, Object count) {
        if (!(count instanceof Number n)) return "other";
        PluralRules rules = plurals.computeIfAbsent(language, l -> {
            LanguageConfig lang = config.language(l);
            return PluralRules.forLocale(lang.locale());
        });
        return rules.select(n.doubleValue());
    }

    /** The pattern with each {name} replaced by that argument; unknown names stay as written. */
    public static String fill(String pattern, Map<String, ?> args) {
        if (args.isEmpty() || pattern.indexOf('{') < 0) return pattern;
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
