package org.agora.render;

import java.util.function.Supplier;

/**
 * Markup that Agora vouches for: rendered Markdown after the sanitiser (or from trusted editors), JSON-LD it
 * wrote itself. Templates print it with {@code | raw} as it is; any other value printed raw comes from content
 * or a template's own text and goes through the sanitiser when the site does not trust its editors
 * ({@link ContentFilters}). A Java type, so nothing an editor writes can pass for it.
 * <p>
 * A document's body may be {@link #deferred}: made only when a template prints it, and known meanwhile by a
 * fingerprint, so that the build cache can tell a page is unchanged without making its body.
 */
public final class Html {

    private final String fingerprint;
    private Supplier<String> source;
    private String markup;

    private Html(String markup, String fingerprint, Supplier<String> source) {
        this.markup = markup;
        this.fingerprint = fingerprint;
        this.source = source;
    }

    public static Html of(String markup) { return new Html(markup == null ? "" : markup, null, null); }

    /**
     * Markup made on first use.
     * @param fingerprint equal for equal markup and, but for a negligible chance, different for different markup
     */
    public static Html deferred(String fingerprint, Supplier<String> markup) {
        return new Html(null, java.util.Objects.requireNonNull(fingerprint), markup);
    }

    public synchronized String markup() {
        if (markup == null) {
            String made = source.get();
            markup = made == null ? "" : made;
            source = null;
        }
        return markup;
    }

    /** What identifies a deferred markup without making it; null for markup given as it is. */
    public String fingerprint() { return fingerprint; }

    public boolean isBlank() { return markup().isBlank(); }

    @Override
    public boolean equals(Object o) { return o instanceof Html h && markup().equals(h.markup()); }

    @Override
    public int hashCode() { return markup().hashCode(); }

    @Override
    public String toString() { return markup(); }
}
