package org.agora.config;

import java.util.Map;
import java.util.TreeMap;

/** A text given once for all languages, or per language; a missing language falls back to the plain value. */
public record LocalizedText(String plain, Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = java.util.Collections.unmodifiableMap(new TreeMap<>(byLanguage));
    }

    public static LocalizedText of(String plain) { return new LocalizedText(plain, Map.of()); }

    public String in(String language, String defaultLanguage) {
        String v = byLanguage.get(language);
        if (v != null) return v;
        if (plain != null) return plain;
        v = byLanguage.get(defaultLanguage);
        if (v != null) return v;
        return byLanguage.values().stream().findFirst().orElse("");
    }
}
