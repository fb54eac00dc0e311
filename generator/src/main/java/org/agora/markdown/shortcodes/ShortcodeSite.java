package org.agora.markdown.shortcodes;

import org.agora.content.StaticFile;
import org.agora.markdown.LinkTargets;
import org.agora.model.Library;
import org.agora.model.SiteUrls;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What shortcodes may use of the whole site while documents render: built once per library.
 * @param fallbackMarker (page language, target language) to the words that mark a link to another language
 */
public record ShortcodeSite(Library library, LinkTargets targets, RefResolver refs, SiteUrls urls, Set<String> staticPaths,
                            boolean trustRawHtml, ShortcodeTheme theme, BiFunction<String, String, String> fallbackMarker) {

    public static ShortcodeSite of(LinkTargets targets, boolean trustRawHtml, ShortcodeTheme theme,
                                   BiFunction<String, String, String> fallbackMarker) {
        Library library = targets.library();
        Set<String> statics = new HashSet<>();
        for (StaticFile f : library.staticFiles()) statics.add(f.relPath());
        return new ShortcodeSite(library, targets, new RefResolver(library), SiteUrls.of(library.config()), Set.copyOf(statics),
                trustRawHtml, theme, fallbackMarker);
    }
}
