package org.agora.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * How much of each input the build accepts. Content comes from many editors and is built in CI with no one
 * watching: past a limit, the build reports the file (and line) instead of running out of stack, memory or
 * time. The defaults are far above anything a real e-library holds; a site can raise them under
 * {@code limits:} in site-config.yml.
 * @param files files in content/, static/ and each theme folder
 * @param documentBytes size of one Markdown file
 * @param lineLength characters on one line of Markdown
 * @param nesting blocks or inline elements inside each other (quotes, lists, emphasis, links)
 * @param paragraphLength characters in one paragraph or table of Markdown
 * @param paragraphLines lines in one paragraph or table of Markdown
 * @param pdfBytes size of a PDF whose text is read for search (a bigger one is published, not searched)
 * @param pdfPages pages of a PDF read for search
 * @param pdfSeconds time spent reading one PDF's text
 */
public record Limits(long files, long documentBytes, long lineLength, long nesting, long paragraphLength,
                     long paragraphLines, long pdfBytes, long pdfPages, long pdfSeconds) {

    public static final Limits DEFAULTS = new Limits(500_000, 4L << 20, 200_000, 64, 100_000, 5_000, 100L << 20, 2_000, 30);

    /** Each limit by its name in site-config.yml, with its value, in the order docs/security.md lists them. */
    public static final Map<String, ToLongFunction<Limits>> NAMES = names();

    private static Map<String, ToLongFunction<Limits>> names() {
        Map<String, ToLongFunction<Limits>> m = new LinkedHashMap<>();
        m.put("files", Limits::files);
        m.put("documentBytes", Limits::documentBytes);
        m.put("lineLength", Limits::lineLength);
        m.put("nesting", Limits::nesting);
        m.put("paragraphLength", Limits::paragraphLength);
        m.put("paragraphLines", Limits::paragraphLines);
        m.put("pdfBytes", Limits::pdfBytes);
        m.put("pdfPages", Limits::pdfPages);
        m.put("pdfSeconds", Limits::pdfSeconds);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** These limits with the values a site gave, by name; names not in {@link #NAMES} are the caller's error. */
    public Limits with(Map<String, Long> given) {
        long[] v = NAMES.values().stream().mapToLong(f -> f.applyAsLong(this)).toArray();
        int i = 0;
        for (String name : NAMES.keySet()) {
            if (given.containsKey(name)) v[i] = given.get(name);
            i++;
        }
        return new Limits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    public int filesInt() { return (int) Math.min(Integer.MAX_VALUE, files); }
}
