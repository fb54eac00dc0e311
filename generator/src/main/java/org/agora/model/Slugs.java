package org.agora.model;

import java.text.Normalizer;
import java.util.Locale;

/** URL segments made from names and terms. */
public final class Slugs {

    private Slugs() {}

    /** "Open Data & Cartes" → "open-data-cartes"; "Réseau" → "reseau"; country codes → lower case. */
    public static String term(String taxonomy, String value) {
        if (taxonomy.equals("countries")) return value.strip().toLowerCase(Locale.ROOT);
        return of(value);
    }

    public static String of(String text) {
        String folded = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "-" : slug;
    }

    /** A file or folder name as a URL segment: lower case, spaces as hyphens, other letters kept (Hugo does the same). */
    public static String segment(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** "code-of-conduct" → "Code of conduct", for documents without a title. */
    public static String humanize(String name) {
        String words = name.replace('-', ' ').replace('_', ' ').strip();
        if (words.isEmpty()) return name;
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
