package org.agora.markdown.shortcodes;

import java.util.function.BiFunction;

/**
 * One shortcode name: Agora's own (figure, ref, youtube...) or a template of the site or theme. A handler
 * turns a call into HTML, escaping every value that comes from content; it reports problems into the
 * context's diagnostics at the call's line and still returns something to show.
 */
public interface ShortcodeHandler {

    String name();

    Output render(Call call, Context context);

    /**
     * Whether the body of a paired call is handed to the handler as text ({@link Call#inner()}) instead of
     * staying in the document as Markdown that the handler's output wraps.
     */
    default boolean takesBodyAsText(Call.Form form) { return false; }

    /** A handler of one fixed name that needs nothing but the call and its context. */
    static ShortcodeHandler named(String name, BiFunction<Call, Context, Output> render) {
        record Named(String name, BiFunction<Call, Context, Output> renderer) implements ShortcodeHandler {
            @Override
            public Output render(Call call, Context context) { return renderer.apply(call, context); }
        }
        return new Named(name, render);
    }
}
