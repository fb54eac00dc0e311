package org.agora.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A theme is data: Pebble templates, UI strings and assets. The site may override any template,
 * string file or asset by putting its own under layouts/, i18n/ or assets/ at the site's root.
 * @param root the theme folder (on disk, or inside the generator's jar for the bundled theme)
 * @param siteDir the site, whose own files win over the theme's
 */
public record Theme(String name, Path root, Path siteDir) {

    /** Template folders, the site's first. */
    public List<Path> templateDirs() { return existing(siteDir.resolve("layouts"), root.resolve("templates")); }

    /** i18n folders, the theme's first so that the site's strings are read last and win. */
    public List<Path> i18nDirs() { return existing(root.resolve("i18n"), siteDir.resolve("i18n")); }

    /** Asset folders, the site's first. */
    public List<Path> assetDirs() { return existing(siteDir.resolve("assets"), root.resolve("assets")); }

    private static List<Path> existing(Path... dirs) {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) if (java.nio.file.Files.isDirectory(d)) out.add(d);
        return out;
    }
}
