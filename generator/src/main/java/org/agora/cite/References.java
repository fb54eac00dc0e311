package org.agora.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A citation formatted as reference lists print it, in a few well-known CSL styles and in the page's language
 * (its CSL locale: dates, "and", "retrieved from"), by citeproc-java with the CSL project's own styles (copies of
 * the three offered) and locales (all of them, so any site language has its own). Plain text: the page escapes it like any text, so a title can never become markup.
 */
public final class References {

    /**
     * The styles a Cite box offers, in its order: the three a reader of reports in English, French or Dutch is
     * most often asked for. (ISO 690 was left out: citeproc-java prints its "Online" in English and no DOI.) {@code key} names the style in the theme's UI strings ("cite.style.apa").
     */
    public enum Style {
        APA("apa", "apa"),
        CHICAGO("chicago", "chicago-author-date"),
        HARVARD("harvard", "harvard-cite-them-right");

        public final String key;
        final String csl;

        Style(String key, String csl) {
            this.key = key;
            this.csl = csl;
        }
    }

    /** @param style its key in the UI strings; @param text the reference, one line */
    public record Reference(String style, String text) {}

    /** CSL's primary dialect of each language, for a site whose locale CSL has no file for (fr-BE, nl-BE). */
    private static final Map<String, String> PRIMARY = Map.of("en", "en-US", "fr", "fr-FR", "nl", "nl-NL", "de", "de-DE",
            "es", "es-ES", "pt", "pt-PT", "it", "it-IT", "ar", "ar", "sw", "en-US", "rw", "en-US");

    /**
     * One processor per style and locale, reused: reading a style (Chicago's is 150 KB of XML) costs far more than
     * formatting one item. A processor is not thread-safe, so each formats one item at a time.
     */
    private final Map<String, Processor> processors = new ConcurrentHashMap<>();
    private final Set<String> locales;

    private static final References SHARED = new References();

    /**
     * One for the whole process: its processors keep the styles they read, which every build and preview
     * rebuild would otherwise read again. Made at first use, so a site without citable documents reads no style.
     */
    public static References shared() { return SHARED; }

    private References() {
        Set<String> known;
        try {
            known = CSL.getSupportedLocales();
        } catch (IOException e) {
            known = Set.of("en-US");
        }
        this.locales = Set.copyOf(known);
    }

    /** How many citations' references are kept: every document of a large site, not an unbounded preview session's edits. */
    private static final int REMEMBERED = 50_000;

    /**
     * References already formatted, by citation: a rebuild (the preview's, after a save) asks again for every
     * page's, and about 2 ms per document adds up on a site of thousands of reports.
     */
    private final Map<Citation, List<Reference>> formatted = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Citation, List<Reference>> eldest) { return size() > REMEMBERED; }
            });

    /** The citation in every style; a style that fails on it is left out (the downloads still carry the data). */
    public List<Reference> format(Citation citation) {
        List<Reference> known = formatted.get(citation);
        if (known != null) return known;
        List<Reference> made = formatNow(citation);
        formatted.put(citation, made);
        return made;
    }

    private List<Reference> formatNow(Citation citation) {
        CSLItemData item = CSLItemData.fromJson(CslJson.item(citation));
        String locale = cslLocale(citation.language());
        List<Reference> out = new ArrayList<>();
        for (Style style : Style.values()) {
            String text = processors.computeIfAbsent(style.csl + " " + locale, k -> new Processor(style.csl, locale)).format(item);
            if (text != null && !text.isBlank()) out.add(new Reference(style.key, text));
        }
        return List.copyOf(out);
    }

    /** "fr-BE" → "fr-FR" when CSL has no Belgian French; "en-GB" stays. */
    String cslLocale(String languageTag) {
        if (locales.contains(languageTag)) return languageTag;
        int dash = languageTag.indexOf('-');
        String language = dash < 0 ? languageTag : languageTag.substring(0, dash);
        String primary = PRIMARY.get(language);
        if (primary != null && locales.contains(primary)) return primary;
        return locales.stream().filter(l -> l.startsWith(language + "-")).sorted().findFirst().orElse("en-US");
    }

    /** Where the styles of {@link Style} are, as {@code <csl name>.csl}. */
    static final String STYLES = "/agora/cite/styles/";

    private static final class Processor implements ItemDataProvider {
        private final String style;
        private final String locale;
        private CSL csl;
        private boolean broken;
        private CSLItemData current;

        Processor(String style, String locale) {
            this.style = style;
            this.locale = locale;
        }

        synchronized String format(CSLItemData item) {
            if (broken) return null;
            try {
                if (csl == null) csl = new CSL(this, styleXml(style), locale);
                csl.reset();
                csl.setOutputFormat("text");
                current = item;
                csl.registerCitationItems(item.getId());
                String[] entries = csl.makeBibliography().getEntries();
                return entries.length == 0 ? null : entries[0].replaceAll("\\s+", " ").strip();
            } catch (IOException | RuntimeException e) {
                // A style the processor cannot read is a fault of the jar, not of the content: no box for it.
                broken = csl == null;
                return null;
            } finally {
                current = null;
            }
        }

        /**
         * The style's XML, from the copies of the CSL project's styles that ship with Agora (agora/cite/styles;
         * CC BY-SA 3.0, as each file says), not from the 13 MB jar of all 10,000 styles, of which Agora offers three.
         */
        private static String styleXml(String style) throws IOException {
            try (InputStream in = References.class.getResourceAsStream(STYLES + style + ".csl")) {
                if (in == null) throw new IOException("no CSL style " + style + " in " + STYLES);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        @Override
        public CSLItemData retrieveItem(String id) { return current != null && current.getId().equals(id) ? current : null; }

        @Override
        public java.util.Collection<String> getIds() { return current == null ? List.of() : List.of(current.getId()); }
    }
}
