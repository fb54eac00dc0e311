package org.agora.markdown.shortcodes;

/**
 * The place of a paired shortcode's Markdown body in its template's output: Agora's own, so a theme prints it
 * as it is. It carries the document's random key, so that an argument holding the marker character cannot
 * cut the template's output elsewhere.
 */
public record InnerMarker(String marker) {

    static InnerMarker of(Context ctx) { return new InnerMarker("\uE002" + ctx.key() + "\uE002"); }

    @Override
    public String toString() { return marker; }
}
