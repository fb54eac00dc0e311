package org.agora.content;

import java.text.Normalizer;
import java.util.Locale;

/** URL segments made from names and terms. */
public final class Slugs {

    private Slugs() {}

    /**
     * "Open Data & Cartes" → "open-data-cartes"; "Sécurité numérique" → "sécurité-numérique" (Hugo keeps the
     * accents of a term in its URL, and a site moving from Hugo keeps its term pages); country codes → lower case.
     */
    public static String term(String taxonomy, String value) {
        if (taxonomy.equals("countries")) return value.strip().toLowerCase(Locale.ROOT);
        return segment(value.replace("/", " "));
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

    /**
     * A file or folder name, slug or title as a URL segment, as Hugo makes it (its path sanitiser, then lower
     * case): letters, digits and {@code . _ ~ + # @ /} kept, accents included; a run of spaces and hyphens becomes
     * one hyphen; anything else ("&", "'", "?", "(") is dropped. "Réseau & Co Été" → "réseau-co-été".
     */
    public static String segment(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean hyphen = false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK || ".~_+#@/".indexOf(c) >= 0
                    || (c == '%' && i + 1 < name.length() && isHex(name.charAt(i)) && isHex(name.charAt(i + 1)))) {
                if (hyphen && !out.isEmpty()) out.append('-');
                hyphen = false;
                out.appendCodePoint(c);
            } else if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                hyphen = true;
            }
        }
        return out.isEmpty() ? of(name) : out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isHex(char c) { return Character.digit(c, 16) >= 0; }

    /** "code-of-conduct" → "Code of conduct", for documents without a title. */
    public static String humanize(String name) {
        String words = name.replace('-', ' ').replace('_', ' ').strip();
        if (words.isEmpty()) return name;
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
