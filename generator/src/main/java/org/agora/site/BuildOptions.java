package org.agora.site;

import java.nio.file.Path;

/**
 * What to build and where.
 * @param outDir the output folder, replaced as a whole when the build succeeds
 * @param cacheDir where the search indexes are kept between builds (and read by {@code agora search})
 */
public record BuildOptions(Path siteDir, Path outDir, boolean includeDrafts, Path cacheDir) {

    public BuildOptions(Path siteDir, Path outDir, boolean includeDrafts) {
        this(siteDir, outDir, includeDrafts, defaultCache(siteDir));
    }

    public static BuildOptions of(Path siteDir) {
        return new BuildOptions(siteDir, siteDir.resolve("public"), false);
    }

    /** The site's own cache folder, ignored by git (.gitignore of a new site lists it). */
    public static Path defaultCache(Path siteDir) { return siteDir.resolve(".agora-cache"); }
}
