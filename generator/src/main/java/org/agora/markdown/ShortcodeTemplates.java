package org.agora.markdown;

import java.util.Map;

/** The theme's shortcode templates (shortcodes/NAME.peb, a site's layouts/ first), as the renderer sees them. */
public interface ShortcodeTemplates {

    boolean defines(String name);

    /** @throws Exception with the template's file, line and message when the template fails */
    String render(String name, Map<String, Object> context) throws Exception;

    ShortcodeTemplates NONE = new ShortcodeTemplates() {
        @Override
        public boolean defines(String name) { return false; }

        @Override
        public String render(String name, Map<String, Object> context) { throw new IllegalStateException(name); }
    };
}
