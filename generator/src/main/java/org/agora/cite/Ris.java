package org.agora.cite;

import org.agora.content.FrontMatter;

import java.nio.charset.StandardCharsets;

/**
 * A citation as RIS, the tagged format every reference manager imports (Zotero, EndNote, Mendeley): one
 * {@code TAG  - value} line per field, TY first and ER last. A value is one line: line breaks and control
 * characters in it become spaces, so no text can start a tag of its own.
 */
public final class Ris {

    private Ris() {}

    public static byte[] write(Citation c) {
        StringBuilder out = new StringBuilder();
        tag(out, "TY", c.kind().ris());
        tag(out, "TI", c.title());
        for (FrontMatter.Author a : c.authors()) tag(out, "AU", a.invertedName());
        if (c.issued() != null) {
            var d = c.issued().date();
            tag(out, "PY", String.valueOf(d.getYear()));
            tag(out, "DA", String.format(java.util.Locale.ROOT, "%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
        }
        tag(out, "PB", c.publisher());
        if (c.summary() != null) tag(out, "AB", c.summary());
        if (c.doi() != null) tag(out, "DO", c.doi());
        if (c.isbn() != null) tag(out, "SN", c.isbn());
        tag(out, "LA", c.languageCode());
        tag(out, "UR", c.url());
        for (Citation.File f : c.files()) tag(out, "L1", f.url());
        out.append("ER  - \r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RIS lines end in CR LF, as the format's specification and EndNote write them. */
    private static void tag(StringBuilder out, String tag, String value) {
        if (value == null || value.isBlank()) return;
        out.append(tag).append("  - ").append(oneLine(value)).append("\r\n");
    }

    static String oneLine(String value) {
        return value.replaceAll("[\\p{Cc}\\u2028\\u2029\\u0085]+", " ").strip();
    }
}
