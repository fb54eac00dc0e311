package org.agora.site;

import org.agora.config.GeneratedSlugs;
import org.agora.config.LanguageConfig;
import org.agora.config.SiteConfig;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;
import org.agora.i18n.Messages;
import org.agora.model.Facets;
import org.agora.model.GeneratedPaths;
import org.agora.render.Theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The theme's words for the folders of the pages Agora makes: the UI string {@code slug.<name>} in each language's
 * own strings ({@code slug.search: recherche}), read before the library is built since pages' paths depend on them.
 */
final class ThemeSlugs {

    private ThemeSlugs() {}

    static GeneratedPaths of(SiteConfig config, Messages messages, Theme theme, Diagnostics diagnostics) {
        List<String> names = new ArrayList<>(GeneratedSlugs.OWN_PAGES);
        Facets.all(config).stream().filter(n -> !names.contains(n)).forEach(names::add);
        Map<String, Map<String, String>> byLanguage = new HashMap<>();
        for (LanguageConfig lang : config.languages()) {
            Map<String, String> slugs = new HashMap<>();
            for (String name : names) {
                messages.ownPlain(lang.code(), "slug." + name).map(String::strip).ifPresent(slug -> {
                    if (GeneratedSlugs.isSegment(slug)) slugs.put(name, slug);
                    else diagnostics.warning(SourcePosition.of(fileSaying(theme, lang.code(), "slug." + name)),
                            "slug." + name + " '" + slug + "' is not one folder name in lower case; /" + name + "/ is used",
                            "write letters and digits joined by hyphens, for example  slug." + name + ": "
                                    + slug.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", ""));
                });
            }
            byLanguage.put(lang.code(), slugs);
        }
        return new GeneratedPaths(config, byLanguage);
    }

    /** The strings file the word came from: the site's i18n/ overrides the theme's, so the last one that has it. */
    private static Path fileSaying(Theme theme, String language, String key) {
        Path found = theme.root().resolve("i18n").resolve(language + ".yml");
        for (Path dir : theme.i18nDirs()) {
            Path file = dir.resolve(language + ".yml");
            try {
                if (Files.isRegularFile(file) && Files.readString(file).contains(key)) found = file;
            } catch (IOException | java.io.UncheckedIOException e) {
                // unreadable: the strings loader has reported it
            }
        }
        return found;
    }
}
