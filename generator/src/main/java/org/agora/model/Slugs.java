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

    // Compiled once: every document's every term is slugged on each build, and the preview relinks often.
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern EDGE_HYPHENS = java.util.regex.Pattern.compile("(^-+|-+$)");

    public static String of(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("");
        String slug = EDGE_HYPHENS.matcher(NON_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
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
