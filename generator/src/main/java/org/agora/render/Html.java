package org.agora.render;

/**
 * Markup that Agora vouches for: rendered Markdown after the sanitiser (or from trusted editors), JSON-LD it
 * wrote itself. Templates print it with {@code | raw} as it is; any other value printed raw comes from content
 * or a template's own text and goes through the sanitiser when the site does not trust its editors
 * ({@link ContentFilters}). A Java type, so nothing an editor writes can pass for it.
 */
public record Html(String markup) {

    public Html {
        markup = markup == null ? "" : markup;
    }

    public static Html of(String markup) { return new Html(markup); }

    public boolean isBlank() { return markup.isBlank(); }

    @Override
    public String toString() { return markup; }
}
