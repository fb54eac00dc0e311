package org.agora.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A page and its translations: at most one page per language. */
public record TranslationGroup(String key, Map<String, Page> byLanguage) {

    public TranslationGroup {
        byLanguage = java.util.Collections.unmodifiableMap(new TreeMap<>(byLanguage));
    }

    public Optional<Page> in(String language) { return Optional.ofNullable(byLanguage.get(language)); }
}
