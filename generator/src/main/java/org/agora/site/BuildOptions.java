package org.agora.site;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to build and where.
 * @param outDir the output folder, replaced as a whole when the build succeeds
 * @param cacheDir where the search indexes are kept between builds (and read by {@code agora search})
 * @param buildDate the day events are upcoming or past against; the only date the output depends on
 */
public record BuildOptions(Path siteDir, Path outDir, boolean includeDrafts, Path cacheDir, LocalDate buildDate) {

    public BuildOptions {
        java.util.Objects.requireNonNull(buildDate, "buildDate");
    }

    /** With the default build date ({@link BuildDate#fromEnvironment()}). */
    public BuildOptions(Path siteDir, Path outDir, boolean includeDrafts, Path cacheDir) {
        this(siteDir, outDir, includeDrafts, cacheDir, BuildDate.fromEnvironment());
    }

    public BuildOptions(Path siteDir, Path outDir, boolean includeDrafts) {
        this(siteDir, outDir, includeDrafts, defaultCache(siteDir));
    }

    public static BuildOptions of(Path siteDir) {
        return new BuildOptions(siteDir, siteDir.resolve("public"), false);
    }

    public BuildOptions withBuildDate(LocalDate date) {
        return new BuildOptions(siteDir, outDir, includeDrafts, cacheDir, date);
    }

    /** The site's own cache folder, ignored by git (.gitignore of a new site lists it). */
    public static Path defaultCache(Path siteDir) { return siteDir.resolve(".agora-cache"); }
}
