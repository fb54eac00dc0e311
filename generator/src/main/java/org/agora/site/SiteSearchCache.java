package org.agora.site;

import org.agora.config.SiteConfig;
import org.agora.search.IndexBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;

/** The search indexes a build left in a site's cache, and whether the site changed since. */
public record SiteSearchCache(Path siteDir, Path cacheDir, SiteConfig config) {

    /** The folder of every language's index in a build cache. */
    public static Path root(Path cacheDir) { return cacheDir.resolve(org.agora.search.SearchLayout.CACHE_FOLDER); }

    public Path dir(String language) { return root(cacheDir).resolve(language); }

    /** True when an index is missing, was made by another version, or is older than a source file. */
    public boolean isStale() {
        try {
            FileTime oldest = null;
            for (String code : config.languageCodes()) {
                if (!IndexBuilder.isCurrent(dir(code), code)) return true;
                FileTime t = IndexBuilder.finishedAt(dir(code));
                if (oldest == null || t.compareTo(oldest) < 0) oldest = t;
            }
            FileTime newest = newest(siteDir.resolve("site-config.yml"));
            for (String folder : new String[] {"content", "themes", "i18n"}) {
                FileTime t = newest(siteDir.resolve(folder));
                if (t != null && (newest == null || t.compareTo(newest) > 0)) newest = t;
            }
            return oldest == null || (newest != null && newest.compareTo(oldest) > 0);
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    private static FileTime newest(Path p) throws IOException {
        if (!Files.exists(p)) return null;
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(Comparator.naturalOrder()).orElse(null);
        }
    }

}
