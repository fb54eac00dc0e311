package org.agora.cite;

import org.agora.content.FrontMatter;
import org.agora.files.TextEscaper;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A citation as a BibTeX entry, for LaTeX writers (and biblatex, which reads the same file). Every value is
 * written in braces with TeX's special characters escaped, and braces written as commands, so braces always
 * balance and no value can close its field or open another.
 */
public final class BibTex {

    private BibTex() {}

    public static byte[] write(Citation c) {
        StringBuilder out = new StringBuilder();
        out.append('@').append(c.kind().bibtex()).append('{').append(key(c)).append(",\n");
        field(out, "title", escape(c.title()));
        if (!c.authors().isEmpty()) {
            field(out, "author", c.authors().stream().map(BibTex::name).collect(Collectors.joining(" and ")));
        }
        if (c.issued() != null) {
            var d = c.issued().date();
            field(out, "year", String.valueOf(d.getYear()));
            field(out, "month", String.valueOf(d.getMonthValue()));
            field(out, "date", c.issued().date().toString());
        }
        // techreport wants an institution; book a publisher. biblatex reads both.
        field(out, c.kind() == Citation.Kind.REPORT ? "institution" : "publisher", escape(c.publisher()));
        if (c.doi() != null) field(out, "doi", verbatim(c.doi()));
        if (c.isbn() != null) field(out, "isbn", c.isbn());
        field(out, "language", escape(c.languageCode()));
        field(out, "url", verbatim(c.url()));
        out.setLength(out.length() - 2);   // the last field's ",\n"
        out.append("\n}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * "diop2026annual": the first author's family name, the year and the title's first word, in ASCII letters,
     * as Google Scholar and Zotero make keys.
     */
    static String key(Citation c) {
        String who = c.authors().isEmpty() ? "" : c.authors().getFirst().isPerson() ? c.authors().getFirst().family()
                : c.authors().getFirst().literal().split("\\s+")[0];
        String year = c.issued() == null ? "" : String.valueOf(c.issued().date().getYear());
        String word = "";
        for (String w : ascii(c.title()).split("[^a-z0-9]+")) {
            if (w.length() > 3) {
                word = w;
                break;
            }
        }
        String key = ascii(who).replace(" ", "") + year + word;
        return key.isEmpty() ? "agora" + Math.abs(c.id().hashCode()) : key;
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "");
    }

    /**
     * A person as "Family, Given"; a part holding a comma or the word "and" in braces, which BibTeX reads as one
     * word; an organisation always in braces, so "Bridges Learning Network" is never "Network, B. L.".
     */
    private static String name(FrontMatter.Author a) {
        if (!a.isPerson()) return "{" + escape(a.literal()) + "}";
        return a.given() == null ? part(a.family()) : part(a.family()) + ", " + part(a.given());
    }

    private static String part(String namePart) {
        String e = escape(namePart);
        return e.contains(",") || e.matches("(?i).*\\band\\b.*") || e.contains("{") ? "{" + e + "}" : e;
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value == null || value.isBlank()) return;
        out.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /**
     * biblatex reads url and doi verbatim (a "\\_" would stay in the link): only what could unbalance the braces
     * or break the line is percent-encoded, which a URL and a DOI resolver read as the same character.
     */
    static String verbatim(String value) {
        return value.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")
                .replaceAll("\\p{Cc}", "").strip();
    }

    /** TeX's special characters as text, one line. */
    static String escape(String value) {
        if (value == null) return null;
        return TEX.escape(value).replaceAll(" {2,}", " ").strip();
    }

    /** Line breaks and other control characters become spaces. */
    private static final TextEscaper TEX = new TextEscaper(texTable(),
            c -> !(Character.isISOControl(c) || c == '\u2028' || c == '\u2029'), " ");

    private static Map<Character, String> texTable() {
        Map<Character, String> table = new HashMap<>(Map.of('\\', "\\textbackslash{}", '{', "\\textbraceleft{}",
                '}', "\\textbraceright{}", '~', "\\textasciitilde{}",
                // A double quote would end a value written in quotes, and babel reads it as a shorthand.
                '"', "\\textquotedbl{}", '^', "\\textasciicircum{}"));
        for (char c : "&%$#_".toCharArray()) table.put(c, "\\" + c);
        return table;
    }
}
