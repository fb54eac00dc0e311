package org.agora.config;

import java.util.Locale;
import java.util.Optional;

/** How a translation was made, as editors write it in front matter and the site's default in site-config.yml. */
public enum TranslationMethod {
    HUMAN("human"), MACHINE("machine"), MACHINE_REVIEWED("machine-reviewed");

    private final String word;

    TranslationMethod(String word) { this.word = word; }

    /** As editors write it. */
    public String word() { return word; }

    public static Optional<TranslationMethod> of(String text) {
        for (TranslationMethod m : values()) if (m.word.equals(text.strip().toLowerCase(Locale.ROOT))) return Optional.of(m);
        return Optional.empty();
    }
}
