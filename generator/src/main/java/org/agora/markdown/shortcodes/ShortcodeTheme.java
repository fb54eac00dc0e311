package org.agora.markdown.shortcodes;

import java.util.Map;
import java.util.Optional;

/**
 * What the theme gives shortcodes: templates shortcodes/NAME.peb (a site's layouts/shortcodes/ first) and
 * its UI strings, for Agora's own shortcodes' labels.
 */
public interface ShortcodeTheme {

    boolean defines(String name);

    /** @throws Exception with the template's file, line and message when the template fails */
    String render(String name, Map<String, Object> context) throws Exception;

    /** The theme's UI string in that language, if it has one. */
    Optional<String> text(String language, String key, Map<String, ?> args);

    /** A Hugo template of the site for this shortcode (layouts/shortcodes/NAME.html), which Agora cannot run. */
    default Optional<String> hugoTemplate(String name) { return Optional.empty(); }

    ShortcodeTheme NONE = new ShortcodeTheme() {
        @Override
        public boolean defines(String name) { return false; }

        @Override
        public String render(String name, Map<String, Object> context) { throw new IllegalStateException(name); }

        @Override
        public Optional<String> text(String language, String key, Map<String, ?> args) { return Optional.empty(); }
    };
}
